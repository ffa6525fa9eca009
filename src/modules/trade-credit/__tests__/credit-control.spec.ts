import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { addDays } from "../utils/due-dates"
import { authorizeOrder, creditController as admin, tradeCreditModule } from "./fixtures"

jest.setTimeout(120_000)

/**
 * The module's side of credit control (credit-control-service.ts): overdue
 * marks, automatic stop and release under the account lock, and the
 * reminder intents that make each (invoice, stage) e-mail go out once.
 */
moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  moduleOptions: { auto_stop_after_days: 5 },
  testSuite: ({ service }) => {
    const open = () =>
      service.openAccount({
        customer_group_id: "cusgroup_acme",
        currency_code: "eur",
        credit_limit: 10_000,
        payment_terms: { type: "net_days", net_days: 14, grace_days: 2 },
        actor: admin,
      })
    const order = (accountId: string, session: string, amount: string) => authorizeOrder(service, accountId, session, amount)
    const at = (due: string, days: number) => new Date(`${addDays(due, days)}T12:00:00.000Z`)

    it("marks an invoice overdue once, after due date + grace, by overdueState", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", "80.00")
      const [invoice] = await service.listTradeCreditInvoices({ account_id: account.id })
      expect(await service.markOverdueInvoices(at(invoice.due_date, 2))).toEqual([])
      expect(await service.markOverdueInvoices(at(invoice.due_date, 3))).toEqual([invoice.id])
      expect(await service.markOverdueInvoices(at(invoice.due_date, 4))).toEqual([])
      const [marked] = await service.listTradeCreditInvoices({ id: invoice.id })
      expect(marked.marked_overdue_at).toEqual(at(invoice.due_date, 3))
      await service.unmarkOverdueInvoices([invoice.id], at(invoice.due_date, 3))
      expect((await service.listTradeCreditInvoices({ id: invoice.id }))[0].marked_overdue_at).toBeNull()
    })

    it("claims an (invoice, stage) once among concurrent claims; a failed one again with one more attempt; a sent one never", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", "80.00")
      const [invoice] = await service.listTradeCreditInvoices({ account_id: account.id })
      const claim = () => service.claimReminders({ account_id: account.id, stage: "due", invoice_ids: [invoice.id], recipients: ["ap@acme.example"] })
      const claims = await Promise.all([claim(), claim(), claim(), claim()])
      const won = claims.flat()
      expect(won).toHaveLength(1)
      expect(won[0]).toMatchObject({ invoice_id: invoice.id, attempts: 1 })
      // While pending, nobody else gets it.
      expect(await claim()).toEqual([])
      await service.finishReminders([won[0].id], { status: "failed", error: "552 Mailbox full" })
      const again = await Promise.all([claim(), claim()])
      expect(again.flat()).toEqual([{ id: won[0].id, invoice_id: invoice.id, attempts: 2, account_id: account.id, stage: "due" }])
      // A run claims a chunk of batches in one statement: only what is free is returned, named by account and stage.
      expect(
        await service.claimReminderBatches([
          { account_id: account.id, stage: "due", invoice_ids: [invoice.id], recipients: ["ap@acme.example"] },
          { account_id: account.id, stage: "overdue_7", invoice_ids: [invoice.id], recipients: ["ap@acme.example"] },
        ])
      ).toEqual([expect.objectContaining({ invoice_id: invoice.id, account_id: account.id, stage: "overdue_7", attempts: 1 })])
      await service.finishReminders([won[0].id], { status: "sent", notification_id: "noti_1", sent_at: new Date() })
      expect(await claim()).toEqual([])
      const [row] = await service.listTradeCreditReminders({ invoice_id: invoice.id, stage: "due" })
      expect(row).toMatchObject({ stage: "due", status: "sent", attempts: 2, last_error: null, notification_id: "noti_1", recipients: ["ap@acme.example"] })
    })

    it("batches due reminders per account and stage, counting pending and sent stages but not failed ones", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", "80.00")
      await order(account.id, "ps_2", "20.00")
      const invoices = await service.listTradeCreditInvoices({ account_id: account.id })
      const due = invoices[0].due_date
      const batches = await service.dueReminderBatches(at(due, 0))
      expect(batches).toEqual([{ account_id: account.id, stage: expect.objectContaining({ name: "due" }), invoice_ids: expect.arrayContaining(invoices.map((i) => i.id)) }])
      const [claimed] = await service.claimReminders({ account_id: account.id, stage: "due", invoice_ids: [invoices[0].id], recipients: [] })
      expect((await service.dueReminderBatches(at(due, 0)))[0].invoice_ids).toEqual([invoices[1].id])
      await service.finishReminders([claimed.id], { status: "failed", error: "refused" })
      expect((await service.dueReminderBatches(at(due, 0)))[0].invoice_ids.sort()).toEqual(invoices.map((i) => i.id).sort())
    })

    it("stops after auto_stop_after_days overdue and releases only its own stop", async () => {
      const { account } = await open()
      await order(account.id, "ps_1", "80.00")
      const [invoice] = await service.listTradeCreditInvoices({ account_id: account.id })
      expect((await service.applyAutoStatus(account.id, at(invoice.due_date, 4))).action).toBeNull()
      expect((await service.applyAutoStatus(account.id, at(invoice.due_date, 5))).action).toBe("stopped")
      expect((await service.applyAutoStatus(account.id, at(invoice.due_date, 6))).action).toBeNull()
      await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: "80.00", actor: admin })
      expect(await service.applyAutoStatus(account.id, at(invoice.due_date, 7))).toMatchObject({ action: "released", from: "on_stop" })
      // The admin's own stop stays.
      await service.updateAccountSettings({ account_id: account.id, changes: { status: "on_stop" }, reason: "Manual stop", actor: admin })
      expect((await service.applyAutoStatus(account.id, at(invoice.due_date, 8))).action).toBeNull()
      expect((await service.retrieveTradeCreditAccount(account.id)).status).toBe("on_stop")
    })
  },
})
