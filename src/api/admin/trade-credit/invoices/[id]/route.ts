import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchInvoice, formatAdminInvoice } from "../../../../utils/invoices"
import type { AdminInvoiceResponse } from "../../../../../types/http"

/** One invoice with its allocations: which payment paid it, which refund credited it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminInvoiceResponse>) => {
  res.json({ invoice: await fetchInvoice(req.scope, req.params.id, formatAdminInvoice) })
}
