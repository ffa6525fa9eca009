import { formattersFor, storedDashboardLanguage, toIntlLocale } from "../intl"

describe("the admin's numbers and dates follow the dashboard's language", () => {
  it("turns the dashboard's language codes into Intl locales", () => {
    expect(toIntlLocale("en")).toBe("en")
    expect(toIntlLocale("de")).toBe("de")
    expect(toIntlLocale("enGB")).toBe("en-GB")
    expect(toIntlLocale("ptBR")).toBe("pt-BR")
    expect(toIntlLocale("zhCN")).toBe("zh-CN")
    expect(toIntlLocale("en-US")).toBe("en-US")
  })

  it("falls back to English for nothing or a code Intl can't read", () => {
    expect(toIntlLocale(undefined)).toBe("en")
    expect(toIntlLocale(null)).toBe("en")
    expect(toIntlLocale("")).toBe("en")
    expect(toIntlLocale("not a language!")).toBe("en")
  })

  it("formats money and dates in the chosen language, not the machine's", () => {
    const date = new Date(Date.UTC(2026, 2, 5, 12, 0, 0))
    const de = formattersFor("de")
    const en = formattersFor("en")
    expect(de.money(1234.5, "eur")).toBe(new Intl.NumberFormat("de", { style: "currency", currency: "EUR" }).format(1234.5))
    expect(en.money("1234.5", "eur")).toBe("€1,234.50")
    expect(en.signedMoney(100, "eur")).toBe("+€100.00")
    expect(en.signedMoney(-100, "eur")).toBe("-€100.00")
    expect(en.signedMoney(0, "eur")).toBe("€0.00")
    expect(de.date(date)).toBe(new Intl.DateTimeFormat("de", { dateStyle: "medium" }).format(date))
    expect(de.date(date)).not.toBe(en.date(date))
  })

  it("says so when there is no amount or date, and keeps unreadable dates as given", () => {
    const en = formattersFor("en")
    expect(en.money(null, "eur")).toBe("–")
    expect(en.money("", "eur")).toBe("–")
    expect(en.date(undefined)).toBe("–")
    expect(en.dateTime("not a date")).toBe("not a date")
  })

  it("shows an unknown currency code as a plain number", () => {
    expect(formattersFor("en").money(5, "xx")).toBe("5.00")
    expect(formattersFor("en").currencySymbol("xx")).toBe("XX")
  })

  it("has no stored language outside a browser", () => {
    expect(storedDashboardLanguage()).toBeNull()
  })
})
