import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planCartBalanceStep } from "./steps/plan-cart-balance"
import { takeCartBalanceStep } from "./steps/take-cart-balance"

export const takeCartBalanceWorkflowId = "take-trade-credit-cart-balance"

/**
 * Debits the balance a cart applies (as it is now: run syncCartBalanceWorkflow
 * first), for one completion attempt. Refused when the balance no longer
 * covers it.
 */
export const takeCartBalanceWorkflow = createWorkflow(takeCartBalanceWorkflowId, (input: { cart_id: string }) => {
  const plan = planCartBalanceStep(input)
  return new WorkflowResponse(takeCartBalanceStep(plan))
})
