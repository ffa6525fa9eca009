import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const invoiceShippedOrderStepId = "invoice-shipped-trade-credit-order"

/**
 * Issues the invoices of an order that shipped, under `invoice_at:
 * "shipment"` (the module's invoiceShippedOrder, one transaction per call,
 * the same issue path as at placement). Idempotent: a second run finds
 * nothing waiting. No compensation: an issued invoice is never deleted (its
 * number belongs to a gapless sequence); the shipment it bills stays
 * recorded in Medusa whatever follows, and a later cancel or refund credits
 * the invoice the usual way.
 */
export const invoiceShippedOrderStep = createStep(
  invoiceShippedOrderStepId,
  async (input: { payment_session_ids: string[] }, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { invoiced_entry_ids } = await tradeCredit.invoiceShippedOrder(input)
    return new StepResponse(invoiced_entry_ids)
  }
)
