import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { afterSubscribers, buyer, eventually } from "../helpers/fixtures"
import { orderHelpers } from "../helpers/orders"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * The store-wide choice `refund_returns_to: "balance"` (README, "Refunds to
 * the balance"): a received return's refund goes to the customer's balance
 * unless the admin chose `refund_to: "original"` on that return, which
 * leaves Medusa's refund to the card owed as usual.
 */
beforeAll(() => {
  process.env.TRADE_CREDIT_REFUND_RETURNS_TO = "balance"
})
afterAll(() => {
  delete process.env.TRADE_CREDIT_REFUND_RETURNS_TO
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const { setup, orderOf, paidOrder, returnOf, pending, personalAccounts } = orderHelpers(api, getContainer)

    it("sends a received return to the balance by default, and to the card when the admin chose it on the return", async () => {
      const { admin, shop, container } = await setup()
      const gus = await buyer(api, container, shop.pk, "gus@returns.example")

      // No choice on the return: the store's option sends it to the balance (the account is opened for it).
      const { order } = await paidOrder(admin, gus.headers, shop, 2)
      const ret = await returnOf(admin, order)
      const account = await eventually(async () => {
        const [found] = await personalAccounts(admin, gus.customer.id)
        expect(found?.balance).toBeGreaterThan(0)
        return found
      })
      expect(account.credit_limit).toBe(0)
      const refunds = (await client.allEntries(api, admin.headers, account.id)).filter((e: any) => e.operation === "refunded")
      expect(refunds).toEqual([expect.objectContaining({ order_id: order.id, reference: ret.id, amount: account.balance })])
      // Medusa's order no longer owes the customer anything: the refund was recorded on it.
      await eventually(async () => expect(pending(await orderOf(admin, order.id)).abs().lt("0.01")).toBe(true))

      // The admin chose the card on this return: the balance is untouched and Medusa's refund is still owed.
      const { order: second } = await paidOrder(admin, gus.headers, shop, 2)
      const before = await eventually(async () => {
        const b = (await client.getAccount(api, admin.headers, account.id)).balance
        // The second order spent the balance the first return left (applied by itself at checkout).
        expect(b).toBeLessThan(account.balance)
        return b
      })
      await afterSubscribers(container, ["order.return_received"], () => returnOf(admin, second, { refund_to: "original" }))
      expect(pending(await orderOf(admin, second.id)).lt(0)).toBe(true)
      expect((await client.getAccount(api, admin.headers, account.id)).balance).toBe(before)
      const after = (await client.allEntries(api, admin.headers, account.id)).filter((e: any) => e.operation === "refunded")
      expect(after.map((e: any) => e.order_id)).toEqual([order.id])
    })
  },
})
