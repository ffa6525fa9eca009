import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formatAdminInvoice, listInvoices } from "../../../utils/invoices"
import type { AdminListInvoicesType } from "../validators"
import type { AdminInvoiceListResponse } from "../../../../types/http"

/** Invoices of all accounts, by due date (oldest first) unless `order` says otherwise. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListInvoicesType>, res: MedusaResponse<AdminInvoiceListResponse>) => {
  const { limit, offset, ...filters } = req.validatedQuery
  res.json(await listInvoices(req.scope, filters, req.queryConfig, { limit, offset }, formatAdminInvoice))
}
