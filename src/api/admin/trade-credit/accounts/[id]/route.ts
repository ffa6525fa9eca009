import { withConflictMessage } from "../../../../utils/conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateTradeCreditAccountWorkflow } from "../../../../../workflows"
import { fetchAccount } from "../../../../utils/accounts"
import { formatAccount, formatEntry } from "../../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../../utils/request-context"
import type { AdminUpdateAccountType } from "../../validators"
import type { AdminAccountMutationResponse, AdminAccountResponse } from "../../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminAccountResponse>) => {
  const account = await fetchAccount(req.scope, req.params.id, req.queryConfig.fields)
  res.json({ account: formatAccount(account) })
}

/** Changes limit, allow-exceed, over-limit policy, status, terms or reference; `reason` is required. */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminUpdateAccountType>,
  res: MedusaResponse<AdminAccountMutationResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { reason, ...changes } = req.validatedBody
  const { result } = await updateTradeCreditAccountWorkflow(req.scope).run({
    input: { account_id: req.params.id, changes, reason, actor, idempotency },
  })
  const account = await fetchAccount(req.scope, req.params.id)
  res.json({ account: formatAccount(account), entry: result.entry ? formatEntry(result.entry) : null })
})
