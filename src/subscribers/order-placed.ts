import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { confirmOrderOnAccountWorkflow } from "../workflows/confirm-order-on-account"

/**
 * A placed order paid on account: its ledger entries name it, and an order
 * already posted to the balance is captured in Medusa. Orders paid any other
 * way pass through the workflow without a change.
 */
export default async function orderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await confirmOrderOnAccountWorkflow(container).run({ input: { order_id: data.id } })
  } catch (error) {
    // The credit is already taken; what failed is Medusa's capture record,
    // which an admin can still make with "Capture" on the order.
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`Trade credit: confirming order ${data.id} paid on account failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "trade-credit-order-placed" },
}
