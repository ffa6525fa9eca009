/**
 * Decimal text helpers for amount inputs. Money never goes through float
 * arithmetic here: sums for previews are done on scaled BigInts.
 */
import { amountProblem, currencyDecimalsOrNull, unknownCurrencyMessage } from "../../lib/currency"
import type { Amount } from "./types"

const DECIMAL = /^-?\d+(\.\d+)?$/

/** Normalises what the user typed ("1,000.50", " -20 ") to "1000.50" / "-20"; null when empty. */
export function normalizeDecimalInput(text: string | undefined | null): string | null {
  if (text === undefined || text === null) {
    return null
  }
  const cleaned = text.replace(/[\s,_']/g, "")
  return cleaned === "" || cleaned === "-" ? null : cleaned
}

export type AmountCheck =
  | { ok: true; value: string }
  | { ok: false; error: string }

/**
 * Checks an amount typed in the currency's major units: a decimal number
 * with no more decimals than the currency allows (the server rejects more,
 * it never rounds). `allowNegative` for reimbursements and adjustments.
 */
export function checkAmount(
  text: string | undefined | null,
  currency: string,
  opts: { allowNegative?: boolean; allowZero?: boolean; required?: boolean } = {}
): AmountCheck {
  const value = normalizeDecimalInput(text)
  if (value === null) {
    return opts.required === false ? { ok: true, value: "" } : { ok: false, error: "Enter an amount." }
  }
  if (!DECIMAL.test(value)) {
    return { ok: false, error: "Enter a number, like 1500 or 1500.50." }
  }
  // The server's checks (src/lib/currency.ts), in its order, worded for the form.
  const problem = amountProblem(value, currency, { allowNegative: opts.allowNegative ?? false, allowZero: opts.allowZero ?? false })
  switch (problem?.code) {
    case "unknown_currency":
      return { ok: false, error: unknownCurrencyMessage(currency) }
    case "not_a_number":
      return { ok: false, error: "Enter a number, like 1500 or 1500.50." }
    case "too_many_decimals":
      return {
        ok: false,
        error:
          problem.decimals === 0
            ? `${currency.toUpperCase()} has no decimals.`
            : `${currency.toUpperCase()} allows at most ${problem.decimals} decimals.`,
      }
    case "too_large":
      return { ok: false, error: "That amount is too large." }
    case "negative":
      return { ok: false, error: "The amount can't be negative." }
    case "zero":
      return { ok: false, error: "The amount can't be zero." }
  }
  // JSON numbers carry at most 15 significant digits exactly (toApiAmount).
  const digits = value.replace(/[-.]/g, "").replace(/^0+/, "")
  if (digits.length > 15) {
    return { ok: false, error: "That amount is too large." }
  }
  return { ok: true, value }
}

/** The JSON number the API expects for a checked decimal text (exact up to 15 digits). */
export function toApiAmount(value: string): Amount {
  return Number(value)
}

function scaled(value: Amount | string, scale: number): bigint {
  const text = typeof value === "number" ? value.toFixed(scale) : value
  const negative = text.trim().startsWith("-")
  const [int, frac = ""] = text.trim().replace(/^-/, "").split(".")
  const digits = `${int || "0"}${frac.padEnd(scale, "0").slice(0, scale)}`
  const n = BigInt(digits)
  return negative ? -n : n
}

/**
 * a + b, exactly, as decimal text with the currency's decimals (for "after
 * this" previews); null for a currency amounts can't be in.
 */
export function addAmounts(a: Amount | string, b: Amount | string, currency: string): string | null {
  const scale = currencyDecimalsOrNull(currency)
  if (scale === null) {
    return null
  }
  const sum = scaled(a, scale) + scaled(b, scale)
  const negative = sum < BigInt(0)
  const abs = (negative ? -sum : sum).toString().padStart(scale + 1, "0")
  const int = scale ? abs.slice(0, abs.length - scale) : abs
  const frac = scale ? `.${abs.slice(abs.length - scale)}` : ""
  return `${negative ? "-" : ""}${int}${frac}`
}
