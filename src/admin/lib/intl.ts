/**
 * Numbers and dates in the dashboard's chosen language: the language the
 * admin picked in the dashboard's profile (i18next, kept under "lng" in
 * localStorage and a cookie), not the browser's.
 */
import type { Amount } from "./types"

const FALLBACK_LOCALE = "en"
const LANGUAGE_KEY = "lng"

/** The dashboard's language codes ("en", "enGB", "ptBR", "zhCN") as BCP 47 tags for Intl. */
export function toIntlLocale(language: string | null | undefined): string {
  const tag = (language ?? "").trim().replace(/^([a-z]{2,3})([A-Z]{2})$/, "$1-$2")
  if (!tag) {
    return FALLBACK_LOCALE
  }
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? FALLBACK_LOCALE
  } catch {
    return FALLBACK_LOCALE
  }
}

/** The language the dashboard stored, for when i18next is not there to ask. */
export function storedDashboardLanguage(): string | null {
  try {
    const stored = typeof localStorage !== "undefined" ? localStorage.getItem(LANGUAGE_KEY) : null
    if (stored) {
      return stored
    }
    const cookie = typeof document !== "undefined" ? document.cookie : ""
    const match = cookie.match(new RegExp(`(?:^|;\\s*)${LANGUAGE_KEY}=([^;]+)`))
    return match ? decodeURIComponent(match[1]) : null
  } catch {
    return null
  }
}

export type Formatters = {
  locale: string
  /** "€1,234.50"; "–" when there is no amount. */
  money: (amount: Amount | string | null | undefined, currency: string) => string
  /** "+€100.00" / "-€100.00" / "€0.00": movements in the credit history. */
  signedMoney: (amount: Amount | string | null | undefined, currency: string) => string
  date: (value: string | Date | null | undefined) => string
  dateTime: (value: string | Date | null | undefined) => string
  /** The currency's symbol ("€", "$", "CHF"). */
  currencySymbol: (currency: string) => string
  /** "Euro" for "eur". */
  currencyName: (currency: string) => string
}

function amountNumber(amount: Amount | string | null | undefined): number | null {
  if (amount === null || amount === undefined || amount === "") {
    return null
  }
  const n = Number(amount)
  return Number.isFinite(n) ? n : null
}

function numberFormat(locale: string, currency: string, signed: boolean): Intl.NumberFormat {
  const signDisplay = signed ? "exceptZero" : "auto"
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), signDisplay })
  } catch {
    // Not an ISO currency code: the number alone.
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay })
  }
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key)
  if (value === undefined) {
    value = make()
    cache.set(key, value)
  }
  return value
}

const formattersByLocale = new Map<string, Formatters>()

/** Formatters for one locale (built once per locale, each Intl object once per currency). */
export function formattersFor(locale: string): Formatters {
  return cached(formattersByLocale, locale, () => {
    const numbers = new Map<string, Intl.NumberFormat>()
    const moneyIn = (signed: boolean) => (amount: Amount | string | null | undefined, currency: string) => {
      const n = amountNumber(amount)
      const format = cached(numbers, `${currency}:${signed}`, () => numberFormat(locale, currency, signed))
      return n === null ? "–" : format.format(n)
    }
    const dateIn = (options: Intl.DateTimeFormatOptions) => {
      const format = new Intl.DateTimeFormat(locale, options)
      return (value: string | Date | null | undefined) => {
        if (!value) {
          return "–"
        }
        const d = new Date(value)
        return Number.isNaN(d.getTime()) ? String(value) : format.format(d)
      }
    }
    const currencyNames = (() => {
      try {
        return new Intl.DisplayNames([locale], { type: "currency" })
      } catch {
        return null
      }
    })()
    return {
      locale,
      money: moneyIn(false),
      signedMoney: moneyIn(true),
      date: dateIn({ dateStyle: "medium" }),
      dateTime: dateIn({ dateStyle: "medium", timeStyle: "medium" }),
      currencySymbol: (currency) =>
        numberFormat(locale, currency, false)
          .formatToParts(0)
          .find((p) => p.type === "currency")?.value ?? currency.toUpperCase(),
      currencyName: (currency) => currencyNames?.of(currency.toUpperCase()) ?? currency.toUpperCase(),
    }
  })
}
