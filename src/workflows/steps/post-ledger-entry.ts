import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { PostLedgerEntryInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"

export const postLedgerEntryStepId = "post-trade-credit-ledger-entry"

/**
 * Posts one ledger entry. The ledger is append-only, so compensation posts
 * the exact opposite (an `adjusted` entry naming the one it reverses).
 */
export const postLedgerEntryStep = createStep(
  postLedgerEntryStepId,
  async (input: PostLedgerEntryInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.postLedgerEntry(input)
    return new StepResponse(result, result.replayed ? null : { input, entry_id: result.entry.id })
  },
  async (posted, { container }) => {
    if (!posted) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.postLedgerEntry({
      account_id: posted.input.account_id,
      operation: "adjusted",
      amount: MathBN.mult(posted.input.amount ?? 0, -1).toString(),
      reserved_delta: MathBN.mult(posted.input.reserved_delta ?? 0, -1).toString(),
      order_id: posted.input.order_id ?? null,
      comment: `Reversal of ${posted.entry_id}: the operation could not be completed`,
      actor: { type: "system", name: "Workflow compensation" },
      idempotency: { key: internalIdempotencyKey("reversal", posted.entry_id) },
    })
  }
)
