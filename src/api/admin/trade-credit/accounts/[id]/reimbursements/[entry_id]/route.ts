import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { editReimbursementWorkflow } from "../../../../../../../workflows"
import { formatEntry } from "../../../../../../utils/format"
import type { AdminUpdateReimbursementType } from "../../../../validators"

/** Corrects a reimbursement's custom reference number or comment; its amount never changes. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateReimbursementType>,
  res: MedusaResponse
) => {
  const { result } = await editReimbursementWorkflow(req.scope).run({
    input: { account_id: req.params.id, entry_id: req.params.entry_id, ...req.validatedBody },
  })
  res.json({ entry: formatEntry(result) })
}
