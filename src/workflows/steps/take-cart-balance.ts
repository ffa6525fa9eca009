import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { balanceDebit } from "../../modules/trade-credit/utils/cart-balance"
import type { CartBalancePlan } from "./plan-cart-balance"

export const takeCartBalanceStepId = "take-trade-credit-cart-balance"

export type TakeCartBalanceStepResult = { payment_session_id: string; created: boolean; amount: string } | null

/**
 * Debits the customer's balance for the cart's `trade-credit` credit line,
 * under the account lock, just before the cart is completed: refused (nothing
 * written) when the balance no longer covers it, so two carts of one
 * customer can't spend the same money. Compensation gives the debit back, so
 * a host composing it into its own completion flow (e.g. a handler of
 * `completeCartWorkflow.hooks.validate`) leaves the balance untouched when the
 * completion fails.
 */
export const takeCartBalanceStep = createStep(
  takeCartBalanceStepId,
  async (plan: CartBalancePlan, { container }) => {
    if (!plan.open || !plan.customer_id || !plan.currency_code || !MathBN.gt(plan.applied, 0)) {
      return new StepResponse(null as TakeCartBalanceStepResult, null)
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    // What the cart's credit line applies now, which is what the order will use: never the plan's
    // fresh target, which is lower when another order spent the balance a moment ago (the module
    // then refuses, and the caller re-caps the cart).
    const amount = balanceDebit(plan.applied, plan.currency_code).toFixed()
    const taken = await tradeCredit.takeCartBalance({
      cart_id: plan.cart_id,
      customer_id: plan.customer_id,
      currency_code: plan.currency_code,
      amount,
      actor: { type: "customer", id: plan.customer_id },
    })
    const result = { payment_session_id: taken.payment_session_id, created: taken.created, amount }
    return new StepResponse(result as TakeCartBalanceStepResult, taken.created ? taken.payment_session_id : null)
  },
  async (paymentSessionId, { container }) => {
    if (!paymentSessionId) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.releaseCartBalance({ payment_session_id: paymentSessionId, actor: { type: "system", name: "Checkout" } })
  }
)

/** The refusal a buyer sees when the balance applied to their cart changed as the order was placed. */
export function balanceChangedRefusal(message?: string) {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    message ?? "The balance applied to your cart changed (your balance or the cart changed). The cart was updated: check the total and place the order again."
  )
}
