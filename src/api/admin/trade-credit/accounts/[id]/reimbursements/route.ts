import { withConflictMessage } from "../../../../../utils/conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordReimbursementWorkflow } from "../../../../../../workflows"
import { fetchAccount } from "../../../../../utils/accounts"
import { formatAccount, formatEntry } from "../../../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../../../utils/request-context"
import type { AdminCreateReimbursementType } from "../../../validators"
import type { AdminAccountMutationResponse } from "../../../../../../types/http"

/** "Reimburse balance": a payment received from the holder (negative amounts correct one). */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminCreateReimbursementType>,
  res: MedusaResponse<AdminAccountMutationResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { result } = await recordReimbursementWorkflow(req.scope).run({
    input: { account_id: req.params.id, ...req.validatedBody, actor, idempotency },
  })
  const account = await fetchAccount(req.scope, req.params.id)
  res.status(result.replayed ? 200 : 201).json({ account: formatAccount(account), entry: formatEntry(result.entry) })
})
