import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { dueDate } from "../../src/modules/trade-credit/utils/due-dates"
import { buyer, customerGroup, eventually, failure } from "../helpers/fixtures"
import { cartReadyToPay, companyAndBuyer, complete, storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(240_000)

// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let company: any
    let alice: Awaited<ReturnType<typeof buyer>>

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      ;({ admin, shop, company, buyer: alice } = await companyAndBuyer(api, getContainer(), { company: "Rotterdam Build Supply", email: "alice@rbs.example" }))
    })

    const openAccount = (body: Record<string, unknown> = {}) =>
      client.openAccount(api, admin.headers, { customer_group_id: company.id, credit_limit: 100000, ...body })
    const buy = async (quantity = 1) => {
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity })).id)
      expect(placed.type).toBe("order")
      return placed.order
    }
    const invoicesOf = async (accountId: string, query: Record<string, string> = {}) =>
      (await client.listInvoices(api, admin.headers, { account_id: accountId, ...query })).invoices
    const pay = (accountId: string, body: Record<string, unknown>) => client.reimburse(api, admin.headers, accountId, body)

    it("invoices an order paid on account, due by the account's terms, numbered from the store's sequence", async () => {
      const account = await openAccount({ payment_terms: { type: "end_of_next_month", grace_days: 3 } })
      const order = await buy(2)
      const { invoices, count, limit, offset } = await client.listInvoices(api, admin.headers, { account_id: account.id })
      expect({ count, limit, offset }).toEqual({ count: 1, limit: 20, offset: 0 })
      const [invoice] = invoices
      expect(invoice).toEqual(
        expect.objectContaining({
          number: expect.stringMatching(/^INV-\d{4}-000001$/),
          account_id: account.id,
          order_id: order.id,
          order_display_id: order.display_id,
          currency_code: "eur",
          amount: charged(order.total),
          amount_paid: 0,
          amount_open: charged(order.total),
          status: "open",
          overdue: false,
          days_overdue: 0,
          grace_days: 3,
          terms: { type: "end_of_next_month", net_days: null },
        })
      )
      expect(invoice.number.slice(4, 8)).toBe(invoice.issued_at.slice(0, 4))
      expect(invoice.due_date).toBe(dueDate(new Date(invoice.issued_at), { type: "end_of_next_month" }))
      expect(invoice.due_at).toBe(`${invoice.due_date}T00:00:00.000Z`)
      // The next order's invoice takes the next number; net 14 days terms changed in between apply to it.
      await client.updateAccount(api, admin.headers, account.id, { payment_terms: { type: "net_days", net_days: 14 }, reason: "New terms" })
      await buy()
      const [, second] = await invoicesOf(account.id, { order: "number" })
      expect(second.number).toBe(invoice.number.replace(/000001$/, "000002"))
      expect(second.due_date).toBe(dueDate(new Date(second.issued_at), { type: "net_days", net_days: 14 }))
      // The buyer sees the same invoice.
      const mine = await client.myInvoice(api, alice.headers, account.id, invoice.id)
      expect(mine).toEqual(expect.objectContaining({ id: invoice.id, number: invoice.number, amount_open: invoice.amount_open, allocations: [] }))
      expect(mine.metadata).toBeUndefined()
    })

    it("settles the oldest due date first, a named invoice before all, and an overpayment pays the next invoice", async () => {
      const account = await openAccount()
      const first = await buy(1)
      const second = await buy(2)
      const third = await buy(1)
      const [a, b, c] = await invoicesOf(account.id)
      expect([a.order_id, b.order_id, c.order_id]).toEqual([first.id, second.id, third.id])

      // Named by id: the third invoice is paid first, the rest goes to the oldest.
      await pay(account.id, { amount: c.amount + 1, reference: "BANK-1", invoice_id: c.id })
      let [a1, b1, c1] = await invoicesOf(account.id)
      expect([a1.status, a1.amount_paid, b1.status, c1.status]).toEqual(["partially_paid", 1, "open", "paid"])

      // Named by its number in the reference.
      await pay(account.id, { amount: b.amount, reference: b.number })
      ;[a1, b1, c1] = await invoicesOf(account.id)
      expect([a1.status, b1.status, b1.amount_open]).toEqual(["partially_paid", "paid", 0])

      // Oldest first, then the overpayment stays as credit...
      const owed = a1.amount_open
      await pay(account.id, { amount: owed + 50, reference: "BANK-3" })
      expect((await invoicesOf(account.id)).map((i: any) => i.status)).toEqual(["paid", "paid", "paid"])
      expect((await client.getAccount(api, admin.headers, account.id)).balance).toBe(50)
      // ...and pays the next invoice the moment it is issued.
      const fourth = await buy(1)
      const d = (await invoicesOf(account.id, { order_id: fourth.id }))[0]
      expect(d).toEqual(expect.objectContaining({ amount_paid: Math.min(50, d.amount), status: d.amount > 50 ? "partially_paid" : "paid" }))

      const detail = await client.getInvoice(api, admin.headers, a.id)
      expect(detail.allocations.map((x: any) => [x.kind, x.operation, x.reference])).toEqual([
        ["payment", "reimbursed", "BANK-1"],
        ["payment", "reimbursed", "BANK-3"],
      ])
      expect(detail.allocations.reduce((s: number, x: any) => MathBN.add(s, x.amount).toNumber(), 0)).toBe(a.amount)
      expect((await invoicesOf(account.id, { status: "paid" })).length).toBe(d.status === "paid" ? 4 : 3)

      // A reimbursement naming another account's invoice is refused and changes nothing.
      const other = await client.openAccount(api, admin.headers, { customer_group_id: (await customerGroup(getContainer(), "Other")).id })
      const refused = await failure(api.post(`/admin/trade-credit/accounts/${other.id}/reimbursements`, { amount: 10, invoice_id: a.id }, { headers: admin.headers }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/is not an invoice of this account/)
      expect((await client.getAccount(api, admin.headers, other.id)).balance).toBe(0)
    })

    it("a bounced payment reopens the invoice it paid; canceling an order voids its invoice", async () => {
      const account = await openAccount()
      const first = await buy(1)
      const second = await buy(1)
      for (const o of [first, second]) {
        await eventually(async () =>
          expect((await api.get(`/admin/orders/${o.id}?fields=payment_status`, { headers: admin.headers })).data.order.payment_status).toBe("captured")
        )
      }
      const [a] = await invoicesOf(account.id)
      await pay(account.id, { amount: a.amount, reference: "BANK-9" })
      expect((await invoicesOf(account.id))[0].status).toBe("paid")
      await pay(account.id, { amount: -a.amount, reference: "BANK-9", comment: "Transfer bounced" })
      expect((await invoicesOf(account.id))[0]).toEqual(expect.objectContaining({ status: "open", amount_paid: 0 }))

      await api.post(`/admin/orders/${second.id}/cancel`, {}, { headers: admin.headers })
      const [, b] = await invoicesOf(account.id)
      expect(b).toEqual(expect.objectContaining({ order_id: second.id, status: "void", amount_open: 0, amount_credited: b.amount }))
      expect((await client.getInvoice(api, admin.headers, b.id)).allocations).toEqual([
        expect.objectContaining({ kind: "credit_note", operation: "reverted", amount: b.amount }),
      ])
      // What the account owes is what its open invoices say.
      const after = await client.getAccount(api, admin.headers, account.id)
      expect(after.balance).toBe(-a.amount)
    })

    it("filters by status, overdue, due date and number, and shows days overdue", async () => {
      const account = await openAccount({ payment_terms: { type: "net_days", net_days: 30, grace_days: 2 } })
      await buy(1)
      await buy(1)
      const [a, b] = await invoicesOf(account.id)
      // Move the first invoice's due date into the past (as if issued 40 days ago).
      const tradeCredit = getContainer().resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const today = new Date().toISOString().slice(0, 10)
      const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000)
      await tradeCredit.updateTradeCreditInvoices({
        id: a.id,
        due_date: day(-10).toISOString().slice(0, 10),
        due_at: day(-10),
        overdue_at: day(-7),
      } as any)
      const overdue = await invoicesOf(account.id, { overdue: "true" })
      expect(overdue.map((i: any) => [i.id, i.overdue, i.days_overdue])).toEqual([[a.id, true, 10]])
      expect((await invoicesOf(account.id, { overdue: "false" })).map((i: any) => i.id)).toEqual([b.id])
      expect((await invoicesOf(account.id, { due_before: day(-1).toISOString().slice(0, 10) })).map((i: any) => i.id)).toEqual([a.id])
      expect((await invoicesOf(account.id, { due_after: today })).map((i: any) => i.id)).toEqual([b.id])
      expect((await invoicesOf(account.id, { number: b.number.toLowerCase() })).map((i: any) => i.id)).toEqual([b.id])
      expect((await invoicesOf(account.id, { order: "-due_at" })).map((i: any) => i.id)).toEqual([b.id, a.id])
      expect((await invoicesOf(account.id, { status: "paid" }))).toEqual([])
      // Paying it ends "overdue".
      await pay(account.id, { amount: a.amount, reference: a.number })
      expect(await invoicesOf(account.id, { overdue: "true" })).toEqual([])
      const bad = await failure(api.get(`/admin/trade-credit/invoices?overdue=yes`, { headers: admin.headers }))
      expect(bad.status).toBe(400)
    })

    it("shows an account's invoices to its buyers only: 404 for anyone else", async () => {
      const account = await openAccount()
      await buy(1)
      const [invoice] = await invoicesOf(account.id)
      const mine = await client.myInvoices(api, alice.headers, account.id, { status: "open" })
      expect(mine).toEqual(expect.objectContaining({ count: 1, invoices: [expect.objectContaining({ id: invoice.id, overdue: false })] }))
      expect((await client.myInvoices(api, alice.headers, account.id, { status: "paid" })).invoices).toEqual([])

      const rival = await customerGroup(getContainer(), "Rival Builders")
      const bob = await buyer(api, getContainer(), shop.pk, "bob@rival.example", [rival.id])
      const rivalAccount = await client.openAccount(api, admin.headers, { customer_group_id: rival.id, credit_limit: 100 })
      for (const path of [
        `/store/trade-credit/accounts/${account.id}/invoices`,
        `/store/trade-credit/accounts/${account.id}/invoices/${invoice.id}`,
        // Through an account of his own: still not his invoice.
        `/store/trade-credit/accounts/${rivalAccount.id}/invoices/${invoice.id}`,
      ]) {
        const res = await failure(api.get(path, { headers: bob.headers }))
        expect([path, res.status]).toEqual([path, 404])
      }
      expect((await client.myInvoices(api, bob.headers, rivalAccount.id)).invoices).toEqual([])
    })

    /** Moves an invoice's due date 10 days into the past: overdue past its grace. */
    const makeOverdue = async (invoiceId: string) => {
      const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)
      const day = (offset: number) => new Date(today + offset * 86_400_000)
      await getContainer()
        .resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
        .updateTradeCreditInvoices({ id: invoiceId, due_date: day(-10).toISOString().slice(0, 10), due_at: day(-10), overdue_at: day(-9) } as any)
    }

    it("refuses pay on account while an invoice is overdue, naming it, and pays again the moment it is paid", async () => {
      const account = await openAccount()
      expect(account.overdue_policy).toBe("block")
      await buy(1)
      const [invoice] = await invoicesOf(account.id)
      await makeOverdue(invoice.id)
      const refused = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(refused.type).toBe("cart")
      expect(refused.error.message).toBe(
        `Pay on account is paused because an invoice is overdue: ${invoice.number} (${invoice.amount_open.toFixed(2)} EUR open, 10 days overdue). Pay it to order on account again, or choose another payment method.`
      )
      // Paying the invoice unblocks at once.
      await pay(account.id, { amount: invoice.amount_open, reference: invoice.number })
      expect((await complete(api, alice.headers, refused.cart?.id ?? (await cartReadyToPay(api, alice.headers, shop)).id)).type).toBe("order")
    })

    it("holds the order for review under overdue_policy hold, and lets it through under allow", async () => {
      const account = await openAccount({ overdue_policy: "hold" })
      await buy(1)
      const [invoice] = await invoicesOf(account.id)
      await makeOverdue(invoice.id)
      const held = await buy(1)
      const { reviews } = await client.listReviews(api, admin.headers, { order_id: held.id })
      expect(reviews).toEqual([expect.objectContaining({ status: "pending", reason: "overdue_invoices", comment: expect.stringContaining(invoice.number) })])
      expect((await invoicesOf(account.id)).length).toBe(1)

      await client.updateAccount(api, admin.headers, account.id, { overdue_policy: "allow", reason: "Agreed payment plan" })
      await buy(1)
      expect((await invoicesOf(account.id)).length).toBe(2)
    })
  },
})
