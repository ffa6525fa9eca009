import {
  normalizeOrderBalanceOptions,
  refundableOf,
  refundComment,
  refundExceedsMessage,
  returnRefundDestination,
  settleToleranceFor,
  toleranceSettlement,
} from "../order-balance"

describe("normalizeOrderBalanceOptions", () => {
  it("defaults to refunds to the original payment and no tolerance", () => {
    expect(normalizeOrderBalanceOptions({})).toEqual({ refund_returns_to: "original", settle_tolerance: "0" })
  })

  it("takes one tolerance for all currencies or one per currency, checked against the currency's minor units", () => {
    const one = normalizeOrderBalanceOptions({ refund_returns_to: "balance", settle_tolerance: 0.02 })
    expect(one.refund_returns_to).toBe("balance")
    expect(settleToleranceFor(one, "EUR").toFixed()).toBe("0.02")
    const per = normalizeOrderBalanceOptions({ settle_tolerance: { EUR: "0.05", jpy: 3 } })
    expect(settleToleranceFor(per, "eur").toFixed()).toBe("0.05")
    expect(settleToleranceFor(per, "jpy").toFixed()).toBe("3")
    expect(settleToleranceFor(per, "usd").toFixed()).toBe("0")
  })

  it("refuses a destination it doesn't know and a tolerance that is negative, not a number or too precise", () => {
    expect(() => normalizeOrderBalanceOptions({ refund_returns_to: "card" })).toThrow(/refund_returns_to/)
    expect(() => normalizeOrderBalanceOptions({ settle_tolerance: -1 })).toThrow(/settle_tolerance/)
    expect(() => normalizeOrderBalanceOptions({ settle_tolerance: "abc" })).toThrow(/settle_tolerance/)
    expect(() => normalizeOrderBalanceOptions({ settle_tolerance: [1] })).toThrow(/settle_tolerance/)
    expect(() => normalizeOrderBalanceOptions({ settle_tolerance: { jpy: "0.5" } })).toThrow()
  })
})

describe("refundableOf", () => {
  it("is what the order owes the customer: minus a negative pending difference, else 0", () => {
    expect(refundableOf("-12.5", "eur").toFixed()).toBe("12.5")
    expect(refundableOf(3, "eur").toFixed()).toBe("0")
    expect(refundableOf(null, "eur").toFixed()).toBe("0")
  })

  it("rounds what Medusa computed with tax down to what can be paid out", () => {
    expect(refundableOf("-1.2199", "eur").toFixed()).toBe("1.21")
    expect(refundableOf("-0.0042", "eur").toFixed()).toBe("0")
    expect(refundableOf("-12.9", "jpy").toFixed()).toBe("12")
  })
})

describe("toleranceSettlement", () => {
  it("credits a small overpayment and debits a small underpayment, up to the tolerance inclusive", () => {
    expect(toleranceSettlement({ pending_difference: "-0.02", paid_total: 10, tolerance: "0.02", currency_code: "eur" })!.amount.toFixed()).toBe("0.02")
    expect(toleranceSettlement({ pending_difference: "0.01", paid_total: 10, tolerance: "0.02", currency_code: "eur" })!.amount.toFixed()).toBe("-0.01")
  })

  it("settles nothing over the tolerance, with no tolerance, with no difference, or for an order nobody paid yet", () => {
    expect(toleranceSettlement({ pending_difference: "-0.03", paid_total: 10, tolerance: "0.02", currency_code: "eur" })).toBeNull()
    expect(toleranceSettlement({ pending_difference: "-0.01", paid_total: 10, tolerance: 0, currency_code: "eur" })).toBeNull()
    expect(toleranceSettlement({ pending_difference: 0, paid_total: 10, tolerance: 1, currency_code: "eur" })).toBeNull()
    expect(toleranceSettlement({ pending_difference: "0.5", paid_total: 0, tolerance: 1, currency_code: "eur" })).toBeNull()
    // Less than a cent, from tax computed on totals: nothing to settle.
    expect(toleranceSettlement({ pending_difference: "-0.0042", paid_total: 10, tolerance: 1, currency_code: "eur" })).toBeNull()
    expect(toleranceSettlement({ pending_difference: "0.0242", paid_total: 10, tolerance: 1, currency_code: "eur" })!.amount.toFixed()).toBe("-0.02")
  })
})

describe("returnRefundDestination", () => {
  it("takes the admin's choice on the return first, then on the order, then the option", () => {
    expect(returnRefundDestination({ refund_to: "balance" }, { refund_to: "original" }, "original")).toBe("balance")
    expect(returnRefundDestination(null, { refund_to: "balance" }, "original")).toBe("balance")
    expect(returnRefundDestination({ refund_to: "nonsense" }, null, "balance")).toBe("balance")
    expect(returnRefundDestination(undefined, undefined, "original")).toBe("original")
  })
})

describe("messages", () => {
  it("say how much the order owes, and when it owes nothing", () => {
    expect(refundExceedsMessage("20", "12.5", "eur", "Order #7")).toBe(
      "20.00 EUR is more than Order #7 owes the customer (12.50 EUR): only what it has been overpaid by can be refunded to the balance."
    )
    expect(refundExceedsMessage("1", "0", "eur", "Order #7")).toMatch(/owes the customer nothing/)
    expect(refundComment(" Out of stock ", " item 2 ")).toBe("Out of stock\nitem 2")
    expect(refundComment("Return", null)).toBe("Return")
  })
})
