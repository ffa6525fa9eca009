import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fetchCustomerAccounts } from "../../../../../../utils/accounts"
import { fetchInvoice, formatInvoice } from "../../../../../../utils/invoices"
import type { StoreInvoiceResponse } from "../../../../../../../types/http"

/** One invoice of an account the customer may use, with its payments and credit notes; anything else is 404. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreInvoiceResponse>) => {
  const accounts = await fetchCustomerAccounts(req.scope, req.auth_context.actor_id, ["id"])
  if (!accounts.some((a) => a.id === req.params.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${req.params.id} was not found.`)
  }
  res.json({ invoice: await fetchInvoice(req.scope, req.params.invoice_id, formatInvoice, [req.params.id]) })
}
