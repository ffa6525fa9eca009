import type { LoaderOptions } from "@medusajs/framework/types"
import type { TradeCreditModuleOptions } from "../types"
import { normalizeCardPaymentOptions } from "../utils/card-payments"
import { normalizeReminderOptions } from "../utils/reminder-options"

/**
 * Refuses, when the module loads, options that would let buyers pay toward an
 * account with a provider that moves no real money (see normalizeCardPaymentOptions),
 * and reminder options (stages, channel, bank details, templates, locale) that
 * are malformed (see normalizeReminderOptions).
 */
export default async function validateOptions({ options }: LoaderOptions<TradeCreditModuleOptions>) {
  normalizeCardPaymentOptions(options ?? {})
  normalizeReminderOptions(options ?? {})
}
