import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import BigNumberJS from "bignumber.js"

/** Largest magnitude accepted for one amount: keeps JSON numbers exact. */
export const MAX_AMOUNT = new BigNumberJS("1e13")

/**
 * Minor units of a currency (JPY 0, EUR 2, KWD 3), from ICU's ISO 4217 data.
 * Unknown codes throw: an amount in an unknown currency is meaningless.
 */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"))

export function currencyDecimals(currencyCode: string): number {
  try {
    if (!KNOWN_CURRENCIES.has(String(currencyCode).toUpperCase())) {
      throw new Error("unknown")
    }
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).resolvedOptions().maximumFractionDigits as number
  } catch {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown currency code "${currencyCode}".`
    )
  }
}

/**
 * Parses a money amount for `currencyCode` without ever going through float
 * arithmetic, and rejects (never rounds) what the currency can't hold.
 *
 * @param field the request field, named in the error message.
 */
export function parseAmount(
  value: unknown,
  currencyCode: string,
  field: string,
  { allowNegative = true, allowZero = false } = {}
): BigNumberJS {
  const text =
    typeof value === "number"
      ? Number.isFinite(value)
        ? String(value)
        : ""
      : typeof value === "string"
        ? value.trim()
        : ""
  if (!/^-?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be a finite decimal number, got ${JSON.stringify(value)}.`
    )
  }
  const amount = new BigNumberJS(text)
  const decimals = currencyDecimals(currencyCode)
  const places = amount.decimalPlaces() ?? 0
  if (places > decimals) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} ${text} has more decimals than ${currencyCode.toUpperCase()} allows (${decimals}).`
    )
  }
  if (amount.abs().gte(MAX_AMOUNT)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} ${text} is too large.`
    )
  }
  if (!allowNegative && amount.isNegative()) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must not be negative, got ${text}.`
    )
  }
  if (!allowZero && amount.isZero()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must not be zero.`)
  }
  // Normalise -0 to 0.
  return amount.isZero() ? new BigNumberJS(0) : amount
}

/** A stored numeric as a JSON number for API responses (exact below 1e13 with <= 3 decimals). */
export function toAmount(value: BigNumberInput | null | undefined): number | null {
  if (value === null || value === undefined) {
    return null
  }
  return MathBN.convert(value).toNumber()
}

/**
 * An amount Medusa computed (a cart total with tax carries more decimals than
 * the currency has) rounded to what can be charged, half up, as Medusa's
 * payment module rounds it. Only for computed amounts: amounts people type
 * are rejected by `parseAmount`, never rounded.
 */
export function roundToCurrency(value: BigNumberInput, currencyCode: string): string {
  return MathBN.convert(value, currencyDecimals(currencyCode)).toFixed(currencyDecimals(currencyCode))
}
