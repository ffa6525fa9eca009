import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const updateInvoiceCreditControlStepId = "update-trade-credit-invoice-credit-control"

export type UpdateInvoiceCreditControlInput = { invoice_id: string; reminders_paused?: boolean; dispute_note?: string | null }

/** Pauses / resumes an invoice's reminders and sets its dispute note. Compensation restores both. */
export const updateInvoiceCreditControlStep = createStep(
  updateInvoiceCreditControlStepId,
  async (input: UpdateInvoiceCreditControlInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.updateInvoiceCreditControl(input)
    return new StepResponse(result, result)
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.updateInvoiceCreditControl({ invoice_id: compensation.invoice_id, ...compensation.previous })
  }
)
