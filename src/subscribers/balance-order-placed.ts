import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settleOrderBalanceWorkflow } from "../workflows/settle-order-balance"

/** A placed order that used the customer's balance: its ledger debit names it (see the workflow). */
export default async function balanceOrderPlacedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await settleOrderBalanceWorkflow(container).run({ input: { order_id: data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Trade credit: settling the balance used by order ${data.id} failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "trade-credit-balance-order-placed" },
}
