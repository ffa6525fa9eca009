import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { isPayOnAccountProvider } from "../providers/pay-on-account/provider-id"
import { orderDisplayId, present, type QueryOrderPayments } from "../types/query"
import { capturesOnInvoicePaid } from "../providers/pay-on-account/session"
import { captureInvoicePaymentsStep, nameOrderOnAccountStep } from "./steps"

export const confirmOrderOnAccountWorkflowId = "confirm-order-on-account"

/**
 * Runs once an order paid on account is placed (and when a held one is
 * released):
 * 1. its ledger entries and credit review name this order, even when a
 *    duplicate completion of the cart reached the ledger first;
 * 2. a payment the provider already posted to the balance (`capture:
 *    "on_authorize"`) is captured in Medusa, which records the capture and the
 *    order transaction. This bookkeeping runs after checkout rather than
 *    inside it, so the buyer's order confirmation doesn't wait for it; the
 *    credit itself was taken at authorization;
 * 3. a payment that waits for its invoice (`capture: "on_invoice_paid"`)
 *    stays authorized, except for what its invoice was already paid (an
 *    account holding unallocated credit pays the invoice the moment it is
 *    issued): that part is captured.
 */
export const confirmOrderOnAccountWorkflow = createWorkflow(
  confirmOrderOnAccountWorkflowId,
  (input: { order_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.provider_id",
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.data",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })

    const plan = transform({ orders }, ({ orders }) => {
      const order: QueryOrderPayments | undefined = orders[0]
      const collections = present(order?.payment_collections)
      const sessions = collections.flatMap((c) => present(c.payment_sessions))
      const payments = collections.flatMap((c) => present(c.payments))
      // One order is paid by one on-account payment (Medusa authorizes a cart's first session).
      const toCapture = payments.find(
        (p) =>
          isPayOnAccountProvider(p.provider_id) && p.data?.posted === true && !capturesOnInvoicePaid(p.data) && !p.captured_at && !p.canceled_at
      )
      const onInvoicePaid = payments.filter(
        (p) => isPayOnAccountProvider(p.provider_id) && capturesOnInvoicePaid(p.data) && !p.captured_at && !p.canceled_at
      )
      return {
        name: {
          order_id: order?.id ?? input.order_id,
          order_display_id: orderDisplayId(order?.display_id),
          payment_session_ids: sessions.filter((s) => isPayOnAccountProvider(s.provider_id)).map((s) => s.id),
        },
        capture_payment_id: toCapture?.id ?? null,
        invoice_sessions: onInvoicePaid.map((p) => String(p.data?.payment_session_id ?? "")).filter(Boolean),
      }
    })

    const named = nameOrderOnAccountStep(plan.name)

    when({ plan }, ({ plan }) => !!plan.capture_payment_id).then(() => {
      const capture = transform({ plan }, ({ plan }) => ({ payment_id: plan.capture_payment_id as string }))
      capturePaymentWorkflow.runAsStep({ input: capture })
    })

    when({ plan }, ({ plan }) => plan.invoice_sessions.length > 0).then(() => {
      const sessions = transform({ plan }, ({ plan }) => ({ payment_session_ids: plan.invoice_sessions }))
      captureInvoicePaymentsStep(sessions)
    })

    return new WorkflowResponse({ named, captured_payment_id: plan.capture_payment_id })
  }
)
