import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../modules/trade-credit/types"
import { releaseCreditReviewWorkflow } from "./release-credit-review"
import { findHeldReviewStep } from "./steps"

export type ReleaseCoveredOrderInput = { account_id: string; order_id: string; actor: Actor; comment?: string | null }

export const releaseCoveredOrderWorkflowId = "release-covered-trade-credit-order"

/**
 * A buyer asks to release a held order of an account (they paid the part
 * above the limit). The release re-authorizes the order as the buyer, so it
 * obeys every rule a checkout obeys, decided under the account lock: on stop
 * or over the limit, the authorization is refused, this workflow fails, and
 * the release's compensation puts the review back to pending (the order stays
 * held). Returns the released review's id, or null when the order is not held
 * on this account.
 */
export const releaseCoveredOrderWorkflow = createWorkflow(
  releaseCoveredOrderWorkflowId,
  (input: ReleaseCoveredOrderInput) => {
    const reviewId = findHeldReviewStep(input)
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
