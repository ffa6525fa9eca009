import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createCartCreditLinesWorkflow,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
  updateCartsStep,
} from "@medusajs/medusa/core-flows"
import { planCartBalanceStep, type PlanCartBalanceInput } from "./steps/plan-cart-balance"

export const syncCartBalanceWorkflowId = "sync-trade-credit-cart-balance"

/**
 * Applies the customer's balance to a cart, or re-caps it after a change:
 * the cart's `trade-credit` credit line becomes what `planCartBalanceStep`
 * says (never more than the balance nor the cart's total before it), through
 * Medusa's own credit line workflows, and a payment collection follows the
 * new total. With `choice`, the buyer's opt-out / opt-in is stored on the
 * cart (metadata `trade_credit_balance`). Takes no money: the balance is
 * debited when the order is placed. Run it under `withCartBalanceLock`.
 */
export const syncCartBalanceWorkflow = createWorkflow(syncCartBalanceWorkflowId, (input: PlanCartBalanceInput) => {
  const plan = planCartBalanceStep(input)

  when("store-balance-choice", { plan }, ({ plan }) => !!plan.metadata).then(() => {
    const update = transform({ plan }, ({ plan }) => [{ id: plan.cart_id, metadata: plan.metadata! }])
    updateCartsStep(update)
  })
  when("remove-balance-credit-lines", { plan }, ({ plan }) => plan.remove_ids.length > 0).then(() => {
    const ids = transform({ plan }, ({ plan }) => ({ id: plan.remove_ids }))
    deleteCartCreditLinesWorkflow.runAsStep({ input: ids })
  })
  when("add-balance-credit-line", { plan }, ({ plan }) => !!plan.create).then(() => {
    // The amount is an exact decimal string; the cart module stores it as a BigNumber.
    const lines = transform({ plan }, ({ plan }) => [plan.create!] as never)
    createCartCreditLinesWorkflow.runAsStep({ input: lines })
  })
  when("refresh-balance-payment-collection", { plan }, ({ plan }) => plan.refresh_payment_collection).then(() => {
    const refresh = transform({ plan }, ({ plan }) => ({ cart_id: plan.cart_id }))
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: refresh })
  })

  return new WorkflowResponse(plan)
})
