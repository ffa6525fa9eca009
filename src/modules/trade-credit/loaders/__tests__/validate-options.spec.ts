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
