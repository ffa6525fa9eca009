import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../../modules/trade-credit/service"
import { appliedBalance, isBalanceSession } from "../../../../../../modules/trade-credit/utils/cart-balance"
import { refundableOf } from "../../../../../../modules/trade-credit/utils/order-balance"
import { toAmount } from "../../../../../../modules/trade-credit/utils/money"
import { formatEntry } from "../../../../../utils/format"
import type { AdminOrderBalanceResponse } from "../../../../../../types/http"

/**
 * The customer balance on an order (the admin's order page): the balance the
 * order used, the refunds to balance and settlements naming it, and what can
 * still be refunded to the balance. 404 for an unknown order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderBalanceResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "customer_id", "customer.has_account", "summary.*", "credit_lines.amount", "credit_lines.raw_amount", "credit_lines.reference"],
    filters: { id: req.params.id },
  })
  const order = orders[0] as any // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const entries = await tradeCredit.listTradeCreditLedgerEntries({ order_id: order.id }, { order: { seq: "ASC" } })
  const balanceEntries = entries.filter(
    (e) => isBalanceSession(e.payment_session_id) || (!e.payment_session_id && (e.operation === "refunded" || e.operation === "adjusted"))
  )
  const pending = (order.summary?.raw_pending_difference ?? order.summary?.pending_difference ?? 0) as BigNumberInput
  res.json({
    order_id: order.id,
    currency_code: order.currency_code,
    guest: !order.customer_id || !order.customer?.has_account,
    used: toAmount(appliedBalance(order.credit_lines ?? []).toFixed()),
    refundable: toAmount(refundableOf(pending, order.currency_code).toFixed()),
    pending_difference: toAmount(pending),
    entries: balanceEntries.map(formatEntry),
  })
}
