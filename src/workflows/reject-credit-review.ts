import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decideCreditReviewStep } from "./steps"
import type { CreditReviewDecisionInput } from "./release-credit-review"

export const rejectCreditReviewWorkflowId = "reject-trade-credit-review"

/** A credit controller refuses a held order: the review is rejected and the order canceled. No credit moves. */
export const rejectCreditReviewWorkflow = createWorkflow(
  rejectCreditReviewWorkflowId,
  (input: CreditReviewDecisionInput) => {
    const decision = transform({ input }, ({ input }) => ({ ...input, decision: "rejected" as const }))
    const { review, previous_status } = decideCreditReviewStep(decision)
    when({ previous_status, review }, ({ previous_status, review }) => previous_status === "pending" && !!review.order_id).then(() => {
      const cancel = transform({ review, input }, ({ review, input }) => ({
        order_id: review.order_id as string,
        canceled_by: input.actor.id ?? undefined,
      }))
      cancelOrderWorkflow.runAsStep({ input: cancel })
    })
    return new WorkflowResponse(review)
  }
)
