import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revertOrderCreditStep } from "./steps/revert-order-credit"
import { retireOrphanedPaymentSessionStep } from "./steps/retire-orphaned-payment-session"

export const releaseOrphanedAuthorizationWorkflowId = "release-orphaned-trade-credit-authorization"

export type ReleaseOrphanedAuthorizationInput = { payment_session_id: string; comment: string }

/**
 * Gives back the credit of an on-account authorization whose checkout never
 * became an order (a `reverted` entry by the system, naming the purchase),
 * then retires its Medusa payment or session. Run by the scheduled sweep
 * (src/jobs/release-orphaned-authorizations.ts); idempotent per session.
 */
export const releaseOrphanedAuthorizationWorkflow = createWorkflow(
  releaseOrphanedAuthorizationWorkflowId,
  (input: ReleaseOrphanedAuthorizationInput) => {
    const revert = transform({ input }, ({ input }) => ({
      payment_session_ids: [input.payment_session_id],
      actor: { type: "system" as const, name: "Orphaned authorization sweep" },
      comment: input.comment,
    }))
    const reverted = revertOrderCreditStep(revert)
    const retired = retireOrphanedPaymentSessionStep(transform({ input }, ({ input }) => ({ payment_session_id: input.payment_session_id })))
    return new WorkflowResponse(transform({ reverted, retired }, ({ reverted, retired }) => ({ entry_ids: reverted, ...retired })))
  }
)
