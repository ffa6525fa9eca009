import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findOrderCreditSessionsStep } from "./steps/find-order-credit-sessions"
import { revertOrderCreditStep } from "./steps/revert-order-credit"

export const revertCanceledOrderWorkflowId = "revert-canceled-trade-credit-order"

/**
 * A canceled order gives its credit back and closes its credit review. Held
 * orders have no Medusa payment, so no provider cancel reaches the ledger for
 * them; for the others this is a safety net (the revert only returns what the
 * order still takes from the account). Returns the ids of the entries that
 * gave credit back.
 */
export const revertCanceledOrderWorkflow = createWorkflow(
  revertCanceledOrderWorkflowId,
  (input: { order_id: string }) => {
    const sessions = findOrderCreditSessionsStep(input)
    const revert = transform({ sessions }, ({ sessions }) => ({
      payment_session_ids: sessions,
      actor: { type: "system" as const, name: "Order canceled" },
      comment: "Order canceled",
    }))
    return new WorkflowResponse(revertOrderCreditStep(revert))
  }
)
