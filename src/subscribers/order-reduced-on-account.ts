import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reduceUnpaidInvoiceWorkflow } from "../workflows/reduce-unpaid-invoice"

export const ORDER_EDIT_CONFIRMED = "order-edit.confirmed"
export const RETURN_RECEIVED = "order.return_received"

/**
 * An order edit confirmed or a return received: an order paid on account
 * (`capture: "on_invoice_paid"`) has its unpaid invoice reduced instead of a
 * refund (reduceUnpaidInvoiceWorkflow). Any other order passes through
 * unchanged.
 */
export default async function orderReducedOnAccountHandler({ event, container }: SubscriberArgs<{ order_id: string }>) {
  const reason = event.name === RETURN_RECEIVED ? "return" : "order_edit"
  try {
    await reduceUnpaidInvoiceWorkflow(container).run({ input: { order_id: event.data.order_id, reason } })
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`Trade credit: reducing the invoice of order ${event.data.order_id} after an ${reason === "return" ? "return" : "order edit"} failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: [ORDER_EDIT_CONFIRMED, RETURN_RECEIVED],
  context: { subscriberId: "trade-credit-order-reduced-on-account" },
}
