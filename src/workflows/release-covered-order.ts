import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../modules/trade-credit/types"
import { releaseCreditReviewWorkflow } from "./release-credit-review"
import { findCoveredReviewStep } from "./steps"

export type ReleaseCoveredOrderInput = { account_id: string; order_id: string; actor: Actor; comment?: string | null }

export const releaseCoveredOrderWorkflowId = "release-covered-trade-credit-order"

/**
 * Releases a held order of an account once the account's available credit
 * covers it (the buyer paid the part above the limit), as the given actor.
 * Returns the released review's id, or null when the order is still over.
 */
export const releaseCoveredOrderWorkflow = createWorkflow(
  releaseCoveredOrderWorkflowId,
  (input: ReleaseCoveredOrderInput) => {
    const reviewId = findCoveredReviewStep(input)
    when({ reviewId }, ({ reviewId }) => !!reviewId).then(() => {
      const release = transform({ reviewId, input }, ({ reviewId, input }) => ({
        review_id: reviewId as string,
        comment: input.comment ?? null,
        actor: input.actor,
      }))
      releaseCreditReviewWorkflow.runAsStep({ input: release })
    })
    return new WorkflowResponse(reviewId)
  }
)
