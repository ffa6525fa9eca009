import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordChaseNoteWorkflow } from "../../../../../../workflows/record-chase-note"
import { TRADE_CREDIT_MODULE } from "../../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../../modules/trade-credit/service"
import { fetchAccount } from "../../../../../utils/accounts"
import { formatAccount, formatChaseNote } from "../../../../../utils/format"
import { adminActorOf } from "../../../../../utils/request-context"
import type { AdminCreateChaseNoteType } from "../../../validators"
import type { AdminChaseNoteListResponse, AdminChaseNoteResponse } from "../../../../../../types/http"

/** Records a credit-control note; the account's last_chased_at becomes now, next_chase_at the date given (or none). 201. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateChaseNoteType>,
  res: MedusaResponse<AdminChaseNoteResponse>
) => {
  const actor = await adminActorOf(req)
  const { result } = await recordChaseNoteWorkflow(req.scope).run({
    input: { account_id: req.params.id, body: req.validatedBody.body, next_chase_at: req.validatedBody.next_chase_at ?? null, actor },
  })
  const account = await fetchAccount(req.scope, req.params.id)
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const note = await tradeCredit.retrieveTradeCreditChaseNote(result.id)
  res.status(201).json({ chase_note: formatChaseNote(note), account: formatAccount(account) })
}

/** The account's chase notes, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminChaseNoteListResponse>) => {
  await fetchAccount(req.scope, req.params.id, ["id"])
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const notes = await tradeCredit.listTradeCreditChaseNotes({ account_id: req.params.id }, { order: { created_at: "DESC" }, take: 200 })
  res.json({ chase_notes: notes.map(formatChaseNote) })
}
