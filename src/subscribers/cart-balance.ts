import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncCartBalanceWorkflow } from "../workflows/sync-cart-balance"
import { withCartBalanceLock } from "../utils/cart-balance-lock"

/**
 * Applies a logged-in customer's balance to their cart (plugin option
 * `auto_apply_balance`, unless they opted out) and re-caps it whenever the
 * cart changes: items, shipping, customer, region. A subscriber, not a
 * workflow hook, so a store that owns the cart workflows' hooks keeps them.
 */
export default async function cartBalanceHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await withCartBalanceLock(container, data.id, () => syncCartBalanceWorkflow(container).run({ input: { cart_id: data.id } }))
  } catch (error) {
    // The checkout re-caps again before payment and completion: a missed event costs nothing.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Trade credit: applying the balance to cart ${data.id} failed: ${(error as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: ["cart.created", "cart.updated", "cart.customer_transferred", "cart.customer_updated", "cart.region_updated"],
  context: { subscriberId: "trade-credit-cart-balance" },
}
