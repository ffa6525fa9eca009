import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fetchCustomerAccounts } from "../../../utils/accounts"
import { formatStoreAccount } from "../../../utils/format"
import type { StoreAccountListResponse } from "../../../../types/http"

/** The accounts the logged-in customer may pay with: their own and their companies'. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreAccountListResponse>) => {
  const accounts = await fetchCustomerAccounts(req.scope, req.auth_context.actor_id)
  res.json({ accounts: accounts.map(formatStoreAccount), count: accounts.length })
}
