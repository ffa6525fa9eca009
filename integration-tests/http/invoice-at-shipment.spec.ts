import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { dueDate } from "../../src/modules/trade-credit/utils/due-dates"
import { invoiceShippedOrderWorkflow } from "../../src/workflows/invoice-shipped-order"
import { buyer, eventually } from "../helpers/fixtures"
import { cartReadyToPay, companyAndBuyer, complete, storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"
import { charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * Plugin option `invoice_at: "shipment"` (TRADE_CREDIT_INVOICE_AT): an order
 * paid on account is an outstanding order on its account until its first
 * fulfillment ships (`shipment.created`), then invoiced once, due by the
 * account's terms at that moment, settled by unallocated credit; canceled
 * before shipment, it never gets an invoice.
 */
beforeAll(() => {
  process.env.TRADE_CREDIT_INVOICE_AT = "shipment"
})
afterAll(() => {
  delete process.env.TRADE_CREDIT_INVOICE_AT
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let company: any
    let alice: Awaited<ReturnType<typeof buyer>>

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      ;({ admin, shop, company, buyer: alice } = await companyAndBuyer(api, getContainer(), { company: "Antwerp Tiles", email: "alice@antwerp.example" }))
    })

    const openAccount = (body: Record<string, unknown> = {}) =>
      client.openAccount(api, admin.headers, { customer_group_id: company.id, credit_limit: 100000, ...body })
    const buy = async (quantity = 1) => {
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity })).id)
      expect(placed.type).toBe("order")
      return placed.order
    }
    const invoicesOf = async (accountId: string) =>
      (await client.listInvoices(api, admin.headers, { account_id: accountId, order: "number" })).invoices
    const fulfil = async (order: any) => {
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
        { headers: admin.headers }
      )
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,*fulfillments`, { headers: admin.headers })
      return data.order.fulfillments.at(-1)
    }
    const ship = async (order: any, fulfillment: any) =>
      api.post(
        `/admin/orders/${order.id}/fulfillments/${fulfillment.id}/shipments`,
        { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
        { headers: admin.headers }
      )

    it("keeps an order outstanding until it ships, then invoices it once, due by the terms at shipment, settled by credit", async () => {
      const account = await openAccount({ payment_terms: { type: "net_days", net_days: 30 } })
      // 5 EUR paid in advance: unallocated credit.
      await client.reimburse(api, admin.headers, account.id, { amount: 5, reference: "ADVANCE" })
      const order = await buy(2)
      const amount = charged(order.total)

      // Placed: in the balance, an outstanding order, no invoice.
      let acc = await client.getAccount(api, admin.headers, account.id)
      expect(acc).toEqual(expect.objectContaining({ balance: MathBN.sub(5, amount).toNumber(), outstanding_orders_total: amount, outstanding_orders_count: 1 }))
      expect(await invoicesOf(account.id)).toEqual([])
      // The buyer sees it too; the reconciliation finds nothing wrong with it.
      const [mine] = (await client.myAccounts(api, alice.headers)).accounts
      expect(mine).toEqual(expect.objectContaining({ outstanding_orders_total: amount, outstanding_orders_count: 1 }))
      expect(await client.reconciliation(api, admin.headers, { grace_seconds: 0 })).toEqual(expect.objectContaining({ ok: true, differences: [] }))

      // Terms change before shipment: the invoice takes the terms at shipment.
      await client.updateAccount(api, admin.headers, account.id, { payment_terms: { type: "net_days", net_days: 14 }, reason: "New terms" })
      const fulfillment = await fulfil(order)
      // A fulfillment that is not shipped invoices nothing.
      expect(await invoicesOf(account.id)).toEqual([])
      await ship(order, fulfillment)
      const [invoice] = await eventually(async () => {
        const list = await invoicesOf(account.id)
        expect(list).toHaveLength(1)
        return list
      })
      expect(invoice).toEqual(
        expect.objectContaining({
          order_id: order.id,
          amount,
          amount_paid: 5,
          amount_open: MathBN.sub(amount, 5).toNumber(),
          status: "partially_paid",
          terms: { type: "net_days", net_days: 14 },
        })
      )
      expect(invoice.due_date).toBe(dueDate(new Date(invoice.issued_at), { type: "net_days", net_days: 14 }))
      acc = await client.getAccount(api, admin.headers, account.id)
      expect(acc).toEqual(expect.objectContaining({ outstanding_orders_total: 0, outstanding_orders_count: 0, balance: MathBN.sub(5, amount).toNumber() }))

      // The event delivered again, twice at once: still one invoice.
      const container = getContainer()
      const again = await Promise.all([
        invoiceShippedOrderWorkflow(container).run({ input: { fulfillment_id: fulfillment.id } }),
        invoiceShippedOrderWorkflow(container).run({ input: { fulfillment_id: fulfillment.id } }),
      ])
      expect(again.map((r) => r.result)).toEqual([[], []])
      expect(await invoicesOf(account.id)).toHaveLength(1)
      expect(await client.reconciliation(api, admin.headers, { grace_seconds: 0 })).toEqual(expect.objectContaining({ ok: true }))
    })

    it("an order canceled before shipment is no longer outstanding and never invoiced; credit paid meanwhile settles the shipped order", async () => {
      const account = await openAccount()
      const kept = await buy(1)
      const canceled = await buy(3)
      let acc = await client.getAccount(api, admin.headers, account.id)
      expect(acc.outstanding_orders_count).toBe(2)
      expect(acc.outstanding_orders_total).toBe(MathBN.add(charged(kept.total), charged(canceled.total)).toNumber())

      await api.post(`/admin/orders/${canceled.id}/cancel`, {}, { headers: admin.headers })
      acc = await eventually(async () => {
        const a = await client.getAccount(api, admin.headers, account.id)
        expect(a.outstanding_orders_count).toBe(1)
        return a
      })
      expect(acc).toEqual(expect.objectContaining({ outstanding_orders_total: charged(kept.total), balance: -charged(kept.total) }))
      // A payment while the only order is outstanding stays unallocated credit...
      const payment = MathBN.add(charged(kept.total), 50).toNumber()
      await client.reimburse(api, admin.headers, account.id, { amount: payment, reference: "BANK-9" })
      expect(await invoicesOf(account.id)).toEqual([])

      // ...and pays the invoice in full when the order ships. The canceled order never gets one.
      const tradeCredit = getContainer().resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const sessions = (await tradeCredit.listTradeCreditLedgerEntries({ order_id: canceled.id }, { select: ["payment_session_id"] })).map(
        (e) => e.payment_session_id!
      )
      expect(await tradeCredit.invoiceShippedOrder({ payment_session_ids: sessions })).toEqual({ invoiced_entry_ids: [] })
      await ship(kept, await fulfil(kept))
      const [invoice] = await eventually(async () => {
        const list = await invoicesOf(account.id)
        expect(list).toHaveLength(1)
        return list
      })
      expect(invoice).toEqual(expect.objectContaining({ order_id: kept.id, status: "paid", amount_open: 0 }))
      acc = await client.getAccount(api, admin.headers, account.id)
      expect(acc).toEqual(
        expect.objectContaining({ outstanding_orders_total: 0, outstanding_orders_count: 0, balance: 50 })
      )
      expect(await client.reconciliation(api, admin.headers, { grace_seconds: 0 })).toEqual(expect.objectContaining({ ok: true, differences: [] }))
    })
  },
})
