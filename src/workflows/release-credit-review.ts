import { authorizePaymentSessionForOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../modules/trade-credit/types"
import { confirmOrderOnAccountWorkflow } from "./confirm-order-on-account"
import { decideCreditReviewStep } from "./steps"
import { lockReviewedOrder, unlockReviewedOrder } from "./utils/lock-reviewed-order"

export type CreditReviewDecisionInput = { review_id: string; comment?: string | null; actor: Actor }

export const releaseCreditReviewWorkflowId = "release-trade-credit-review"

/**
 * A held order is let through: the review is released, then Medusa
 * re-authorizes the order's payment session, and the provider reserves (or
 * posts, then Medusa captures) the credit with the one who released it as
 * actor. A credit controller (admin user or ERP) may release it over the
 * limit; a buyer's release obeys every checkout rule (authorizeOnAccount). A
 * refused authorization fails the workflow, and the review goes back to
 * pending (decideCreditReviewStep's compensation). It runs under the order's
 * credit lock, which Medusa's cancel route takes too, and refuses (closing
 * the review) when the order was canceled: a release and a cancel never both
 * win.
 */
export const releaseCreditReviewWorkflow = createWorkflow(
  releaseCreditReviewWorkflowId,
  (input: CreditReviewDecisionInput) => {
    const lock = lockReviewedOrder(input, "released")
    const decision = transform({ input }, ({ input }) => ({ ...input, decision: "released" as const }))
    const { review, previous_status } = decideCreditReviewStep(decision)
    when({ previous_status }, ({ previous_status }) => previous_status === "pending").then(() => {
      const session = transform({ review }, ({ review }) => ({ payment_session_id: review.payment_session_id }))
      authorizePaymentSessionForOrderWorkflow.runAsStep({ input: session })
      // Posted to the balance at authorization (capture "on_authorize"): record Medusa's capture now.
      const order = transform({ review }, ({ review }) => ({ order_id: review.order_id as string }))
      confirmOrderOnAccountWorkflow.runAsStep({ input: order })
    })
    unlockReviewedOrder(lock)
    return new WorkflowResponse(review)
  }
)
