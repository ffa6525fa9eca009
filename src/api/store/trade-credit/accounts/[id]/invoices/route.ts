import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fetchCustomerAccounts } from "../../../../../utils/accounts"
import { formatInvoice, listInvoices } from "../../../../../utils/invoices"
import type { StoreListInvoicesType } from "../../../../../admin/trade-credit/validators"
import type { StoreInvoiceListResponse } from "../../../../../../types/http"

/** The invoices of an account the customer may use (any other account: 404), by due date. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListInvoicesType>, res: MedusaResponse<StoreInvoiceListResponse>) => {
  const accounts = await fetchCustomerAccounts(req.scope, req.auth_context.actor_id, ["id"])
  if (!accounts.some((a) => a.id === req.params.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${req.params.id} was not found.`)
  }
  const { limit, offset, ...filters } = req.validatedQuery
  res.json(await listInvoices(req.scope, { ...filters, account_id: req.params.id }, req.queryConfig, { limit, offset }, formatInvoice))
}
