import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"

/**
 * A payment Medusa captured, whoever asked (the confirm job, or an admin with
 * "Capture" on the order): a failure recorded for it is over, and the order
 * page stops showing it.
 */
export default async function paymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const failures = await tradeCredit.listTradeCreditConfirmFailures({ payment_id: data.id }, { select: ["id"] })
  if (failures.length) {
    await tradeCredit.deleteTradeCreditConfirmFailures(failures.map((f) => f.id))
  }
}

export const config: SubscriberConfig = {
  event: "payment.captured",
  context: { subscriberId: "trade-credit-payment-captured" },
}
