import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAccountEntries } from "../../../../../utils/entries"
import { formatAdminEntry } from "../../../../../utils/format"
import type { AdminEntryPageType } from "../../../validators"
import type { AdminEntryPageResponse } from "../../../../../../types/http"

/** The credit history, newest first, keyset-paged (or from one entry on: `from_entry`); reimbursements with their corrections. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminEntryPageType>, res: MedusaResponse<AdminEntryPageResponse>) => {
  res.json(await listAccountEntries(req.scope, req.params.id, req.validatedQuery, { format: formatAdminEntry, withEdits: true }))
}
