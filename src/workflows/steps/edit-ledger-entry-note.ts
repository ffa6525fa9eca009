import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { EditLedgerEntryNoteInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const editLedgerEntryNoteStepId = "edit-trade-credit-ledger-entry-note"

/** Edits a reimbursement's reference and comment; compensation puts the old ones back. */
export const editLedgerEntryNoteStep = createStep(
  editLedgerEntryNoteStepId,
  async (input: EditLedgerEntryNoteInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { entry, previous } = await tradeCredit.editLedgerEntryNote(input)
    return new StepResponse(entry, { account_id: input.account_id, entry_id: input.entry_id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.editLedgerEntryNote(previous)
  }
)
