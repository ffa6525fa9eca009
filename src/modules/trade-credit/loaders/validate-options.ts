import type { LoaderOptions } from "@medusajs/framework/types"
import type { TradeCreditModuleOptions } from "../types"
import { normalizeCardPaymentOptions } from "../utils/card-payments"
import { normalizeInvoiceOptions } from "../utils/invoice-options"

/**
 * Refuses, when the module loads, options that would let buyers pay toward an
 * account with a provider that moves no real money (see normalizeCardPaymentOptions),
 * and invoicing options it can't apply (an unknown time zone, say).
 */
export default async function validateOptions({ options }: LoaderOptions<TradeCreditModuleOptions>) {
  normalizeCardPaymentOptions(options ?? {})
  normalizeInvoiceOptions(options ?? {})
}
