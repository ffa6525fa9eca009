import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { fetchCustomerAccounts } from "../../../../../utils/accounts"
import { listAccountEntries } from "../../../../../utils/entries"
import { formatStoreEntry } from "../../../../../utils/format"
import type { EntryPageType } from "../../../../../admin/trade-credit/validators"
import type { StoreEntryPageResponse } from "../../../../../../types/http"

/**
 * The history of an account the customer may use. Any other account is a
 * 404, never a 403, so account ids can't be probed. Entries come in the
 * store's shape (`formatStoreEntry`): no admin-only data.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, EntryPageType>, res: MedusaResponse<StoreEntryPageResponse>) => {
  const accounts = await fetchCustomerAccounts(req.scope, req.auth_context.actor_id, ["id"])
  if (!accounts.some((a) => a.id === req.params.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${req.params.id} was not found.`)
  }
  res.json(await listAccountEntries(req.scope, req.params.id, req.validatedQuery, { format: formatStoreEntry }))
}
