import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import { parseAmount } from "./money"

/** An option amount of at least 0: one for every currency (a decimal string), or one per currency code. */
export type PerCurrencyAmount = string | Record<string, string>

/**
 * Reads a plugin option that is one amount for every currency (`1`) or one
 * per currency (`{ eur: 1 }`), never below 0 (`overdue_threshold`,
 * `settle_tolerance`); absent is 0. Throws naming the option, with `example`
 * as the per-currency amount in the message.
 */
export function normalizePerCurrencyAmount(option: string, value: unknown, example: string): PerCurrencyAmount {
  const refuse = () =>
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Trade credit: option "${option}" must be an amount of at least 0, or one per currency such as { eur: ${example} }.`
    )
  if (value === undefined || value === null) {
    return "0"
  }
  if (typeof value === "number" || typeof value === "string") {
    let amount: BigNumberJS
    try {
      amount = MathBN.convert(value as BigNumberInput)
    } catch {
      throw refuse()
    }
    if (!amount.isFinite() || amount.lt(0)) {
      throw refuse()
    }
    return amount.toFixed()
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw refuse()
  }
  const perCurrency: Record<string, string> = {}
  for (const [currency, amount] of Object.entries(value as Record<string, unknown>)) {
    perCurrency[currency.toLowerCase()] = parseAmount(amount as BigNumberInput, currency, `${option}.${currency}`, {
      allowNegative: false,
      allowZero: true,
    }).toFixed()
  }
  return perCurrency
}

/** The amount of one currency (0 when the option names other currencies only). */
export function perCurrencyAmountFor(value: PerCurrencyAmount, currency: string): BigNumberJS {
  return MathBN.convert(typeof value === "string" ? value : value[currency.toLowerCase()] ?? "0")
}
