import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { runningCatcher } from "../helpers/mail"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { addDays, calendarDay, overdueAt, startOfDay } from "../../src/modules/trade-credit/utils/due-dates"
import { formatMoney } from "../../src/modules/trade-credit/utils/reminder-email"
import { runCreditControlWorkflow } from "../../src/workflows/run-credit-control"
import { buyer, failure } from "../helpers/fixtures"
import { cartReadyToPay, companyAndBuyer, complete, storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * The credit-control run (workflow run-trade-credit-credit-control, the
 * daily job, POST /admin/trade-credit/reminders/run) against a real SMTP
 * server (scripts/lib/mail-catcher.js, npm smtp-server; mail-app.spec.ts,
 * which runs this file, starts it and sets the plugin's options):
 * reminder e-mails by stage, exactly once per (invoice, stage) under
 * concurrent runs and failed sends, automatic stop and release
 * (auto_stop_after_days: 10), and chase notes. Time is moved with the
 * workflow's `now` input; the route acts as of the real now (its test moves
 * an invoice's dates back in the database instead).
 */
const catcher = runningCatcher()

/** Noon UTC, `days` after the invoice's due day. */
const dayOf = (invoice: { due_date: string }, days: number) => new Date(`${addDays(invoice.due_date, days)}T12:00:00.000Z`)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let company: any
    let alice: Awaited<ReturnType<typeof buyer>>

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      ;({ admin, shop, company, buyer: alice } = await companyAndBuyer(api, getContainer(), { company: "Ghent Timber Works", email: "alice@gtw.example" }))
      await buyer(api, getContainer(), shop.pk, "bob@gtw.example", [company.id])
    })

    beforeEach(() => {
      catcher.messages.length = 0
      catcher.refuse = null
    })

    const run = async (now: Date) => (await runCreditControlWorkflow(getContainer()).run({ input: { now: now.toISOString() } })).result
    const openAccount = (body: Record<string, unknown> = {}) =>
      client.openAccount(api, admin.headers, {
        customer_group_id: company.id,
        credit_limit: 100000,
        payment_terms: { type: "net_days", net_days: 30, grace_days: 0 },
        ...body,
      })
    const buy = async (quantity = 1) => {
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity })).id)
      expect(placed.type).toBe("order")
      return placed.order
    }
    const invoicesOf = async (accountId: string) =>
      (await client.listInvoices(api, admin.headers, { account_id: accountId, order: "number" })).invoices
    const intents = async (accountId: string) =>
      getContainer()
        .resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
        .listTradeCreditReminders({ account_id: accountId }, { order: { stage: "ASC", invoice_id: "ASC" } })
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    it("e-mails the company's buyers once per stage, listing its invoices and amounts; billing_email wins; paused gets nothing", async () => {
      const account = await openAccount()
      await buy(1)
      await buy(2)
      const [first, second] = await invoicesOf(account.id)
      expect(first.due_date).toBe(second.due_date)

      // Two days before due: nothing yet. Three days before: one "upcoming" e-mail for both invoices.
      expect(await run(dayOf(first, -4))).toEqual({ marked_overdue: 0, stopped: 0, released: 0, emails_sent: {}, emails_failed: 0 })
      expect((await run(dayOf(first, -3))).emails_sent).toEqual({ upcoming: 1 })
      const [upcoming] = await catcher.waitFor(1)
      expect(upcoming.envelope.to.sort()).toEqual(["alice@gtw.example", "bob@gtw.example"])
      expect(upcoming.subject).toBe("2 invoices are due soon")
      for (const invoice of [first, second]) {
        expect(upcoming.text).toContain(invoice.number)
        expect(upcoming.text).toContain(formatMoney(String(invoice.amount_open), "eur", "en"))
        expect(upcoming.html).toContain(invoice.number)
      }
      expect(upcoming.text).toContain(formatMoney(MathBN.add(first.amount_open, second.amount_open).toFixed(), "eur", "en"))
      expect(upcoming.text).toContain("IBAN BE68 5390 0754 7034")
      expect((await intents(account.id)).map((i: any) => [i.invoice_id, i.stage, i.status, i.attempts])).toEqual(
        [first.id, second.id].sort().map((id) => [id, "upcoming", "sent", 1])
      )

      // The same day again: nothing new.
      expect((await run(dayOf(first, -2))).emails_sent).toEqual({})

      // billing_email set: the "due" reminder goes there only; the second invoice paid meanwhile is not listed.
      await client.updateAccount(api, admin.headers, account.id, { billing_email: "ap@gtw.example", reason: "AP mailbox" })
      await client.reimburse(api, admin.headers, account.id, { amount: second.amount_open, invoice_id: second.id })
      expect((await run(dayOf(first, 0))).emails_sent).toEqual({ due: 1 })
      const [, due] = await catcher.waitFor(2)
      expect(due.envelope.to).toEqual(["ap@gtw.example"])
      expect(due.subject).toBe(`Invoice ${first.number} is due today`)
      expect(due.text).not.toContain(second.number)

      // Reminders paused on the account: the overdue stage waits; resumed, it is sent once.
      await client.updateAccount(api, admin.headers, account.id, { reminders_paused: true, reason: "Disputed delivery" })
      expect(await run(dayOf(first, 7))).toMatchObject({ emails_sent: {}, marked_overdue: 1 })
      await client.updateAccount(api, admin.headers, account.id, { reminders_paused: false, reason: "Dispute settled" })
      expect(await run(dayOf(first, 8))).toMatchObject({ emails_sent: { overdue_7: 1 }, marked_overdue: 0 })
      expect((await catcher.waitFor(3))[2].subject).toBe(`Invoice ${first.number} is 8 days overdue`)

      // An invoice under dispute, paused, is left out.
      const paused = await client.updateInvoice(api, admin.headers, first.id, { reminders_paused: true, dispute_note: "Short delivery" })
      expect(paused).toMatchObject({ id: first.id, reminders_paused: true, dispute_note: "Short delivery" })
      expect((await failure(client.updateInvoice(api, admin.headers, first.id, { amount: 1 } as any))).status).toBe(400)
      expect((await failure(client.updateInvoice(api, admin.headers, "tcinv_missing", { reminders_paused: true }))).status).toBe(404)
      expect((await run(dayOf(first, 14))).emails_sent).toEqual({})
      expect(catcher.messages).toHaveLength(3)
    })

    it("two runs at the same moment send each (invoice, stage) once", async () => {
      const account = await openAccount()
      await buy()
      const [invoice] = await invoicesOf(account.id)
      const results = await Promise.all([run(dayOf(invoice, 0)), run(dayOf(invoice, 0)), run(dayOf(invoice, 0))])
      expect(results.map((r) => r.emails_sent.due ?? 0).sort()).toEqual([0, 0, 1])
      await catcher.waitFor(1)
      await new Promise((r) => setTimeout(r, 500))
      expect(catcher.messages).toHaveLength(1)
      expect(await intents(account.id)).toEqual([expect.objectContaining({ invoice_id: invoice.id, stage: "due", status: "sent", attempts: 1 })])
    })

    it("a refused send is failed, retried on the next run with a new notification, then never again", async () => {
      const account = await openAccount()
      await buy()
      const [invoice] = await invoicesOf(account.id)
      catcher.refuse = { stage: "rcpt", code: 552, message: "Mailbox full" }
      expect(await run(dayOf(invoice, 0))).toMatchObject({ emails_sent: {}, emails_failed: 1 })
      const [failed] = await intents(account.id)
      expect(failed).toMatchObject({ stage: "due", status: "failed", attempts: 1, sent_at: null })
      expect(failed.last_error).toMatch(/552/)
      expect(catcher.messages).toHaveLength(0)
      // The admin's invoice detail shows the reminder history: the failed attempt and why.
      expect((await client.getInvoice(api, admin.headers, invoice.id)).reminders).toEqual([
        expect.objectContaining({ stage: "due", status: "failed", attempts: 1, sent_at: null, last_error: expect.stringMatching(/552/) }),
      ])

      catcher.refuse = null
      expect(await run(dayOf(invoice, 1))).toMatchObject({ emails_sent: { due: 1 }, emails_failed: 0 })
      const [sent] = await intents(account.id)
      expect(sent).toMatchObject({ stage: "due", status: "sent", attempts: 2, last_error: null })
      expect(sent.sent_at).toBeTruthy()
      const { reminders } = await client.getInvoice(api, admin.headers, invoice.id)
      expect(reminders).toEqual([
        expect.objectContaining({ id: sent.id, stage: "due", status: "sent", attempts: 2, last_error: null, sent_at: expect.any(String) }),
      ])
      expect([...reminders[0].recipients].sort()).toEqual(["alice@gtw.example", "bob@gtw.example"])
      expect((await catcher.waitFor(1))[0].subject).toBe(`Invoice ${invoice.number} is due today`)
      expect((await run(dayOf(invoice, 2))).emails_sent).toEqual({})
      await new Promise((r) => setTimeout(r, 300))
      expect(catcher.messages).toHaveLength(1)
    })

    it("puts an account on stop after auto_stop_after_days overdue and releases it when paid", async () => {
      const account = await openAccount()
      await buy()
      const [invoice] = await invoicesOf(account.id)
      expect((await run(dayOf(invoice, 9))).stopped).toBe(0)
      const stop = await run(dayOf(invoice, 10))
      expect(stop).toMatchObject({ stopped: 1, released: 0 })
      expect((await client.getAccount(api, admin.headers, account.id)).status).toBe("on_stop")
      const [entry] = (await client.entriesPage(api, admin.headers, account.id, { limit: 1 })).entries
      expect(entry).toMatchObject({ operation: "updated", changes: { status: { from: "normal", to: "on_stop" } } })
      expect(entry.actor).toMatchObject({ type: "system", id: "credit-control" })
      expect(entry.comment).toContain(`invoice ${invoice.number} is 10 days overdue`)
      // Still overdue: stays stopped, no second entry.
      expect(await run(dayOf(invoice, 11))).toMatchObject({ stopped: 0, released: 0 })

      await client.reimburse(api, admin.headers, account.id, { amount: invoice.amount_open })
      const release = await run(dayOf(invoice, 12))
      expect(release).toMatchObject({ stopped: 0, released: 1 })
      const released = await client.getAccount(api, admin.headers, account.id)
      expect(released.status).toBe("normal")
      const [back] = (await client.entriesPage(api, admin.headers, account.id, { limit: 1 })).entries
      expect(back).toMatchObject({ operation: "updated", changes: { status: { from: "on_stop", to: "normal" } }, actor: { type: "system" } })
    })

    it("never releases an admin's manual on_stop", async () => {
      const account = await openAccount()
      await buy()
      const [invoice] = await invoicesOf(account.id)
      // Stopped by the admin with nothing overdue: the run leaves it.
      await client.updateAccount(api, admin.headers, account.id, { status: "on_stop", reason: "Company in administration" })
      expect(await run(dayOf(invoice, -10))).toMatchObject({ stopped: 0, released: 0 })
      expect((await client.getAccount(api, admin.headers, account.id)).status).toBe("on_stop")
      // The system stopped it, then the admin confirmed the stop: the latest change is the admin's.
      await client.updateAccount(api, admin.headers, account.id, { status: "normal", reason: "Back to normal" })
      expect((await run(dayOf(invoice, 10))).stopped).toBe(1)
      await client.updateAccount(api, admin.headers, account.id, { status: "query", reason: "Checking" })
      await client.updateAccount(api, admin.headers, account.id, { status: "on_stop", reason: "Stop confirmed by credit control" })
      await client.reimburse(api, admin.headers, account.id, { amount: invoice.amount_open })
      expect(await run(dayOf(invoice, 12))).toMatchObject({ stopped: 0, released: 0 })
      expect((await client.getAccount(api, admin.headers, account.id)).status).toBe("on_stop")
    })

    it("POST /admin/trade-credit/reminders/run runs it now and answers what it did; a second call sends nothing", async () => {
      const account = await openAccount()
      await buy()
      const [invoice] = await invoicesOf(account.id)
      // Move the invoice 8 days past its due date (time zone UTC).
      const due = addDays(calendarDay(new Date()), -8)
      await knex()("trade_credit_invoice")
        .where({ id: invoice.id })
        .update({ due_date: due, due_at: startOfDay(due), overdue_at: overdueAt(due, 0) })
      expect(await client.runCreditControl(api, admin.headers)).toEqual({
        marked_overdue: 1,
        stopped: 0,
        released: 0,
        emails_sent: { overdue_7: 1 },
        emails_failed: 0,
      })
      expect((await catcher.waitFor(1))[0].subject).toBe(`Invoice ${invoice.number} is 8 days overdue`)
      expect(await client.runCreditControl(api, admin.headers)).toEqual({
        marked_overdue: 0,
        stopped: 0,
        released: 0,
        emails_sent: {},
        emails_failed: 0,
      })
      expect((await client.listInvoices(api, admin.headers, { account_id: account.id, overdue: "true" })).count).toBe(1)
      const refused = await failure(api.post("/admin/trade-credit/reminders/run", { as_of: "2030-01-01" }, admin))
      expect(refused.status).toBe(400)
    })

    it("records chase notes and filters the accounts due for a chase", async () => {
      const account = await openAccount()
      const other = await client.openAccount(api, admin.headers, { customer_id: alice.customer.id, credit_limit: 100 })
      const yesterday = addDays(calendarDay(new Date()), -1)
      const nextWeek = addDays(calendarDay(new Date()), 7)
      const { chase_note, account: chased } = await client.addChaseNote(api, admin.headers, account.id, {
        body: "Called AP: payment promised by Friday.",
        next_chase_at: yesterday,
      })
      expect(chase_note).toMatchObject({
        account_id: account.id,
        body: "Called AP: payment promised by Friday.",
        next_chase_at: `${yesterday}T00:00:00.000Z`,
        actor: { type: "user" },
      })
      expect(chased.next_chase_at).toBe(`${yesterday}T00:00:00.000Z`)
      expect(chased.last_chased_at).toBe(chase_note.created_at)
      await client.addChaseNote(api, admin.headers, other.id, { body: "Sent statement.", next_chase_at: nextWeek })

      const due = await client.listAccounts(api, admin.headers, { due_for_chase: "true" })
      expect(due.accounts.map((a: any) => a.id)).toEqual([account.id])
      const notDue = await client.listAccounts(api, admin.headers, { due_for_chase: "false" })
      expect(notDue.accounts.map((a: any) => a.id)).toEqual([other.id])
      expect((await client.listChaseNotes(api, admin.headers, account.id)).map((n: any) => n.body)).toEqual([
        "Called AP: payment promised by Friday.",
      ])

      // A note without a next date clears it; bad input changes nothing.
      const { account: cleared } = await client.addChaseNote(api, admin.headers, account.id, { body: "Paid." })
      expect(cleared.next_chase_at).toBeNull()
      expect((await failure(client.addChaseNote(api, admin.headers, account.id, { body: " " }))).status).toBe(400)
      expect((await failure(client.addChaseNote(api, admin.headers, account.id, { body: "x", next_chase_at: "2026-02-30" }))).status).toBe(400)
      expect((await failure(client.addChaseNote(api, admin.headers, "tcacc_missing", { body: "x" }))).status).toBe(404)
      expect(await client.listChaseNotes(api, admin.headers, account.id)).toHaveLength(2)
    })
  },
})
