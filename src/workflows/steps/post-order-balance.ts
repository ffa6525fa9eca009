import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { OrderBalanceInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"

export const postOrderBalanceStepId = "post-trade-credit-order-balance"

/**
 * Posts money between an order and the customer's balance (see the module's
 * postOrderBalance). The ledger is append-only, so compensation posts the
 * exact opposite (an `adjusted` entry naming the one it reverses); a replay
 * posted nothing and compensates nothing.
 */
export const postOrderBalanceStep = createStep(
  postOrderBalanceStepId,
  async (input: OrderBalanceInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.postOrderBalance(input)
    return new StepResponse(
      result,
      result.replayed ? null : { account_id: result.account.id, entry_id: result.entry.id, amount: String(result.entry.amount), order_id: input.order_id }
    )
  },
  async (posted, { container }) => {
    if (!posted) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.postLedgerEntry({
      account_id: posted.account_id,
      operation: "adjusted",
      amount: MathBN.mult(posted.amount, -1).toString(),
      order_id: posted.order_id,
      comment: `Reversal of ${posted.entry_id}: the order could not record it`,
      actor: { type: "system", name: "Workflow compensation" },
      idempotency: { key: internalIdempotencyKey("reversal", posted.entry_id) },
    })
  }
)
