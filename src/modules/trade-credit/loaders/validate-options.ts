import type { LoaderOptions } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { TradeCreditModuleOptions } from "../types"
import { normalizeCardPaymentOptions } from "../utils/card-payments"
import { normalizeReminderOptions } from "../utils/reminder-options"
import { normalizeOrphanedAuthorizationTtl } from "../utils/orphaned-authorizations"
import { normalizeInvoiceOptions } from "../utils/invoice-options"
import { normalizeCreditControlOptions } from "../utils/credit-control-options"
import { normalizeOrderBalanceOptions } from "../utils/order-balance"
import { normalizeReportOptions } from "../utils/report-options"

/**
 * Refuses, when the module loads, options that would let buyers pay toward an
 * account with a provider that moves no real money (see normalizeCardPaymentOptions),
 * reminder options (stages, channel, bank details, templates, locale) that
 * are malformed (see normalizeReminderOptions), an orphaned-authorization
 * TTL that is not a sensible number of minutes, and invoicing options it
 * can't apply (an unknown time zone, say), and an `auto_apply_balance` that is
 * not a boolean (a string "false" would read as on), a `refund_returns_to`
 * or `settle_tolerance` it can't apply (see normalizeOrderBalanceOptions),
 * and `report_recipients` that are not e-mail addresses.
 */
export default async function validateOptions({ options }: LoaderOptions<TradeCreditModuleOptions>) {
  normalizeCardPaymentOptions(options ?? {})
  normalizeReminderOptions(options ?? {})
  normalizeOrphanedAuthorizationTtl(options?.orphanedAuthorizationTtlMinutes)
  normalizeInvoiceOptions(options ?? {})
  const autoApply = (options as Record<string, unknown> | undefined)?.auto_apply_balance
  if (autoApply !== undefined && typeof autoApply !== "boolean") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-trade-credit: the option auto_apply_balance must be true or false, got ${JSON.stringify(autoApply)}.`
    )
  }
  normalizeCreditControlOptions(options ?? {})
  normalizeOrderBalanceOptions(options ?? {})
  normalizeReportOptions((options ?? {}) as { report_recipients?: unknown })
}
