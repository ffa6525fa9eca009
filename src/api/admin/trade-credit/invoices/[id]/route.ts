import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { fetchInvoice, formatAdminInvoice, invoiceReminders } from "../../../../utils/invoices"
import type { AdminInvoiceResponse } from "../../../../../types/http"
import { updateTradeCreditInvoiceWorkflow } from "../../../../../workflows/update-trade-credit-invoice"
import type { AdminUpdateInvoiceType } from "../../validators"

/** The invoice with its allocations and its reminder history. */
async function adminInvoice(scope: MedusaContainer, id: string): Promise<AdminInvoiceResponse["invoice"]> {
  const invoice = await fetchInvoice(scope, id, formatAdminInvoice)
  return { ...invoice, reminders: await invoiceReminders(scope, id) }
}

/** One invoice with its allocations (which payment paid it, which refund credited it) and the reminders sent for it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) => {
  res.json({ invoice: await adminInvoice(req.scope, req.params.id) })
}

/** Pauses or resumes the invoice's reminders (`reminders_paused`) and sets its `dispute_note`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateInvoiceType>,
  res: MedusaResponse<AdminInvoiceResponse>
) => {
  await updateTradeCreditInvoiceWorkflow(req.scope).run({ input: { invoice_id: req.params.id, ...req.validatedBody } })
  res.json({ invoice: await adminInvoice(req.scope, req.params.id) })
}
