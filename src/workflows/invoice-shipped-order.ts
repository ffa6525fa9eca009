import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { findOrderCreditSessionsStep } from "./steps/find-order-credit-sessions"
import { invoiceShippedOrderStep } from "./steps/invoice-shipped-order"

export const invoiceShippedOrderWorkflowId = "invoice-shipped-trade-credit-order"

/**
 * A fulfillment was shipped (`shipment.created`): under the plugin option
 * `invoice_at: "shipment"` the order's on-account debits waiting for it are
 * invoiced now, due by the account's terms at this moment, and unallocated
 * credit settles them. The first shipment of an order invoices it; later
 * ones (and a second delivery of the event) find nothing left. Orders paid
 * another way, or invoiced at placement, pass through unchanged. Returns the
 * ids of the ledger entries invoiced.
 */
export const invoiceShippedOrderWorkflow = createWorkflow(
  invoiceShippedOrderWorkflowId,
  (input: { fulfillment_id: string }) => {
    const { data: fulfillments } = useQueryGraphStep({
      entity: "fulfillment",
      fields: ["id", "order.id"],
      filters: { id: input.fulfillment_id },
    })
    const orderId = transform({ fulfillments }, ({ fulfillments }) => (fulfillments[0]?.order?.id as string | undefined) ?? null)
    const invoiced = when({ orderId }, ({ orderId }) => !!orderId).then(() => {
      const sessions = findOrderCreditSessionsStep(transform({ orderId }, ({ orderId }) => ({ order_id: orderId! })))
      return invoiceShippedOrderStep(transform({ sessions }, ({ sessions }) => ({ payment_session_ids: sessions })))
    })
    return new WorkflowResponse(transform({ invoiced }, ({ invoiced }) => invoiced ?? []))
  }
)
