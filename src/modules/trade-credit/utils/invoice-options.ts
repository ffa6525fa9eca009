import { MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import { normalizePerCurrencyAmount, type PerCurrencyAmount, perCurrencyAmountFor } from "./per-currency-amount"
import { DEFAULT_INVOICE_PREFIX, INVOICE_AT, type InvoiceAt, MAX_INVOICE_PREFIX_LENGTH } from "../constants"
import { checkTimezone, DEFAULT_TIMEZONE } from "./due-dates"

export type InvoiceOptions = {
  timezone: string
  invoice_prefix: string
  invoice_at: InvoiceAt
  /** One amount for every currency, or per (lower-case) currency. */
  overdue_threshold: PerCurrencyAmount
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: ${message}`)

/**
 * The plugin's invoicing options, checked when the module loads:
 * `timezone` (IANA name, default UTC), `invoice_prefix` (default `INV-`; the
 * year and a 6-digit sequence follow) and `invoice_at` (`placement`, the
 * default, or `shipment`: the order's first shipment issues its invoice).
 */
export function normalizeInvoiceOptions(options: {
  timezone?: unknown
  invoice_prefix?: unknown
  invoice_at?: unknown
  overdue_threshold?: unknown
}): InvoiceOptions {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE
  if (typeof timezone !== "string") {
    throw invalid(`option "timezone" must be an IANA time zone name such as "Europe/Amsterdam".`)
  }
  checkTimezone(timezone)
  const prefix = options.invoice_prefix ?? DEFAULT_INVOICE_PREFIX
  if (
    typeof prefix !== "string" ||
    prefix.length > MAX_INVOICE_PREFIX_LENGTH ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f\s]/.test(prefix)
  ) {
    throw invalid(`option "invoice_prefix" must be text of at most ${MAX_INVOICE_PREFIX_LENGTH} characters without spaces, e.g. "INV-".`)
  }
  const at = options.invoice_at ?? "placement"
  if (!INVOICE_AT.includes(at as InvoiceAt)) {
    throw invalid(`option "invoice_at" must be one of ${INVOICE_AT.join(", ")}, got ${JSON.stringify(at)}.`)
  }
  return { timezone, invoice_prefix: prefix, invoice_at: at as InvoiceAt, overdue_threshold: normalizePerCurrencyAmount("overdue_threshold", options.overdue_threshold, "1") }
}


/** The overdue amount an account in `currency` may carry and still pay on account. */
export function overdueThresholdFor(options: Pick<InvoiceOptions, "overdue_threshold">, currency: string): BigNumberJS {
  return perCurrencyAmountFor(options.overdue_threshold, currency)
}
