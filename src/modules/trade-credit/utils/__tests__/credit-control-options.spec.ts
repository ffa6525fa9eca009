import { normalizeCreditControlOptions } from "../credit-control-options"
import { normalizeBillingEmail } from "../account-settings"

describe("normalizeCreditControlOptions", () => {
  it("leaves automatic stops off by default", () => {
    expect(normalizeCreditControlOptions({})).toEqual({ auto_stop_after_days: null })
    expect(normalizeCreditControlOptions({ auto_stop_after_days: null })).toEqual({ auto_stop_after_days: null })
  })

  it("accepts whole days from 1 to 365", () => {
    expect(normalizeCreditControlOptions({ auto_stop_after_days: 1 })).toEqual({ auto_stop_after_days: 1 })
    expect(normalizeCreditControlOptions({ auto_stop_after_days: 365 })).toEqual({ auto_stop_after_days: 365 })
  })

  it.each([0, -3, 1.5, 366, "30", true])("refuses %p, naming the option", (value) => {
    expect(() => normalizeCreditControlOptions({ auto_stop_after_days: value })).toThrow(/"auto_stop_after_days" must be a whole number of days from 1 to 365/)
  })
})

describe("normalizeBillingEmail", () => {
  it("trims and joins several addresses, empty is null", () => {
    expect(normalizeBillingEmail(" ap@joinery.example ; boss@joinery.example,")).toBe("ap@joinery.example, boss@joinery.example")
    expect(normalizeBillingEmail("  ")).toBeNull()
    expect(normalizeBillingEmail(null)).toBeNull()
  })

  it("refuses what is not an address, naming it", () => {
    expect(() => normalizeBillingEmail("ap@joinery.example, accounts")).toThrow(/"accounts" is not one/)
  })
})
