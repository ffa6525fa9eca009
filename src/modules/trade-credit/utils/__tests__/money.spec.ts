import { currencyDecimals, parseAmount } from "../money"

describe("currencyDecimals", () => {
  it.each([
    ["eur", 2],
    ["JPY", 0],
    ["kwd", 3],
    ["usd", 2],
  ])("%s has %i decimals", (code, decimals) => {
    expect(currencyDecimals(code)).toBe(decimals)
  })

  it("refuses an unknown code", () => {
    expect(() => currencyDecimals("notacurrency")).toThrow(/Unknown currency/)
  })
})

describe("parseAmount", () => {
  it("accepts numbers and numeric strings exactly", () => {
    expect(parseAmount(10.5, "eur", "amount").toString()).toBe("10.5")
    expect(parseAmount("1234.56", "eur", "amount").toString()).toBe("1234.56")
    expect(parseAmount("-20", "eur", "amount").toString()).toBe("-20")
    expect(parseAmount(1.005, "kwd", "amount").toString()).toBe("1.005")
  })

  it("rejects more decimals than the currency allows, never rounds", () => {
    expect(() => parseAmount(10.001, "eur", "amount")).toThrow(
      "amount 10.001 has more decimals than EUR allows (2)."
    )
    expect(() => parseAmount("1.5", "jpy", "credit_limit")).toThrow(/credit_limit 1.5 .*JPY allows \(0\)/)
    expect(() => parseAmount("1.0001", "kwd", "amount")).toThrow(/KWD allows \(3\)/)
  })

  it.each([NaN, Infinity, "abc", "", "1,5", null, undefined, {}, [], "0x10", true])(
    "rejects %p naming the field",
    (value) => {
      expect(() => parseAmount(value, "eur", "amount")).toThrow(/^amount must be a finite decimal number/)
    }
  )

  it("rejects negatives and zero when asked", () => {
    expect(() => parseAmount(-1, "eur", "credit_limit", { allowNegative: false })).toThrow(
      /must not be negative/
    )
    expect(() => parseAmount(0, "eur", "amount")).toThrow(/must not be zero/)
    expect(parseAmount(0, "eur", "credit_limit", { allowZero: true }).toString()).toBe("0")
  })

  it("rejects absurdly large amounts", () => {
    expect(() => parseAmount("1e20", "eur", "amount")).toThrow(/too large/)
  })
})

describe("roundToCurrency", () => {
  it("rounds computed totals half up to the currency's minor unit", () => {
    const { roundToCurrency } = require("../money")
    expect(roundToCurrency("77.319", "eur")).toBe("77.32")
    expect(roundToCurrency("77.315", "eur")).toBe("77.32")
    expect(roundToCurrency("77.314", "eur")).toBe("77.31")
    expect(roundToCurrency("1234.5", "jpy")).toBe("1235")
    expect(roundToCurrency("1.0005", "kwd")).toBe("1.001")
  })
})
