import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchInvoice, formatAdminInvoice } from "../../../../utils/invoices"
import type { AdminInvoiceResponse } from "../../../../../types/http"
import { updateTradeCreditInvoiceWorkflow } from "../../../../../workflows/update-trade-credit-invoice"
import type { AdminUpdateInvoiceType } from "../../validators"

/** One invoice with its allocations: which payment paid it, which refund credited it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) => {
  res.json({ invoice: await fetchInvoice(req.scope, req.params.id, formatAdminInvoice) })
}

/** Pauses or resumes the invoice's reminders (`reminders_paused`) and sets its `dispute_note`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateInvoiceType>,
  res: MedusaResponse<AdminInvoiceResponse>
) => {
  await updateTradeCreditInvoiceWorkflow(req.scope).run({ input: { invoice_id: req.params.id, ...req.validatedBody } })
  res.json({ invoice: await fetchInvoice(req.scope, req.params.id, formatAdminInvoice) })
}
