import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { DecideReviewInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const decideCreditReviewStepId = "decide-trade-credit-review"

/** Records release or rejection; compensation reopens a review this step decided. */
export const decideCreditReviewStep = createStep(
  decideCreditReviewStepId,
  async (input: DecideReviewInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.decideReview(input)
    return new StepResponse(result, result.previous_status === "pending" ? input.review_id : null)
  },
  async (reviewId, { container }) => {
    if (!reviewId) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.reopenReview(reviewId)
  }
)
