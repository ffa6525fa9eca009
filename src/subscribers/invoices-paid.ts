import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INVOICES_PAID_EVENT } from "../modules/trade-credit/constants"
import { captureInvoicePaymentsWorkflow } from "../workflows/capture-invoice-payments"

/**
 * Payments were allocated to invoices (a reimbursement, a card payment toward
 * the account, a positive adjustment, a refund or cancel freeing credit):
 * capture what they paid of on-account orders whose payment waits for its
 * invoice (`capture: "on_invoice_paid"`). A failure is logged; the
 * confirm-orders job sweeps it up on its next run.
 */
export default async function invoicesPaidHandler({
  event: { data },
  container,
}: SubscriberArgs<{ account_id: string; invoice_ids: string[] }>) {
  try {
    await captureInvoicePaymentsWorkflow(container).run({ input: { invoice_ids: data.invoice_ids } })
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(
      `Trade credit: capturing the paid invoices ${data.invoice_ids.join(", ")} failed (the confirm-orders job retries): ${(error as Error).message}`
    )
  }
}

export const config: SubscriberConfig = {
  event: INVOICES_PAID_EVENT,
  context: { subscriberId: "trade-credit-invoices-paid" },
}
