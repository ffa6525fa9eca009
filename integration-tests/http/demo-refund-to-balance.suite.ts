import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN } from "@medusajs/framework/utils"
import { seedStorefront } from "../../src/scripts/demo/storefront"
import { PERSONAL, ensureAccount, ensureBuyer } from "../../src/scripts/demo/people"
import { ensureRefundedOrder } from "../../src/scripts/demo/refund-to-balance"
import { adminHeaders } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * The demo seed's refund to balance (src/scripts/demo/refund-to-balance.ts):
 * the prepaid customer's order with an item removed by an order edit, its
 * difference on her balance, Medusa's order settled; a second run adds nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("places the order, removes an item with an order edit, refunds the difference to the balance, and a second run adds nothing", async () => {
      const container = getContainer()
      const admin = await adminHeaders(api, container)
      const created: string[] = []
      const note = (what: string, isNew: boolean) => isNew && created.push(what)
      const { region, salesChannel } = await seedStorefront(container)
      const run = async () => {
        const customer = await ensureBuyer(container, PERSONAL.buyer, PERSONAL.address, null, note)
        const account = await ensureAccount(container, { customer_id: customer.id }, PERSONAL.slug, PERSONAL.account, note)
        await ensureRefundedOrder(
          container,
          {
            slug: PERSONAL.slug,
            customer: { id: customer.id, email: PERSONAL.buyer.email, first_name: PERSONAL.buyer.first_name, last_name: PERSONAL.buyer.last_name },
            shipping_address: PERSONAL.address,
            region_id: region.id,
            sales_channel_id: salesChannel.id,
          },
          note
        )
        return account
      }
      const account = await run()
      const entries = await client.allEntries(api, admin.headers, account.id)
      const refunds = entries.filter((e: any) => e.operation === "refunded")
      expect(refunds).toHaveLength(1)
      expect(refunds[0].amount).toBeGreaterThan(0)
      expect(refunds[0].comment).toMatch(/^Item out of stock\n/)
      // Her prepayment plus the refund; nothing of it was spent on the order (the card paid it).
      const after = await client.getAccount(api, admin.headers, account.id)
      expect(after.balance).toBe(MathBN.add(350, refunds[0].amount).toNumber())
      const { order } = (await api.get(`/admin/orders/${refunds[0].order_id}?fields=id,summary.*,*items`, { headers: admin.headers })).data
      expect(order.items[0].quantity).toBe(3)
      expect(MathBN.convert(order.summary.pending_difference).abs().lt("0.01")).toBe(true)

      created.length = 0
      await run()
      expect(created).toEqual([])
      expect(await client.allEntries(api, admin.headers, account.id)).toHaveLength(entries.length)
    })
  },
})
