import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revertCanceledOrderWorkflow } from "../workflows/revert-canceled-order"

/** A canceled order gives its credit back and closes its credit review (see the workflow). */
export default async function orderCanceledHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await revertCanceledOrderWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
