import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { calendarDay, dueDate } from "../utils/due-dates"
import { authorizeOrder, creditController as admin, tradeCreditModule } from "./fixtures"

jest.setTimeout(120_000)

const system = { type: "system" as const, name: "test" }
const year = new Date().getUTCFullYear()

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  moduleOptions: { invoice_prefix: "TST-" },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const open = (overrides: Record<string, unknown> = {}) =>
      service.openAccount({ customer_group_id: "cusgroup_acme", currency_code: "eur", credit_limit: 10_000, actor: admin, ...overrides })

    /** An order paid on account, posted at authorization (capture: on_authorize). */
    const order = async (accountId: string, session: string, amount: number | string, capture = true) =>
      authorizeOrder(service, accountId, session, amount, { capture, order_display_id: Number(session.replace(/\D/g, "")) || 1 })

    const pay = (accountId: string, amount: number | string, extra: Record<string, unknown> = {}) =>
      service.postLedgerEntry({ account_id: accountId, operation: "reimbursed", amount, actor: admin, ...extra })

    const invoices = async (accountId: string) =>
      (await service.listTradeCreditInvoices({ account_id: accountId }, { order: { number: "ASC" } })).map((i) => ({
        number: i.number,
        order_id: i.order_id,
        amount: i.amount,
        paid: i.amount_paid,
        credited: i.amount_credited,
        open: i.amount_open,
        status: i.status,
      }))

    it("issues a numbered invoice for an order posted to the account, due by the account's terms", async () => {
      const { account } = await open({ payment_terms: { type: "end_of_next_month", grace_days: 5 } })
      const before = new Date()
      await order(account.id, "ps_1", "120.50")
      const [invoice] = await service.listTradeCreditInvoices({ account_id: account.id })
      expect(invoice).toEqual(
        expect.objectContaining({
          number: `TST-${year}-000001`,
          order_id: "order_ps_1",
          order_display_id: 1,
          payment_session_id: "ps_1",
          currency_code: "eur",
          amount: 120.5,
          amount_paid: 0,
          amount_open: 120.5,
          status: "open",
          terms_type: "end_of_next_month",
          grace_days: 5,
          due_date: dueDate(before, { type: "end_of_next_month" }),
        })
      )
      expect(calendarDay(new Date(invoice.due_at))).toBe(invoice.due_date)
      // A held order (over the limit) has no invoice until it is released.
      const { account: small } = await open({ customer_group_id: "cusgroup_small", credit_limit: 10 })
      expect((await order(small.id, "ps_2", 50)).status).toBe("pending_authorization")
      expect(await service.listTradeCreditInvoices({ account_id: small.id })).toEqual([])
    })

    it("invoices each capture under manual capture, nothing for what is only reserved", async () => {
      const { account } = await open()
      await order(account.id, "ps_3", 100, false)
      expect(await invoices(account.id)).toEqual([])
      await service.captureOnAccount({ payment_session_id: "ps_3", capture_id: "capt_a", amount: "30", actor: system })
      await service.captureOnAccount({ payment_session_id: "ps_3", capture_id: "capt_b", amount: "70", actor: system })
      expect((await invoices(account.id)).map((i) => [i.amount, i.status])).toEqual([
        [30, "open"],
        [70, "open"],
      ])
      // Cancel after the captures: Medusa refunds them; the invoices are credited to zero and void.
      await service.refundOnAccount({ payment_session_id: "ps_3", refund_id: "ref_1", amount: null, order_unfulfilled: true, actor: system })
      expect((await invoices(account.id)).map((i) => i.status)).toEqual(["void", "void"])
    })

    it("settles the oldest due date first, partially, and keeps the rest for the next invoice", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", 100)
      await order(account.id, "ps_2", 50)
      await pay(account.id, 120)
      expect((await invoices(account.id)).map((i) => [i.paid, i.open, i.status])).toEqual([
        [100, 0, "paid"],
        [20, 30, "partially_paid"],
      ])
      await pay(account.id, 40) // 10 left over
      await order(account.id, "ps_3", 25)
      expect((await invoices(account.id)).map((i) => [i.paid, i.open, i.status])).toEqual([
        [100, 0, "paid"],
        [50, 0, "paid"],
        [10, 15, "partially_paid"],
      ])
      const third = (await service.listTradeCreditInvoices({ account_id: account.id }, { order: { number: "ASC" } }))[2]
      const allocations = await service.listTradeCreditInvoiceAllocations({ invoice_id: third.id })
      expect(allocations.map((a) => [a.kind, a.amount])).toEqual([["payment", 10]])
    })

    it("pays a named invoice first, by id or by its number in the reference, and refuses another account's invoice", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", 100)
      await order(account.id, "ps_2", 50)
      const [, second] = await service.listTradeCreditInvoices({ account_id: account.id }, { order: { number: "ASC" } })
      await pay(account.id, 60, { invoice_id: second.id })
      expect((await invoices(account.id)).map((i) => [i.paid, i.status])).toEqual([
        [10, "partially_paid"],
        [50, "paid"],
      ])
      await order(account.id, "ps_4", 30)
      const third = (await service.listTradeCreditInvoices({ account_id: account.id }, { order: { number: "ASC" } }))[2]
      await pay(account.id, 30, { reference: third.number.toLowerCase() })
      expect((await invoices(account.id)).map((i) => [i.paid, i.status])).toEqual([
        [10, "partially_paid"],
        [50, "paid"],
        [30, "paid"],
      ])
      const { account: other } = await open({ customer_group_id: "cusgroup_other" })
      await expect(pay(other.id, 10, { invoice_id: second.id })).rejects.toThrow(/is not an invoice of this account/)
      expect((await service.retrieveTradeCreditAccount(other.id)).balance).toBe(0)
    })

    it("a bounced payment undoes its allocations; a cancel voids; a partial refund reduces and frees what was paid", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", 100)
      await order(account.id, "ps_2", 100)
      await pay(account.id, 100, { reference: "BANK-1" })
      await pay(account.id, 100, { reference: "BANK-2" })
      await pay(account.id, -100, { reference: "BANK-1" })
      expect((await invoices(account.id)).map((i) => [i.paid, i.status])).toEqual([
        [0, "open"],
        [100, "paid"],
      ])
      // Cancel the unpaid order: its invoice is voided.
      await service.revertOnAccount({ payment_session_id: "ps_1", actor: system })
      expect((await invoices(account.id)).map((i) => [i.credited, i.open, i.status])).toEqual([
        [100, 0, "void"],
        [0, 0, "paid"],
      ])
      // A partial refund of the paid order: 40 credited, 40 of its payment freed, which pays the next order.
      await service.refundOnAccount({ payment_session_id: "ps_2", refund_id: "ref_2", amount: "40", actor: system })
      await order(account.id, "ps_3", 50)
      expect((await invoices(account.id)).map((i) => [i.amount, i.credited, i.paid, i.open, i.status])).toEqual([
        [100, 100, 0, 0, "void"],
        [100, 40, 60, 0, "paid"],
        [50, 0, 40, 10, "partially_paid"],
      ])
      const account_ = await service.retrieveTradeCreditAccount(account.id)
      expect(account_.balance).toBe(-10)
    })

    it("numbers invoices gaplessly and uniquely under concurrent issues, a rolled-back issue leaving no gap", async () => {
      const accounts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => open({ customer_group_id: `cusgroup_c${i}`, credit_limit: 1000 }))
      )
      const issue = (i: number, sharedContext?: Record<string, unknown>) =>
        service.postLedgerEntry(
          { account_id: accounts[i % 6].account.id, operation: "purchased", amount: "-30", payment_session_id: `ps_c${i}`, actor: system },
          sharedContext as never
        )
      const manager = MikroOrmWrapper.getManager()
      const results = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) =>
          i % 4 === 3
            ? // Draws a number, then its transaction rolls back.
              manager.fork().transactional(async (em: unknown) => {
                await issue(i, { transactionManager: em })
                throw new Error("rolled back")
              })
            : issue(i)
        )
      )
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(18)
      expect(
        results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason.message))
      ).toEqual(Array(6).fill("rolled back"))
      const all = await service.listTradeCreditInvoices({}, { order: { number: "ASC" } })
      expect(all.map((i) => i.number)).toEqual(Array.from({ length: 18 }, (_, i) => `TST-${year}-${String(i + 1).padStart(6, "0")}`))
      expect(new Set(all.map((i) => i.payment_session_id)).size).toBe(18)
      expect(all.every((i) => Number(i.payment_session_id!.slice(4)) % 4 !== 3)).toBe(true)
    })
  },
})
