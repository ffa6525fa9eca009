import { Module } from "@medusajs/framework/utils"
import validateOptions from "./loaders/validate-options"
import TradeCreditModuleService from "./service"
import { TRADE_CREDIT_MODULE } from "./joiner-config"

export { TRADE_CREDIT_MODULE }

export default Module(TRADE_CREDIT_MODULE, {
  service: TradeCreditModuleService,
  loaders: [validateOptions],
})

export * from "./types"
export { availableCredit } from "./utils/available-credit"
export { currencyDecimals, parseAmount, roundToCurrency } from "./utils/money"
export { normalizePaymentTerms } from "./utils/payment-terms"
export { cardPaymentCap } from "./utils/card-payments"
export type { PostingResult } from "./service"
export { dueReminderStage, daysAfterDue, normalizeReminderStages } from "./utils/reminder-stages"
export { renderReminderEmail, formatMoney } from "./utils/reminder-email"
export { normalizeReminderOptions, reminderLocale } from "./utils/reminder-options"
export type { ReminderOptions } from "./utils/reminder-options"
export type { ReminderEmailInput, ReminderEmailInvoice } from "./utils/reminder-email"
