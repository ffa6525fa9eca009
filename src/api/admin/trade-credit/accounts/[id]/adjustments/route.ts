import { withConflictMessage } from "../../../../../utils/conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustAccountBalanceWorkflow } from "../../../../../../workflows"
import { fetchAccount } from "../../../../../utils/accounts"
import { formatAccount, formatEntry } from "../../../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../../../utils/request-context"
import type { AdminCreateAdjustmentType } from "../../../validators"
import type { AdminAccountMutationResponse } from "../../../../../../types/http"

/** A balance correction with its explanation (opening balance, write-off, goodwill). */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminCreateAdjustmentType>,
  res: MedusaResponse<AdminAccountMutationResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { result } = await adjustAccountBalanceWorkflow(req.scope).run({
    input: { account_id: req.params.id, ...req.validatedBody, actor, idempotency },
  })
  const account = await fetchAccount(req.scope, req.params.id)
  res.status(result.replayed ? 200 : 201).json({ account: formatAccount(account), entry: formatEntry(result.entry) })
})
