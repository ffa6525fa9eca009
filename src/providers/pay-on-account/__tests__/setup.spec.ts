import PayOnAccountProviderService from "../service"

/** An awilix cradle throws on unknown keys, as the payment module's does. */
const cradle = (registered: Record<string, unknown>) =>
  new Proxy(registered, {
    get(target, key: string) {
      if (!(key in target)) {
        throw new Error(`Could not resolve '${key}'`)
      }
      return target[key]
    },
  })

describe("pay on account setup", () => {
  it("says exactly what to add when the payment module lacks its dependencies", async () => {
    const provider = new PayOnAccountProviderService(cradle({ logger: console }), {})
    await expect(
      provider.initiatePayment({ amount: 10, currency_code: "eur", context: { customer: { id: "cus_1", email: "a@b.c" } } })
    ).rejects.toThrow(
      /Pay on account can't reach "query" from the payment module\. Add it to the payment module in medusa-config\.ts: .*dependencies: \["trade_credit", "query"\]/
    )
  })

  it("refuses a guest before touching any dependency", async () => {
    const provider = new PayOnAccountProviderService(cradle({}), {})
    await expect(provider.initiatePayment({ amount: 10, currency_code: "eur", context: {} })).rejects.toThrow(
      "Pay on account is for logged-in trade customers: log in, or choose another payment method."
    )
  })

  it("validates the capture option", () => {
    expect(() => PayOnAccountProviderService.validateOptions({ capture: "later" })).toThrow(
      'option "capture" must be one of "on_invoice_paid", "on_authorize", "manual", got "later".'
    )
    for (const capture of ["on_invoice_paid", "on_authorize", "manual"]) {
      expect(() => PayOnAccountProviderService.validateOptions({ capture })).not.toThrow()
    }
    expect(() => PayOnAccountProviderService.validateOptions({})).not.toThrow()
  })
})
