import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { appliedBalance, balanceDebit } from "../../modules/trade-credit/utils/cart-balance"

export const settleOrderBalanceStepId = "settle-trade-credit-order-balance"

/**
 * A placed order that used the balance (an order credit line with reference
 * `trade-credit`): its `purchased` entry names the order. The debit was
 * normally taken when its cart was completed (`takeCartBalanceStep`); an
 * order whose cart was completed without it (a host's own completion flow)
 * is debited here, under the same rules, and refused the same way when the
 * balance doesn't cover it. Returns the entry id, or null for an order that
 * used no balance. No compensation: the order exists.
 */
export const settleOrderBalanceStep = createStep(settleOrderBalanceStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id", "currency_code", "credit_lines.amount", "credit_lines.raw_amount", "credit_lines.reference"],
    filters: { id: input.order_id },
  })
  const order = orders[0] as
    | { id: string; display_id?: number | null; customer_id: string | null; currency_code: string; credit_lines?: Array<{ amount: BigNumberInput; reference: string | null }> }
    | undefined
  const used = appliedBalance(order?.credit_lines ?? [])
  if (!order || !order.customer_id || !used.gt(0)) {
    return new StepResponse(null)
  }
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["cart_id", "order_id"], filters: { order_id: order.id } })
  const cartId = (links[0]?.cart_id as string | undefined) ?? order.id
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const settled = await tradeCredit.settleOrderBalance({
    cart_id: cartId,
    customer_id: order.customer_id,
    currency_code: order.currency_code,
    amount: balanceDebit(used, order.currency_code).toFixed(),
    order_id: order.id,
    order_display_id: typeof order.display_id === "number" ? order.display_id : null,
    actor: { type: "customer", id: order.customer_id },
  })
  return new StepResponse({ entry_id: settled.entry.id, debited: MathBN.convert(settled.entry.amount as BigNumberInput).negated().toFixed() })
})
