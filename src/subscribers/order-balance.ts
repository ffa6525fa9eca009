import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { orderBalanceWorkflow } from "../workflows/order-balance"

type OrderBalanceEvent = { id?: string; order_id?: string; return_id?: string }

/**
 * Money an order owes its customer (or a few cents it lacks) goes to their
 * balance by itself (README, "Refunds to the balance"):
 * - a received return (`order.return_received`) is refunded to the balance
 *   when the admin chose it on the return (`metadata.refund_to: "balance"`)
 *   or the plugin option `refund_returns_to` is `balance`;
 * - after a return, an order edit, a capture or a placed order, a pending
 *   difference within `settle_tolerance` is settled either way.
 * Orders paid on account and guests' orders are left alone (see the workflow).
 */
export default async function orderBalanceHandler({ event: { name, data }, container }: SubscriberArgs<OrderBalanceEvent>) {
  const tolerance = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE).getOrderBalanceOptions().settle_tolerance
  const settles = !(typeof tolerance === "string" && MathBN.eq(tolerance, 0))
  if (name !== "order.return_received" && !settles) {
    // No tolerance configured: only received returns can move money here.
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let orderId = data.order_id ?? null
  if (name === "order.placed") {
    orderId = data.id ?? null
  } else if (name === "payment.captured" && data.id) {
    const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: data.id } })
    const collectionId = payments[0]?.payment_collection_id
    if (collectionId) {
      const { data: links } = await query.graph({
        entity: "order_payment_collection",
        fields: ["order_id"],
        filters: { payment_collection_id: collectionId },
      })
      orderId = (links[0]?.order_id as string | undefined) ?? null
    }
  }
  if (!orderId) {
    return
  }
  try {
    if (name === "order.return_received") {
      await orderBalanceWorkflow(container).run({ input: { source: "return", order_id: orderId, return_id: data.return_id ?? null } })
    }
    if (settles) {
      await orderBalanceWorkflow(container).run({ input: { source: "tolerance", order_id: orderId } })
    }
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Trade credit: moving order ${orderId}'s difference to the balance failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: ["order.return_received", "order-edit.confirmed", "payment.captured", "order.placed", "order.claim_created"],
  context: { subscriberId: "trade-credit-order-balance" },
}
