import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const findCoveredReviewStepId = "find-covered-trade-credit-review"

/**
 * The pending credit review of a held order on this account, when the
 * account's available credit now covers the order (after the buyer paid the
 * part above the limit). Null otherwise. Reads only.
 */
export const findCoveredReviewStep = createStep(
  findCoveredReviewStepId,
  async (input: { account_id: string; order_id?: string | null }, { container }) => {
    if (!input.order_id) {
      return new StepResponse(null)
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const [review] = await tradeCredit.listTradeCreditReviews(
      { account_id: input.account_id, order_id: input.order_id, status: "pending" },
      { take: 1 }
    )
    if (!review) {
      return new StepResponse(null)
    }
    const account = await tradeCredit.retrieveTradeCreditAccount(input.account_id)
    // The account row keeps available credit as availableCredit() computed it with its totals.
    const covered = MathBN.gte(account.raw_available_credit as never, review.raw_amount as never)
    return new StepResponse(covered ? review.id : null)
  }
)
