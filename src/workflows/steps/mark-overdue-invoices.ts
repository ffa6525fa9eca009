import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const markOverdueInvoicesStepId = "mark-overdue-trade-credit-invoices"

/**
 * Marks the owing invoices that became overdue by `now` (THE rule,
 * overdueState) with `marked_overdue_at`; returns their ids. Compensation
 * clears the marks this step wrote.
 */
export const markOverdueInvoicesStep = createStep(
  markOverdueInvoicesStepId,
  async (input: { now: string }, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const ids = await tradeCredit.markOverdueInvoices(new Date(input.now))
    return new StepResponse(ids, { ids, now: input.now })
  },
  async (compensation, { container }) => {
    if (!compensation?.ids.length) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.unmarkOverdueInvoices(compensation.ids, new Date(compensation.now))
  }
)
