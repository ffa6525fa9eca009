import validateOptions from "../validate-options"

const load = (options: Record<string, unknown>) => validateOptions({ options } as never)

describe("plugin options: auto_apply_balance", () => {
  it("accepts true, false or nothing", async () => {
    await expect(load({})).resolves.toBeUndefined()
    await expect(load({ auto_apply_balance: false })).resolves.toBeUndefined()
    await expect(load({ auto_apply_balance: true })).resolves.toBeUndefined()
  })

  it("refuses anything else, naming the option", async () => {
    await expect(load({ auto_apply_balance: "false" })).rejects.toThrow(/auto_apply_balance must be true or false, got "false"/)
    await expect(load({ auto_apply_balance: 0 })).rejects.toThrow(/auto_apply_balance/)
  })
})

describe("plugin options: refund_returns_to and settle_tolerance", () => {
  it("accepts the destinations and tolerances it can apply", async () => {
    await expect(load({ refund_returns_to: "balance", settle_tolerance: 0.05 })).resolves.toBeUndefined()
    await expect(load({ refund_returns_to: "original", settle_tolerance: { eur: "0.02", jpy: 2 } })).resolves.toBeUndefined()
  })

  it("refuses the module load on anything else, naming the option", async () => {
    await expect(load({ refund_returns_to: "card" })).rejects.toThrow(/refund_returns_to/)
    await expect(load({ settle_tolerance: -0.01 })).rejects.toThrow(/settle_tolerance/)
    await expect(load({ settle_tolerance: { eur: "0.001" } })).rejects.toThrow()
  })
})
