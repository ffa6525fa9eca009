import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { invoiceShippedOrderWorkflow } from "../workflows/invoice-shipped-order"

/**
 * A fulfillment shipped: under `invoice_at: "shipment"` the order's invoice
 * is issued now (see the workflow); otherwise nothing changes.
 */
export default async function shipmentCreatedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await invoiceShippedOrderWorkflow(container).run({ input: { fulfillment_id: data.id } })
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`Trade credit: invoicing the order of shipped fulfillment ${data.id} failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "trade-credit-shipment-created" },
}
