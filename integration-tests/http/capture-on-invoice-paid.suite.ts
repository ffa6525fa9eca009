import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { eventually } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"
import { captureMissedInvoicePayments } from "../../src/jobs/confirm-orders-on-account"
import { INVOICES_PAID_EVENT } from "../../src/modules/trade-credit/constants"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(240_000)

const charged = (total: number) => MathBN.convert(total, 2)

/**
 * The default capture mode, `capture: "on_invoice_paid"` (no TRADE_CREDIT_CAPTURE):
 * an on-account order's payment stays authorized while its invoice is open and
 * is captured for what the buyer paid, as payments settle the invoice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    // The same company, buyer and account in every test: built once, the runner restores them before each test (helpers/fixtures.ts, adminHeaders).
    let world: Awaited<ReturnType<typeof companyWithBuyer>>
    beforeAll(async () => {
      world = await companyWithBuyer(api, getContainer(), { company: "Lille Renovation", email: "alice@lille.example", credit_limit: 50000 })
    })

    const setUp = async () => {
      const container = getContainer()
      const { admin, account } = world
      const orderOf = async (id: string) =>
        (
          await api.get(
            `/admin/orders/${id}?fields=id,total,payment_status,summary,payment_collections.status,payment_collections.amount,payment_collections.payments.id,payment_collections.payments.captured_at,payment_collections.payments.captures.amount`,
            { headers: admin.headers }
          )
        ).data.order
      const capturedOf = (order: any) =>
        (order.payment_collections[0].payments[0].captures ?? []).reduce((s: any, c: any) => MathBN.add(s, c.amount), MathBN.convert(0))
      const invoiceOf = async (orderId: string) =>
        (await api.get(`/admin/trade-credit/invoices?account_id=${account.id}`, { headers: admin.headers })).data.invoices.find(
          (i: any) => i.order_id === orderId
        )
      const entries = () => client.allEntries(api, admin.headers, account.id)
      const reimburse = (amount: string, extra: Record<string, unknown> = {}) =>
        client.reimburse(api, admin.headers, account.id, { amount: Number(amount), ...extra })
      const place = async (quantity = 1) => {
        const cart = await cartReadyToPay(api, world.buyer.headers, world.shop, { quantity, shippingOptionName: client.STANDARD_SHIPPING })
        const placed = await complete(api, world.buyer.headers, cart.id)
        expect(placed.type).toBe("order")
        return placed.order
      }
      return { ...world, container, orderOf, capturedOf, invoiceOf, entries, reimburse, place }
    }

    it("keeps the payment authorized while the invoice is open, then captures each payment: partially_captured, then captured", async () => {
      const w = await setUp()
      const order = await w.place(2)
      const charge = charged(order.total)

      const placed = await w.orderOf(order.id)
      expect(placed.payment_status).toBe("authorized")
      expect(w.capturedOf(placed).toNumber()).toBe(0)
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "open", amount: charge.toNumber(), amount_paid: 0 }))
      // The ledger debited the account at placement, as with on_authorize.
      expect(await client.getAccount(api, w.admin.headers, w.account.id)).toEqual(expect.objectContaining({ balance: -charge.toNumber(), reserved: 0 }))
      // The confirm job's sweep finds nothing to capture.
      expect(await captureMissedInvoicePayments(w.container)).toEqual([])

      await w.reimburse("10.00", { reference: "TRANSFER-1" })
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("partially_captured"))
      const partly = await w.orderOf(order.id)
      expect(w.capturedOf(partly).toNumber()).toBe(10)
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "partially_paid", amount_paid: 10 }))

      await w.reimburse(charge.minus(10).toFixed(2), { reference: "TRANSFER-2" })
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("captured"))
      const paid = await w.orderOf(order.id)
      expect(w.capturedOf(paid).toFixed(2)).toBe(charge.toFixed(2))
      expect(paid.payment_collections[0].payments[0].captures).toHaveLength(2)
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "paid", amount_open: 0 }))
      // Medusa's captures posted nothing more: the purchase and the two payments.
      expect((await w.entries()).filter((e: any) => e.operation !== "allocated").map((e: any) => [e.operation, e.amount])).toEqual([
        ["reimbursed", charge.minus(10).toNumber()],
        ["reimbursed", 10],
        ["purchased", -charge.toNumber()],
      ])
      expect(await client.getAccount(api, w.admin.headers, w.account.id)).toEqual(expect.objectContaining({ balance: 0 }))
      expect(await captureMissedInvoicePayments(w.container)).toEqual([])

      // A bounced transfer reopens the invoice; what Medusa captured stays captured.
      await w.reimburse("-10.00", { reference: "TRANSFER-2", comment: "bounced" })
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "partially_paid", amount_open: 10 }))
      const afterBounce = await w.orderOf(order.id)
      expect(afterBounce.payment_status).toBe("captured")
      // Paying it again captures nothing twice.
      await w.reimburse("10.00", { reference: "TRANSFER-3" })
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "paid" }))
      expect(await captureMissedInvoicePayments(w.container)).toEqual([])
      expect(w.capturedOf(await w.orderOf(order.id)).toFixed(2)).toBe(charge.toFixed(2))
    })

    it("two payments recorded at once capture exactly what they paid, together the whole amount", async () => {
      const w = await setUp()
      const order = await w.place(3)
      const charge = charged(order.total)
      const half = charge.div(2).decimalPlaces(2, 1)
      const results = await Promise.allSettled([
        w.reimburse(half.toFixed(2), { reference: "A" }),
        w.reimburse(charge.minus(half).toFixed(2), { reference: "B" }),
      ])
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"])
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("captured"))
      // The sweep running right after (as the job may) captures nothing more.
      expect(await captureMissedInvoicePayments(w.container)).toEqual([])
      const paid = await w.orderOf(order.id)
      expect(w.capturedOf(paid).toFixed(2)).toBe(charge.toFixed(2))
    })

    it("an account holding credit pays the new invoice at once: the order is captured after it is placed", async () => {
      const w = await setUp()
      await w.reimburse("5000.00", { reference: "PREPAYMENT" })
      const order = await w.place(1)
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("captured"))
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "paid" }))
    })

    it("a payment over several invoices captures each order for its share, oldest first", async () => {
      const w = await setUp()
      const first = await w.place(1)
      const second = await w.place(1)
      const one = charged(first.total)
      await w.reimburse(one.plus(5).toFixed(2))
      await eventually(async () => {
        expect((await w.orderOf(first.id)).payment_status).toBe("captured")
        expect((await w.orderOf(second.id)).payment_status).toBe("partially_captured")
      })
      expect(w.capturedOf(await w.orderOf(second.id)).toNumber()).toBe(5)
    })

    const editQuantity = async (w: Awaited<ReturnType<typeof setUp>>, orderId: string, itemId: string, quantity: number) => {
      await api.post(`/admin/order-edits`, { order_id: orderId }, { headers: w.admin.headers })
      await api.post(`/admin/order-edits/${orderId}/items/item/${itemId}`, { quantity }, { headers: w.admin.headers })
      await api.post(`/admin/order-edits/${orderId}/request`, {}, { headers: w.admin.headers })
      await api.post(`/admin/order-edits/${orderId}/confirm`, {}, { headers: w.admin.headers })
    }
    const summaryOf = async (w: Awaited<ReturnType<typeof setUp>>, orderId: string) =>
      (await api.get(`/admin/orders/${orderId}?fields=id,total,summary`, { headers: w.admin.headers })).data.order

    it("an order edit removing an item of an unpaid order reduces its invoice: no refund pending, the account credited, the payment still authorized", async () => {
      const w = await setUp()
      const order = await w.place(2)
      const before = charged(order.total)
      await editQuantity(w, order.id, order.items[0].id, 1)

      const after = await summaryOf(w, order.id)
      const reduced = before.minus(charged(after.total))
      expect(reduced.gt(0)).toBe(true)
      const refunded = await eventually(async () => {
        const found = (await w.entries()).find((e: any) => e.operation === "refunded")
        expect(found).toBeTruthy()
        return found
      })
      expect(refunded).toEqual(expect.objectContaining({ order_id: order.id, amount: reduced.toNumber() }))
      expect(await w.invoiceOf(order.id)).toEqual(
        expect.objectContaining({ status: "open", amount: before.toNumber(), amount_open: charged(after.total).toNumber() })
      )
      expect(await client.getAccount(api, w.admin.headers, w.account.id)).toEqual(
        expect.objectContaining({ balance: -charged(after.total).toNumber() })
      )
      // No refund pending in Medusa, and the order's payment was neither canceled nor replaced.
      const edited = await w.orderOf(order.id)
      expect(MathBN.convert(edited.summary.pending_difference).abs().lt(0.01)).toBe(true)
      expect(edited.payment_status).toBe("authorized")
      expect(edited.payment_collections).toHaveLength(1)

      // Paying the reduced invoice completes the capture.
      await w.reimburse(charged(after.total).toFixed(2))
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("captured"))
      expect(w.capturedOf(await w.orderOf(order.id)).toFixed(2)).toBe(charged(after.total).toFixed(2))
    })

    it("an order edit of a partly paid order reduces the open part, and what exceeds it stays a refund as today", async () => {
      const w = await setUp()
      const order = await w.place(2)
      const before = charged(order.total)
      // Paid all but 5.00 of it.
      await w.reimburse(before.minus(5).toFixed(2))
      await eventually(async () => expect((await w.orderOf(order.id)).payment_status).toBe("partially_captured"))
      await editQuantity(w, order.id, order.items[0].id, 1)
      const after = await summaryOf(w, order.id)
      const reduced = before.minus(charged(after.total))

      await eventually(async () => {
        expect((await w.entries()).find((e: any) => e.operation === "refunded")).toEqual(expect.objectContaining({ amount: 5 }))
      })
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "paid", amount_open: 0 }))
      // Medusa shows the rest as a refund due, which the admin refunds as for any order.
      const edited = await w.orderOf(order.id)
      // (Medusa's totals carry more decimals than the cents the ledger charged: within a cent.)
      expect(MathBN.convert(edited.summary.pending_difference).plus(reduced.minus(5)).abs().lt(0.01)).toBe(true)
      const paymentId = edited.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: reduced.minus(5).toNumber() }, { headers: w.admin.headers })
      const account = await client.getAccount(api, w.admin.headers, w.account.id)
      // The buyer paid before-5 for an order that now costs after: the difference is theirs.
      expect(account.balance).toBe(before.minus(5).minus(charged(after.total)).toNumber())
    })

    it("a return received of an unpaid order reduces its invoice instead of a refund", async () => {
      const w = await setUp()
      const order = await w.place(2)
      const before = charged(order.total)
      const item = order.items[0]
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: item.id, quantity: 2 }] }, { headers: w.admin.headers })
      const { data: locations } = await w.container.resolve("query").graph({ entity: "stock_location", fields: ["id"] })
      const { data: created } = await api.post(`/admin/returns`, { order_id: order.id, location_id: locations[0].id }, { headers: w.admin.headers })
      const returnId = created.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: item.id, quantity: 1 }] }, { headers: w.admin.headers })
      await api.post(`/admin/returns/${returnId}/request`, {}, { headers: w.admin.headers })
      // Requesting the return left the authorized payment alone.
      expect((await w.orderOf(order.id)).payment_collections).toHaveLength(1)
      await api.post(`/admin/returns/${returnId}/receive`, {}, { headers: w.admin.headers })
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: item.id, quantity: 1 }] }, { headers: w.admin.headers })
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, { headers: w.admin.headers })

      const after = await summaryOf(w, order.id)
      const reduced = before.minus(charged(after.total))
      expect(reduced.gt(0)).toBe(true)
      await eventually(async () => {
        expect((await w.entries()).find((e: any) => e.operation === "refunded")).toEqual(
          expect.objectContaining({ order_id: order.id, amount: reduced.toNumber() })
        )
      })
      expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ amount_open: charged(after.total).toNumber() }))
      const returned = await w.orderOf(order.id)
      expect(MathBN.convert(returned.summary.pending_difference).abs().lt(0.01)).toBe(true)
      expect(returned.payment_status).toBe("authorized")
    })

    it("a cancel gives an unpaid order's credit back, and a partly paid order's payment back to the account", async () => {
      const w = await setUp()
      const unpaid = await w.place(1)
      await api.post(`/admin/orders/${unpaid.id}/cancel`, {}, { headers: w.admin.headers })
      await eventually(async () => expect(await w.invoiceOf(unpaid.id)).toEqual(expect.objectContaining({ status: "void" })))
      expect((await w.orderOf(unpaid.id)).payment_status).toBe("canceled")
      expect(await client.getAccount(api, w.admin.headers, w.account.id)).toEqual(expect.objectContaining({ balance: 0 }))

      const partly = await w.place(1)
      await w.reimburse("10.00")
      await eventually(async () => expect((await w.orderOf(partly.id)).payment_status).toBe("partially_captured"))
      await api.post(`/admin/orders/${partly.id}/cancel`, {}, { headers: w.admin.headers })
      await eventually(async () => expect(await w.invoiceOf(partly.id)).toEqual(expect.objectContaining({ status: "void" })))
      // The 10.00 the buyer paid is theirs again: Medusa refunded the capture to the account, and the rest was reverted.
      await eventually(async () =>
        expect(await client.getAccount(api, w.admin.headers, w.account.id)).toEqual(expect.objectContaining({ balance: 10 }))
      )
      const ops = (await w.entries()).filter((e: any) => e.order_id === partly.id).map((e: any) => e.operation).sort()
      expect(ops).toEqual(["purchased", "refunded", "reverted"])
    })

    it("a capture the event never made (the event was lost) is made by the confirm-orders job's sweep, once", async () => {
      const w = await setUp()
      const order = await w.place(1)
      const eventBus = w.container.resolve(Modules.EVENT_BUS) as any
      const emit = eventBus.emit
      // Lose every trade_credit.invoices.paid event from here on.
      eventBus.emit = async (messages: any, options?: any) => {
        const kept = [messages].flat().filter((m: any) => m?.name !== INVOICES_PAID_EVENT)
        return kept.length ? emit.call(eventBus, kept, options) : undefined
      }
      try {
        await w.reimburse("10.00")
        expect(await w.invoiceOf(order.id)).toEqual(expect.objectContaining({ status: "partially_paid", amount_paid: 10 }))
        expect((await w.orderOf(order.id)).payment_status).toBe("authorized")

        const made = await captureMissedInvoicePayments(w.container)
        expect(made).toEqual([expect.objectContaining({ order_id: order.id, amount: "10" })])
        const swept = await w.orderOf(order.id)
        expect(swept.payment_status).toBe("partially_captured")
        expect(w.capturedOf(swept).toNumber()).toBe(10)
        expect(await captureMissedInvoicePayments(w.container)).toEqual([])
      } finally {
        eventBus.emit = emit
      }
    })
  },
})
