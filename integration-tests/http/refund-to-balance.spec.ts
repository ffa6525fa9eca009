import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { afterSubscribers, buyer, eventually, failure } from "../helpers/fixtures"
import { orderHelpers } from "../helpers/orders"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * Money an order owes its customer goes to their balance (README, "Refunds to
 * the balance"), through Medusa's own admin API for the order side (order
 * edits, returns, captures): the admin's refund to balance, a received
 * return, and a small difference within `settle_tolerance` (0.05 EUR here).
 */
beforeAll(() => {
  process.env.TRADE_CREDIT_SETTLE_TOLERANCE = JSON.stringify({ eur: "0.05" })
})
afterAll(() => {
  delete process.env.TRADE_CREDIT_SETTLE_TOLERANCE
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const { setup, orderOf, paidOrder, returnOf: returnWith, pending, personalAccounts } = orderHelpers(api, getContainer)
    const balanceOf = (admin: any, id: string) => api.get(`/admin/trade-credit/orders/${id}/balance`, { headers: admin.headers }).then((r: any) => r.data)
    const refund = (admin: any, id: string, body: any, headers: Record<string, string> = {}) =>
      api.post(`/admin/trade-credit/orders/${id}/refund-to-balance`, body, { headers: { ...admin.headers, ...headers } })

    /** Removes `remove` of the order's first item with a Medusa order edit, confirmed. */
    const editOut = async (admin: any, order: any, changes: { quantity: number; unit_price?: number }) => {
      const item = order.items[0]
      await api.post("/admin/order-edits", { order_id: order.id, description: "Out of stock" }, { headers: admin.headers })
      await api.post(`/admin/order-edits/${order.id}/items/item/${item.id}`, changes, { headers: admin.headers })
      await api.post(`/admin/order-edits/${order.id}/request`, {}, { headers: admin.headers })
      await api.post(`/admin/order-edits/${order.id}/confirm`, {}, { headers: admin.headers })
      return await orderOf(admin, order.id)
    }

    it("items out of stock: an order edit removes them, the paid difference goes to the balance once, and the next order pays less", async () => {
      const { admin, shop, container } = await setup()
      const ann = await buyer(api, container, shop.pk, "ann@refund.example")
      const { order } = await paidOrder(admin, ann.headers, shop, 3)
      expect(pending(order).isZero()).toBe(true)

      // Nothing owed yet: refused, and no account is opened.
      const early = await failure(refund(admin, order.id, { amount: 1, reason: "Out of stock" }))
      expect(early.status).toBe(409)
      expect(early.data.message).toMatch(/owes the customer nothing/)
      expect(await personalAccounts(admin, ann.customer.id)).toHaveLength(0)

      const edited = await editOut(admin, order, { quantity: 1 })
      const owed = pending(edited).negated()
      expect(owed.gt(0)).toBe(true)
      const owedText = owed.decimalPlaces(2, 1).toFixed(2)
      const before = await balanceOf(admin, order.id)
      expect(before).toEqual(expect.objectContaining({ guest: false, currency_code: "eur", refundable: Number(owedText), used: 0, entries: [] }))

      // More than owed: 409 naming what is owed, nothing written.
      const tooMuch = await failure(refund(admin, order.id, { amount: MathBN.add(owedText, "0.01").toNumber(), reason: "Out of stock" }))
      expect(tooMuch.status).toBe(409)
      expect(tooMuch.data.message).toContain(`owes the customer (${owedText} EUR)`)
      expect(await personalAccounts(admin, ann.customer.id)).toHaveLength(0)

      // The refund, with a key: the account is opened (limit 0), a `refunded` entry names the order.
      const key = { "Idempotency-Key": `refund-${order.id}` }
      const body = { amount: Number(owedText), reason: "Items out of stock", note: "2 bags removed" }
      const first = await refund(admin, order.id, body, key)
      expect(first.status).toBe(201)
      expect(first.data.entry).toEqual(
        expect.objectContaining({ operation: "refunded", amount: Number(owedText), order_id: order.id, order_display_id: order.display_id, comment: "Items out of stock\n2 bags removed" })
      )
      expect(first.data.account).toEqual(expect.objectContaining({ customer_id: ann.customer.id, credit_limit: 0, balance: Number(owedText), currency_code: "eur" }))
      // The same request again: the same entry, 200.
      const again = await refund(admin, order.id, body, key)
      expect(again.status).toBe(200)
      expect(again.data.entry.id).toBe(first.data.entry.id)
      // Without the key: nothing is owed any more.
      expect((await failure(refund(admin, order.id, body))).status).toBe(409)
      const entries = await client.allEntries(api, admin.headers, first.data.account.id)
      expect(entries.filter((e: any) => e.operation === "refunded")).toHaveLength(1)

      // Medusa's order accounting: a transaction of -amount, the pending difference back to (less than a cent from) 0.
      const after = await orderOf(admin, order.id)
      expect(pending(after).abs().lt("0.01")).toBe(true)
      const trx = after.transactions.filter((t: any) => t.reference === "trade_credit")
      expect(trx).toHaveLength(1)
      expect(trx[0].reference_id).toBe(first.data.entry.id)
      expect(MathBN.convert(trx[0].amount).toFixed(2)).toBe(`-${owedText}`)
      const shown = await balanceOf(admin, order.id)
      expect(shown.refundable).toBe(0)
      expect(shown.entries.map((e: any) => e.id)).toEqual([first.data.entry.id])

      // The next order: the balance is applied by itself and the buyer pays that much less.
      const next = await paidOrder(admin, ann.headers, shop, 3)
      const line = (next.order.credit_lines ?? []).find((l: any) => l.reference === "trade-credit")
      expect(MathBN.convert(line.amount).toFixed(2)).toBe(owedText)
      expect(MathBN.convert(next.order.payment_collections[0].amount).toFixed(2)).toBe(MathBN.sub(order.total, owedText).toFixed(2))
      await eventually(async () => expect((await client.myBalance(api, ann.headers)).amount).toBe(0))
      const used = await balanceOf(admin, next.order.id)
      expect(used.used).toBe(Number(owedText))
      expect(used.entries.map((e: any) => e.operation)).toEqual(["purchased"])
    })

    it("refuses guests' orders, another customer's account, and canceled orders; a company account can be chosen", async () => {
      const { admin, shop, container } = await setup()
      const guestHeaders = { "x-publishable-api-key": shop.pk }
      const { order: guestOrder } = await paidOrder(admin, guestHeaders, shop, 2)
      const edited = await editOut(admin, guestOrder, { quantity: 1 })
      expect(pending(edited).lt(0)).toBe(true)
      const guest = await failure(refund(admin, guestOrder.id, { amount: 1, reason: "Out of stock" }))
      expect(guest.status).toBe(400)
      expect(guest.data.message).toMatch(/placed by a guest: guests have no balance/)
      expect((await balanceOf(admin, guestOrder.id)).guest).toBe(true)

      const company = await container.resolve("customer").createCustomerGroups({ name: "Bouw BV" })
      const bob = await buyer(api, container, shop.pk, "bob@refund.example", [company.id])
      const eve = await buyer(api, container, shop.pk, "eve@refund.example")
      const eveAccount = await client.openAccount(api, admin.headers, { customer_id: eve.customer.id })
      const companyAccount = await client.openAccount(api, admin.headers, { customer_group_id: company.id, credit_limit: 500 })
      const { order } = await paidOrder(admin, bob.headers, shop, 3)
      await editOut(admin, order, { quantity: 2 })

      // Eve's account is not Bob's to credit: 400, nothing written.
      const other = await failure(refund(admin, order.id, { amount: 1, reason: "r", account_id: eveAccount.id }))
      expect(other.status).toBe(400)
      expect(other.data.message).toMatch(/not an account of this customer or of their company/)
      expect((await client.getAccount(api, admin.headers, eveAccount.id)).balance).toBe(0)

      // His company's account can be chosen.
      const toCompany = await refund(admin, order.id, { amount: 1, reason: "Goodwill", account_id: companyAccount.id })
      expect(toCompany.status).toBe(201)
      expect(toCompany.data.account.id).toBe(companyAccount.id)
      expect(toCompany.data.account.balance).toBe(1)
      // Bob's own balance is untouched, and Eve's cart never sees it.
      expect((await client.myBalance(api, bob.headers)).amount).toBe(0)
      expect((await client.myBalance(api, eve.headers)).amount).toBe(0)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers }).catch(() => undefined)
      const canceled = await orderOf(admin, order.id)
      if (canceled.status === "canceled") {
        const refused = await failure(refund(admin, order.id, { amount: 1, reason: "r" }))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/canceled/)
      }
      expect((await failure(refund(admin, "order_nope", { amount: 1, reason: "r" }))).status).toBe(404)
    })

    it("a received return goes to the balance when the admin chose it on the return, and to Medusa's refund otherwise", async () => {
      const { admin, shop, container } = await setup()
      const cat = await buyer(api, container, shop.pk, "cat@refund.example")
      const returnOf = (order: any, metadata?: Record<string, unknown>) => returnWith(admin, order, metadata)

      const { order } = await paidOrder(admin, cat.headers, shop, 2)
      const ret = await returnOf(order, { refund_to: "balance" })
      const account = await eventually(async () => {
        const [found] = await personalAccounts(admin, cat.customer.id)
        expect(found?.balance).toBeGreaterThan(0)
        return found
      })
      const entries = (await client.allEntries(api, admin.headers, account.id)).filter((e: any) => e.operation === "refunded")
      expect(entries).toHaveLength(1)
      expect(entries[0]).toEqual(expect.objectContaining({ order_id: order.id, reference: ret.id, comment: "Refund of a received return" }))
      await eventually(async () => expect(pending(await orderOf(admin, order.id)).abs().lt("0.01")).toBe(true))

      // The default (`refund_returns_to: original`): the balance is untouched, Medusa's refund is still owed.
      // (The second order spends the balance the first return left: the balance pays the next order by itself.)
      const { order: second } = await paidOrder(admin, cat.headers, shop, 2)
      const balanceBefore = await eventually(async () => {
        const b = (await client.getAccount(api, admin.headers, account.id)).balance
        expect(b).toBeLessThan(account.balance)
        return b
      })
      await afterSubscribers(container, ["order.return_received"], () => returnOf(second))
      expect(pending(await orderOf(admin, second.id)).lt(0)).toBe(true)
      expect((await client.getAccount(api, admin.headers, account.id)).balance).toBe(balanceBefore)
      const refunds = (await client.allEntries(api, admin.headers, account.id)).filter((e: any) => e.operation === "refunded")
      expect(refunds.map((e: any) => e.order_id)).toEqual([order.id])
    })

    it("settles a small underpayment and a small overpayment within settle_tolerance to the balance, either way, and lists who owes and who is owed", async () => {
      const { admin, shop, container } = await setup()
      // Underpaid by 3 cents (the admin captured less): the balance is debited, Medusa's order settled.
      const dan = await buyer(api, container, shop.pk, "dan@refund.example")
      const { order: under } = await paidOrder(admin, dan.headers, shop, 1, { captureLess: "0.03" })
      const danAccount = await eventually(async () => {
        const [found] = await personalAccounts(admin, dan.customer.id)
        expect(found?.balance).toBe(-0.03)
        return found
      })
      const danEntries = await client.allEntries(api, admin.headers, danAccount.id)
      expect(danEntries.filter((e: any) => e.order_id === under.id).map((e: any) => [e.operation, e.amount])).toEqual([["adjusted", -0.03]])
      await eventually(async () => expect(pending(await orderOf(admin, under.id)).isZero()).toBe(true))

      // Overpaid by a few cents (an order edit lowered the price after payment): the balance is credited.
      const fay = await buyer(api, container, shop.pk, "fay@refund.example")
      const { order: over } = await paidOrder(admin, fay.headers, shop, 1)
      const unit = MathBN.convert(over.items[0].unit_price)
      const edited = await editOut(admin, over, { quantity: 1, unit_price: MathBN.sub(unit, "0.03").toNumber() })
      const owed = pending(edited).negated().decimalPlaces(2, 1)
      expect(owed.gt(0)).toBe(true)
      expect(owed.lte("0.05")).toBe(true)
      const fayAccount = await eventually(async () => {
        const [found] = await personalAccounts(admin, fay.customer.id)
        expect(found?.balance).toBe(owed.toNumber())
        return found
      })
      // The order transaction is written right after the ledger entry.
      await eventually(async () => expect(pending(await orderOf(admin, over.id)).abs().lt("0.01")).toBe(true))

      // Over the tolerance: nothing happens by itself.
      const gus = await buyer(api, container, shop.pk, "gus@refund.example")
      const { order: big } = await afterSubscribers(container, ["order.placed", "payment.captured"], () =>
        paidOrder(admin, gus.headers, shop, 1, { captureLess: "1" })
      )
      expect(await personalAccounts(admin, gus.customer.id)).toHaveLength(0)
      expect(pending(await orderOf(admin, big.id)).toFixed(2)).toBe("1.00")

      const list = async (sign: string) =>
        (await api.get(`/admin/trade-credit/accounts?balance=${sign}`, { headers: admin.headers })).data.accounts.map((a: any) => a.id)
      expect(await list("negative")).toEqual([danAccount.id])
      expect(await list("positive")).toEqual([fayAccount.id])
      expect((await failure(api.get("/admin/trade-credit/accounts?balance=zero", { headers: admin.headers }))).status).toBe(400)
    })
  },
})
