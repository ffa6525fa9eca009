import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"

/**
 * A canceled order gives its credit back and closes its credit review. Held
 * orders have no Medusa payment, so no provider cancel reaches us for them;
 * for the others this is a safety net (the revert is idempotent and only
 * returns what the order still takes from the account).
 */
export default async function orderCanceledHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const [reviews, entries] = await Promise.all([
    tradeCredit.listTradeCreditReviews({ order_id: data.id }, { select: ["payment_session_id"] }),
    tradeCredit.listTradeCreditLedgerEntries({ order_id: data.id, operation: "purchased" }, { select: ["payment_session_id"] }),
  ])
  const sessions = new Set(
    [...reviews, ...entries].map((r) => r.payment_session_id).filter((id): id is string => !!id)
  )
  for (const payment_session_id of sessions) {
    await tradeCredit.revertOnAccount({
      payment_session_id,
      actor: { type: "system", name: "Order canceled" },
      comment: "Order canceled",
    })
  }
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
