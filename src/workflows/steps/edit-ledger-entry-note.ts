import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { EditLedgerEntryNoteInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const editLedgerEntryNoteStepId = "edit-trade-credit-ledger-entry-note"

/**
 * Corrects a reimbursement's reference and comment, keeping the correction in
 * the entry's edit history; compensation puts the old note back and removes
 * the edit this step recorded (never one an earlier request recorded).
 */
export const editLedgerEntryNoteStep = createStep(
  editLedgerEntryNoteStepId,
  async (input: EditLedgerEntryNoteInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { entry, edit, replayed } = await tradeCredit.editLedgerEntryNote(input)
    return new StepResponse(entry, edit && !replayed ? edit.id : null)
  },
  async (editId, { container }) => {
    if (!editId) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.undoLedgerEntryEdit(editId)
  }
)
