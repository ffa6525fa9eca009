import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { ChaseNoteInput } from "../../modules/trade-credit/credit-control-service"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const recordChaseNoteStepId = "record-trade-credit-chase-note"

/**
 * Records a chase note and moves the account's `last_chased_at` /
 * `next_chase_at`. Compensation removes the note and restores the dates.
 */
export const recordChaseNoteStep = createStep(
  recordChaseNoteStepId,
  async (input: ChaseNoteInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { note, previous } = await tradeCredit.recordChaseNote(input)
    return new StepResponse(note, { note_id: note.id, account_id: input.account_id, previous })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.discardChaseNote(compensation.note_id, compensation.account_id, compensation.previous)
  }
)
