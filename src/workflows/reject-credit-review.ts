import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decideCreditReviewStep } from "./steps"
import type { CreditReviewDecisionInput } from "./release-credit-review"
import { lockReviewedOrder, unlockReviewedOrder } from "./utils/lock-reviewed-order"

export const rejectCreditReviewWorkflowId = "reject-trade-credit-review"

/**
 * A credit controller refuses a held order: the review is rejected and the
 * order canceled. No credit moves. Under the order's credit lock, like a
 * release, so the two never interleave.
 */
export const rejectCreditReviewWorkflow = createWorkflow(
  rejectCreditReviewWorkflowId,
  (input: CreditReviewDecisionInput) => {
    const lock = lockReviewedOrder(input, "rejected")
    const decision = transform({ input }, ({ input }) => ({ ...input, decision: "rejected" as const }))
    const { review, previous_status } = decideCreditReviewStep(decision)
    when({ previous_status, review }, ({ previous_status, review }) => previous_status === "pending" && !!review.order_id).then(() => {
      const cancel = transform({ review, input }, ({ review, input }) => ({
        order_id: review.order_id as string,
        canceled_by: input.actor.id ?? undefined,
      }))
      cancelOrderWorkflow.runAsStep({ input: cancel })
    })
    unlockReviewedOrder(lock)
    return new WorkflowResponse(review)
  }
)
