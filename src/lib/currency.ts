/**
 * Currency rules shared by the server and the admin dashboard (browser-safe:
 * no Node or Medusa imports). An amount is decimal text in the currency's major
 * units; it is refused, never rounded, when it has more decimals than the
 * currency has or is too large, and an unknown currency has no amounts at all.
 * The module's `parseAmount` and the admin's `checkAmount` both decide with
 * these functions, so the admin refuses what the server refuses.
 */

/** Amounts must stay below 10^13 in major units, so JSON numbers carry them exactly. */
export const MAX_AMOUNT_EXPONENT = 13
/** `MAX_AMOUNT_EXPONENT` as decimal text ("1e13"), for exact comparisons. */
export const MAX_AMOUNT_TEXT = `1e${MAX_AMOUNT_EXPONENT}`

let knownCurrencies: Set<string> | null = null

function known(): Set<string> {
  if (!knownCurrencies) {
    knownCurrencies = new Set(Intl.supportedValuesOf("currency"))
  }
  return knownCurrencies
}

/** True for an ISO 4217 code ICU knows ("eur", "JPY"); case-insensitive. */
export function isKnownCurrency(currencyCode: string): boolean {
  return known().has(String(currencyCode).toUpperCase())
}

/** The message every part of the plugin gives for a currency it doesn't know. */
export function unknownCurrencyMessage(currencyCode: string): string {
  return `Unknown currency code "${currencyCode}".`
}

/**
 * Minor units of a currency (JPY 0, EUR 2, KWD 3), from ICU's ISO 4217 data,
 * or null for a code that isn't a currency: an amount in it is meaningless, so
 * callers refuse it (there is no default number of decimals).
 */
/** Decimals per upper-case code: building an Intl.NumberFormat costs more than a whole ledger write, and checkouts ask on every amount. */
const decimalsByCurrency = new Map<string, number | null>()

export function currencyDecimalsOrNull(currencyCode: string): number | null {
  const code = String(currencyCode).toUpperCase()
  if (decimalsByCurrency.has(code)) {
    return decimalsByCurrency.get(code) ?? null
  }
  let decimals: number | null = null
  if (isKnownCurrency(code)) {
    try {
      const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits
      decimals = typeof digits === "number" ? digits : null
    } catch {
      decimals = null
    }
  }
  // Only known codes are kept, so arbitrary input can't grow the map.
  if (decimals !== null) {
    decimalsByCurrency.set(code, decimals)
  }
  return decimals
}

/** Why plain decimal text can't be an amount, as a code each side words for its readers. */
export type AmountProblem =
  | { code: "unknown_currency" }
  | { code: "not_a_number" }
  | { code: "negative" }
  | { code: "too_many_decimals"; decimals: number }
  | { code: "zero" }
  | { code: "too_large" }

const DECIMAL_TEXT = /^-?(\d+(\.\d*)?|\.\d+)$/

/**
 * Checks decimal text ("1500", "-20.5", ".5") as an amount in `currencyCode`,
 * in the order the server checks it: a number, its decimals against the
 * currency's, its size, its sign, zero. Null when it is a valid amount.
 */
export function amountProblem(
  text: string,
  currencyCode: string,
  { allowNegative = true, allowZero = false }: { allowNegative?: boolean; allowZero?: boolean } = {}
): AmountProblem | null {
  const value = text.trim()
  if (!DECIMAL_TEXT.test(value)) {
    return { code: "not_a_number" }
  }
  const decimals = currencyDecimalsOrNull(currencyCode)
  if (decimals === null) {
    return { code: "unknown_currency" }
  }
  const negative = value.startsWith("-")
  const [integer = "", fraction = ""] = value.replace(/^-/, "").split(".")
  if (fraction.replace(/0+$/, "").length > decimals) {
    return { code: "too_many_decimals", decimals }
  }
  if (integer.replace(/^0+/, "").length > MAX_AMOUNT_EXPONENT) {
    return { code: "too_large" }
  }
  if (!allowNegative && negative) {
    return { code: "negative" }
  }
  if (!allowZero && !/[1-9]/.test(integer + fraction)) {
    return { code: "zero" }
  }
  return null
}
