import {
  assertCardProviderAllowed,
  assertWithinCardPaymentCap,
  cardPaymentCap,
  normalizeCardPaymentOptions,
} from "../card-payments"

const cap = (input: Parameters<typeof cardPaymentCap>[0]) => cardPaymentCap(input).toString()

describe("cardPaymentCap", () => {
  it("is what the account owes when nothing is reserved or held", () => {
    expect(cap({ balance: "-250.5", reserved: 0, held: [] })).toBe("250.5")
  })

  it("adds reserved orders and every held order, so one payment can settle the account and release them all", () => {
    expect(cap({ balance: -100, reserved: "40.25", held: ["60", "0.75"] })).toBe("201")
  })

  it("counts money already held in advance against it", () => {
    expect(cap({ balance: 30, reserved: 10, held: ["50"] })).toBe("30")
  })

  it("is zero when the account owes nothing and no prepayment is allowed", () => {
    expect(cap({ balance: 0, reserved: 0, held: [] })).toBe("0")
    expect(cap({ balance: 80, reserved: 10, held: ["20"] })).toBe("0")
  })

  it("allows the configured prepayment on top, less what is already prepaid", () => {
    expect(cap({ balance: 0, reserved: 0, held: [], max_prepayment: 5000 })).toBe("5000")
    expect(cap({ balance: -100, reserved: 0, held: [], max_prepayment: 5000 })).toBe("5100")
    expect(cap({ balance: 4000, reserved: 0, held: [], max_prepayment: 5000 })).toBe("1000")
    expect(cap({ balance: 6000, reserved: 0, held: [], max_prepayment: 5000 })).toBe("0")
  })

  it("is exact where floats are not", () => {
    expect(cap({ balance: "-0.1", reserved: "0.2", held: [] })).toBe("0.3")
  })
})

describe("assertWithinCardPaymentCap", () => {
  it("lets the cap itself through and refuses a cent more, naming the cap", () => {
    const limit = cardPaymentCap({ balance: -100, reserved: 0, held: [] })
    expect(() => assertWithinCardPaymentCap("100.00", limit, "eur", null)).not.toThrow()
    expect(() => assertWithinCardPaymentCap("100.01", limit, "eur", null)).toThrow(/at most 100\.00 EUR/)
    expect(() => assertWithinCardPaymentCap("9999999999999.99", limit, "eur", 50)).toThrow(
      /at most 100\.00 EUR .*plus up to 50\.00 EUR paid in advance/
    )
  })
})

describe("normalizeCardPaymentOptions", () => {
  it("defaults to no providers and no prepayment", () => {
    expect(normalizeCardPaymentOptions({})).toEqual({ providers: [], maxPrepayment: {} })
  })

  it("keeps the listed providers and exact per-currency maximums", () => {
    expect(
      normalizeCardPaymentOptions({ cardPaymentProviders: ["pp_stripe_stripe"], cardPaymentMaxPrepayment: { EUR: "5000.50", jpy: 100000 } })
    ).toEqual({ providers: ["pp_stripe_stripe"], maxPrepayment: { eur: "5000.5", jpy: "100000" } })
  })

  it("refuses, at load, the system provider and pay on account", () => {
    expect(() => normalizeCardPaymentOptions({ cardPaymentProviders: ["pp_system_default"] })).toThrow(
      /cardPaymentProviders" lists pp_system_default, which is never allowed.*moves no money/
    )
    expect(() => normalizeCardPaymentOptions({ cardPaymentProviders: ["pp_stripe_stripe", "pp_trade-credit_on-account"] })).toThrow(
      /lists pp_trade-credit_on-account, which is never allowed.*can't itself be paid on account/
    )
  })

  it("refuses options of the wrong shape", () => {
    expect(() => normalizeCardPaymentOptions({ cardPaymentProviders: "pp_stripe_stripe" })).toThrow(/must be a list/)
    expect(() => normalizeCardPaymentOptions({ cardPaymentMaxPrepayment: { eur: "10.001" } })).toThrow(/more decimals/)
    expect(() => normalizeCardPaymentOptions({ cardPaymentMaxPrepayment: { eur: -1 } })).toThrow(/negative/)
    expect(() => normalizeCardPaymentOptions({ cardPaymentMaxPrepayment: { xyz: 1 } })).toThrow(/Unknown currency/)
  })
})

describe("assertCardProviderAllowed", () => {
  const options = normalizeCardPaymentOptions({ cardPaymentProviders: ["pp_stripe_stripe"] })

  it("refuses every provider while the store lists none, saying which option enables them", () => {
    expect(() => assertCardProviderAllowed("pp_stripe_stripe", normalizeCardPaymentOptions({}))).toThrow(
      /hasn't enabled card payments.*"cardPaymentProviders" option/
    )
  })

  it("never allows the system provider or pay on account, listed or not", () => {
    expect(() => assertCardProviderAllowed("pp_system_default", options)).toThrow(/moves no money/)
    expect(() => assertCardProviderAllowed("pp_trade-credit_on-account", options)).toThrow(/can't itself be paid on account/)
  })

  it("allows only listed providers", () => {
    expect(() => assertCardProviderAllowed("pp_stripe_stripe", options)).not.toThrow()
    expect(() => assertCardProviderAllowed("pp_paypal_paypal", options)).toThrow(/pp_paypal_paypal can't be used.*pp_stripe_stripe/)
  })
})

describe("the module's options loader", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validateOptions = require("../../loaders/validate-options").default

  it("fails the module's load when the system provider or pay on account is listed", async () => {
    await expect(validateOptions({ options: { cardPaymentProviders: ["pp_system_default"] } })).rejects.toThrow(
      /Trade credit: option "cardPaymentProviders" lists pp_system_default, which is never allowed/
    )
    await expect(validateOptions({ options: { cardPaymentProviders: ["pp_trade-credit_on-account"] } })).rejects.toThrow(/never allowed/)
  })

  it("loads with allowed providers, or none", async () => {
    await expect(validateOptions({ options: { cardPaymentProviders: ["pp_stripe_stripe"] } })).resolves.toBeUndefined()
    await expect(validateOptions({ options: undefined })).resolves.toBeUndefined()
  })
})
