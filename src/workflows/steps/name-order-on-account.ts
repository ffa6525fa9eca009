import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const nameOrderOnAccountStepId = "name-order-on-account"

export type NameOrderOnAccountInput = {
  order_id: string
  order_display_id?: number | null
  payment_session_ids: string[]
}

/**
 * Makes the postings and credit review of the order's payment sessions name
 * the placed order. No compensation: it only corrects a reference to an order
 * that exists, and running it again changes nothing.
 */
export const nameOrderOnAccountStep = createStep(
  nameOrderOnAccountStepId,
  async (input: NameOrderOnAccountInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    let entries = 0
    let reviews = 0
    for (const payment_session_id of input.payment_session_ids) {
      const named = await tradeCredit.nameOrderOfSession({
        payment_session_id,
        order_id: input.order_id,
        order_display_id: input.order_display_id,
      })
      entries += named.entries
      reviews += named.reviews
    }
    return new StepResponse({ entries, reviews })
  }
)
