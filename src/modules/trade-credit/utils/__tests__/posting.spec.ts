import { postingTotals, sessionOutstanding } from "../posting"

const account = { currency_code: "eur", credit_limit: "100", balance: "-20", reserved: "30", allow_exceed: false }

describe("postingTotals", () => {
  it("moves the amount into the balance and the delta into the reserved total, exactly", () => {
    const t = postingTotals(account, { amount: "-10.1", reserved_delta: "0.2" })
    expect([t.balance.toString(), t.reserved.toString(), t.available.toString(), t.over_limit]).toEqual([
      "-30.1",
      "30.2",
      "39.7",
      false,
    ])
  })

  it("refuses a posting that moves nothing", () => {
    expect(() => postingTotals(account, { amount: 0, reserved_delta: 0 })).toThrow("amount must not be zero.")
  })

  it("refuses releasing more than is reserved", () => {
    expect(() => postingTotals(account, { reserved_delta: "-31" })).toThrow(
      "Cannot release 31 EUR: only 30 is reserved on this account."
    )
  })

  it("refuses more decimals than the currency has", () => {
    expect(() => postingTotals(account, { amount: "1.001" })).toThrow()
  })

  it("never flags a payment into an account that is still over its limit (it gives credit back)", () => {
    const overdrawn = { ...account, balance: "-150" }
    const t = postingTotals(overdrawn, { amount: "20" })
    expect([t.available.toString(), t.over_limit]).toEqual(["-60", false])
  })

  it("flags a posting that takes credit over the limit, and refuses it when the limit is enforced", () => {
    expect(postingTotals(account, { amount: "-60" }).over_limit).toBe(true)
    expect(() => postingTotals(account, { amount: "-60", enforce_limit: true })).toThrow(
      "Not enough available credit: 50.00 EUR available, 10.00 over the limit."
    )
    expect(postingTotals({ ...account, allow_exceed: true }, { amount: "-60", enforce_limit: true }).over_limit).toBe(true)
    expect(postingTotals(account, { amount: "-60", enforce_limit: true, force_over_limit: true }).over_limit).toBe(true)
  })
})

describe("sessionOutstanding", () => {
  it("is what an order still reserves and still owes after captures, refunds and a cancel", () => {
    const entries = [
      { operation: "purchased", raw_amount: { value: "0" }, raw_reserved_delta: { value: "100" } },
      { operation: "captured", raw_amount: { value: "-40" }, raw_reserved_delta: { value: "-40" } },
      { operation: "refunded", raw_amount: { value: "15" }, raw_reserved_delta: { value: "0" } },
    ]
    const o = sessionOutstanding(entries)
    expect([o.reserved.toString(), o.posted.toString(), o.reverted]).toEqual(["60", "25", null])
    const reverted = { operation: "reverted", raw_amount: { value: "25" }, raw_reserved_delta: { value: "-60" } }
    const after = sessionOutstanding([...entries, reverted])
    expect([after.reserved.toString(), after.posted.toString(), after.reverted]).toEqual(["0", "0", reverted])
  })
})
