import { availableCredit } from "../available-credit"

describe("availableCredit", () => {
  it("is limit + balance - reserved", () => {
    expect(availableCredit({ credit_limit: 1000, balance: -250.5, reserved: 100 }).toString()).toBe(
      "649.5"
    )
  })

  it("counts a positive balance (prepayment) as credit", () => {
    expect(availableCredit({ credit_limit: 0, balance: 40, reserved: 0 }).toString()).toBe("40")
  })

  it("is negative when the account is over its limit", () => {
    expect(availableCredit({ credit_limit: 100, balance: -150, reserved: 0 }).toString()).toBe("-50")
  })

  it("is exact where floats are not (0.1 + 0.2)", () => {
    expect(availableCredit({ credit_limit: "0.1", balance: "0.2", reserved: 0 }).toString()).toBe("0.3")
  })
})
