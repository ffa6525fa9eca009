import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import BigNumberJS from "bignumber.js"
import { amountProblem, currencyDecimalsOrNull, MAX_AMOUNT_TEXT, unknownCurrencyMessage } from "../../../lib/currency"

/** Largest magnitude accepted for one amount: keeps JSON numbers exact. */
export const MAX_AMOUNT = new BigNumberJS(MAX_AMOUNT_TEXT)

/**
 * Minor units of a currency (JPY 0, EUR 2, KWD 3), from ICU's ISO 4217 data
 * (the rule the admin uses too, `src/lib/currency.ts`). Unknown codes throw:
 * an amount in an unknown currency is meaningless.
 */
export function currencyDecimals(currencyCode: string): number {
  const decimals = currencyDecimalsOrNull(currencyCode)
  if (decimals === null) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, unknownCurrencyMessage(currencyCode))
  }
  return decimals
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
  // The checks the admin runs too, on the number written out in full ("1e3" is "1000").
  const problem = amountProblem(`${amount.isNegative() ? "-" : ""}${amount.abs().toFixed()}`, currencyCode, {
    allowNegative,
    allowZero,
  })
  switch (problem?.code) {
    case "unknown_currency":
      throw new MedusaError(MedusaError.Types.INVALID_DATA, unknownCurrencyMessage(currencyCode))
    case "not_a_number":
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${field} must be a finite decimal number, got ${JSON.stringify(value)}.`
      )
    case "too_many_decimals":
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${field} ${text} has more decimals than ${currencyCode.toUpperCase()} allows (${problem.decimals}).`
      )
    case "too_large":
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} ${text} is too large.`)
    case "negative":
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must not be negative, got ${text}.`)
    case "zero":
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must not be zero.`)
  }
  // Normalise -0 to 0.
  return amount.isZero() ? new BigNumberJS(0) : amount
}

/** A stored numeric as a JSON number for API responses (exact below 1e13 with <= 3 decimals). */
export function toAmount(value: BigNumberInput): number
export function toAmount(value: BigNumberInput | null | undefined): number | null
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
