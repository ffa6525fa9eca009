import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const findHeldReviewStepId = "find-held-trade-credit-review"

/**
 * The pending credit review of a held order on this account, or null. Whether
 * the account's credit now covers the order is NOT decided here: the release
 * re-authorizes the order, and that decision is taken under the account lock
 * (authorizeOnAccount), where no other posting can slip in between. Reads only.
 */
export const findHeldReviewStep = createStep(
  findHeldReviewStepId,
  async (input: { account_id: string; order_id?: string | null }, { container }) => {
    if (!input.order_id) {
      return new StepResponse(null)
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const [review] = await tradeCredit.listTradeCreditReviews(
      { account_id: input.account_id, order_id: input.order_id, status: "pending" },
      { take: 1, select: ["id"] }
    )
    return new StepResponse(review?.id ?? null)
  }
)
