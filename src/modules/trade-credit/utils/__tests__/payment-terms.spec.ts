import { normalizePaymentTerms } from "../payment-terms"

describe("normalizePaymentTerms", () => {
  it("normalises net days with default grace", () => {
    expect(normalizePaymentTerms({ type: "net_days", net_days: 30 })).toEqual({
      type: "net_days",
      net_days: 30,
      grace_days: 0,
    })
  })

  it("keeps end of next month (Horizon's code 999) without days", () => {
    expect(normalizePaymentTerms({ type: "end_of_next_month", grace_days: 5 })).toEqual({
      type: "end_of_next_month",
      net_days: null,
      grace_days: 5,
    })
  })

  it.each([
    [{ type: "net_days" }, /net_days must be a whole number/],
    [{ type: "net_days", net_days: 0 }, /net_days must be a whole number/],
    [{ type: "net_days", net_days: 2.5 }, /net_days must be a whole number/],
    [{ type: "prepayment", net_days: 30 }, /only applies to net_days/],
    [{ type: "net_days", net_days: 30, grace_days: -1 }, /grace_days/],
    [{ type: "weekly" }, /payment_terms.type must be one of/],
  ])("refuses %j", (terms, message) => {
    expect(() => normalizePaymentTerms(terms as any)).toThrow(message)
  })
})
