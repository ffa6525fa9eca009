import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isPayOnAccountProvider } from "../providers/pay-on-account/provider-id"
import { confirmOrderOnAccountWorkflow } from "../workflows/confirm-order-on-account"

/** Orders placed more recently are still the order.placed subscriber's. */
export const CONFIRM_AFTER_MS = 2 * 60 * 1000
/** How far back the job looks for orders the subscriber missed. */
export const CONFIRM_WITHIN_MS = 7 * 24 * 60 * 60 * 1000

type PendingPayment = {
  id: string
  provider_id: string
  data: Record<string, unknown> | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * Catches up on orders paid on account whose order.placed subscriber never
 * ran to the end (the process stopped, or the event was lost with the local
 * event bus): their payment was posted to the balance at authorization but
 * Medusa has no capture of it yet. Returns the orders it confirmed.
 */
export async function confirmMissedOrdersOnAccount(
  container: MedusaContainer,
  now: Date = new Date()
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "provider_id", "data", "payment_collection.order.id"],
    filters: {
      captured_at: null,
      canceled_at: null,
      created_at: {
        $gte: new Date(now.getTime() - CONFIRM_WITHIN_MS),
        $lte: new Date(now.getTime() - CONFIRM_AFTER_MS),
      },
    } as never,
  })
  const orderIds = new Set<string>()
  for (const payment of data as PendingPayment[]) {
    const orderId = payment.payment_collection?.order?.id
    if (orderId && isPayOnAccountProvider(payment.provider_id) && payment.data?.posted === true) {
      orderIds.add(orderId)
    }
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const confirmed: string[] = []
  for (const order_id of orderIds) {
    try {
      await confirmOrderOnAccountWorkflow(container).run({ input: { order_id } })
      confirmed.push(order_id)
    } catch (error) {
      logger.warn(`Trade credit: order ${order_id} paid on account still has no capture: ${(error as Error).message}`)
    }
  }
  if (confirmed.length) {
    logger.info(`Trade credit: recorded Medusa's capture of ${confirmed.length} order(s) paid on account.`)
  }
  return confirmed
}

export default async function confirmOrdersOnAccountJob(container: MedusaContainer) {
  await confirmMissedOrdersOnAccount(container)
}

export const config = {
  name: "trade-credit-confirm-orders-on-account",
  schedule: "*/10 * * * *",
}
