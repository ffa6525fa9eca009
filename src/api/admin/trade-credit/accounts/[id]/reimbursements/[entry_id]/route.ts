import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { editReimbursementWorkflow } from "../../../../../../../workflows"
import { TRADE_CREDIT_MODULE } from "../../../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../../../modules/trade-credit/service"
import { withConflictMessage } from "../../../../../../utils/conflict"
import { formatAdminEntry } from "../../../../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../../../../utils/request-context"
import type { AdminUpdateReimbursementType } from "../../../../validators"
import type { AdminEntryResponse } from "../../../../../../../types/http"

/**
 * Corrects a reimbursement's custom reference number or comment; its amount
 * never changes. Each correction is kept with who made it and the values
 * before and after, and returned with the entry (`edits`).
 */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminUpdateReimbursementType>,
  res: MedusaResponse<AdminEntryResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { result } = await editReimbursementWorkflow(req.scope).run({
    input: { account_id: req.params.id, entry_id: req.params.entry_id, ...req.validatedBody, actor, idempotency },
  })
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const edits = await tradeCredit.listEditsOfEntries([result.id])
  res.json({ entry: formatAdminEntry(result, edits.get(result.id)) })
})
