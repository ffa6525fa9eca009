import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const findOrderCreditSessionsStepId = "find-order-credit-sessions"

/**
 * The payment sessions through which an order took credit: those of its
 * on-account purchases and of its credit reviews (a held order has no
 * purchase yet). Reads only, so nothing to compensate.
 */
export const findOrderCreditSessionsStep = createStep(
  findOrderCreditSessionsStepId,
  async (input: { order_id: string }, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const [reviews, entries] = await Promise.all([
      tradeCredit.listTradeCreditReviews({ order_id: input.order_id }, { select: ["payment_session_id"] }),
      tradeCredit.listTradeCreditLedgerEntries({ order_id: input.order_id, operation: "purchased" }, { select: ["payment_session_id"] }),
    ])
    const sessions = new Set([...reviews, ...entries].map((r) => r.payment_session_id).filter((id): id is string => !!id))
    return new StepResponse([...sessions])
  }
)
