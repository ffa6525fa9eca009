import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleOrderBalanceStep } from "./steps/settle-order-balance"

export const settleOrderBalanceWorkflowId = "settle-trade-credit-order-balance"

/** A placed order that used the balance: its debit names it (see settleOrderBalanceStep). */
export const settleOrderBalanceWorkflow = createWorkflow(settleOrderBalanceWorkflowId, (input: { order_id: string }) => {
  return new WorkflowResponse(settleOrderBalanceStep(input))
})
