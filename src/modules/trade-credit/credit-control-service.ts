import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MathBN, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import { BalanceService } from "./balance-service"
import { CREDIT_CONTROL_ACTOR, MAX_CHASE_NOTE_LENGTH, type AccountStatus } from "./constants"
import type { Actor } from "./types"
import { lockAccount } from "./repositories/ledger-locks"
import {
  autoStatusCandidates,
  claimedStages,
  claimReminderBatches,
  claimReminders,
  type ClaimedReminder,
  finishReminders,
  latestStatusChange,
  markInvoicesOverdue,
  owingInvoicesOf,
  type OwingInvoiceRow,
  unmarkedOverdueCandidates,
  unmarkInvoicesOverdue,
} from "./repositories/credit-control"
import { calendarDay, endOfDay, overdueState, startOfDay } from "./utils/due-dates"
import { type InvoiceOptions, normalizeInvoiceOptions, overdueThresholdFor } from "./utils/invoice-options"
import { dueReminderStage, type ReminderStage } from "./utils/reminder-stages"
import { type CreditControlOptions, normalizeCreditControlOptions } from "./utils/credit-control-options"
import { normalizeReportOptions, type ReportOptions } from "./utils/report-options"
import { claimReportSend, type ClaimedReportSend, finishReportSend } from "./repositories/report-sends"
import { normalizeText } from "./utils/account-settings"
import { actorFields, asRow } from "./utils/posting"
import type { TradeCreditModuleOptions } from "./types"

/** The invoices of one account that reached one stage in a run: one e-mail. */
export type ReminderBatch = { account_id: string; stage: ReminderStage; invoice_ids: string[] }

export type AutoStatusResult = { account_id: string; action: "stopped" | "released" | null; from: AccountStatus; entry_id: string | null }

export type ChaseNoteInput = { account_id: string; body: string; next_chase_at?: string | null; actor: Actor }

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Credit control (the daily run and chase notes), on top of the accounts:
 * marking invoices overdue, automatic stop and release, the reminder
 * intents that make each (invoice, stage) e-mail go out once, and chase
 * notes. The rules live in utils (overdueState, dueReminderStage); the SQL in
 * repositories/credit-control.ts; the sending in the run-credit-control
 * workflow.
 */
export class CreditControlService extends BalanceService {
  protected readonly creditControl_: CreditControlOptions
  protected readonly invoicing_: InvoiceOptions
  protected readonly reports_: ReportOptions

  constructor(container: Record<string, unknown>, options: TradeCreditModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>, TradeCreditModuleOptions]))
    this.creditControl_ = normalizeCreditControlOptions(options)
    this.invoicing_ = normalizeInvoiceOptions(options)
    this.reports_ = normalizeReportOptions(options as { report_recipients?: unknown })
  }

  /** Who gets the weekly debtors report (option `report_recipients`; empty: off). */
  getReportOptions(): ReportOptions {
    return this.reports_
  }

  /** Claims the debtors report e-mail of a period (an ISO week) before its send: null when another run has it or it was sent. */
  @InjectTransactionManager()
  async claimReportSend(period: string, recipients: string[], @MedusaContext() sharedContext: Context = {}): Promise<ClaimedReportSend | null> {
    return await claimReportSend(sharedContext, period, recipients)
  }

  /** Records a claimed report send: `sent`, or `failed` (claimed again by the next run). */
  @InjectTransactionManager()
  async finishReportSend(
    id: string,
    outcome: { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await finishReportSend(sharedContext, id, outcome)
  }

  getCreditControlOptions(): CreditControlOptions {
    return this.creditControl_
  }

  /** Overdue state of an owing invoice at `now` by THE rule (overdueState). */
  protected overdue_(invoice: Pick<OwingInvoiceRow, "due_date" | "grace_days">, now: Date) {
    return overdueState({ due_date: invoice.due_date, grace_days: invoice.grace_days, owing: true }, now, this.options_.timezone)
  }

  /** Marks owing invoices that are overdue at `now` and were not marked yet; returns their ids. */
  @InjectTransactionManager()
  async markOverdueInvoices(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const candidates = await unmarkedOverdueCandidates(sharedContext, now)
    const overdue = candidates.filter((i) => this.overdue_(i, now).overdue).map((i) => i.id)
    return await markInvoicesOverdue(sharedContext, overdue, now)
  }

  /** Compensation of markOverdueInvoices. */
  @InjectTransactionManager()
  async unmarkOverdueInvoices(ids: string[], markedAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await unmarkInvoicesOverdue(sharedContext, ids, markedAt)
  }

  /** Accounts the run may stop (owing an invoice past its overdue instant, option on) or release (on stop). */
  @InjectTransactionManager()
  async autoStatusCandidates(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await autoStatusCandidates(sharedContext, now)
    const stopping = this.creditControl_.auto_stop_after_days !== null
    return rows.filter((r) => r.status === "on_stop" || stopping).map((r) => r.id)
  }

  /**
   * Decides one account under its lock: puts it `on_stop` when the option
   * `auto_stop_after_days` is set and its oldest overdue invoice (overdue
   * amounts above `overdue_threshold`) is that many days overdue; puts it
   * back to `normal` when nothing is overdue any more, only if its latest
   * status change was this run's stop (an admin's stop is never undone).
   * Each change is an `updated` entry by the system with the reason.
   */
  @InjectTransactionManager()
  async applyAutoStatus(accountId: string, now: Date, @MedusaContext() sharedContext: Context = {}): Promise<AutoStatusResult> {
    const row = await lockAccount(sharedContext, accountId)
    const none: AutoStatusResult = { account_id: row.id, action: null, from: row.status, entry_id: null }
    const invoices = await owingInvoicesOf(sharedContext, { accountIds: [row.id], overdueBy: now })
    const overdue = invoices
      .map((i) => ({ ...i, days_overdue: this.overdue_(i, now).days_overdue, is_overdue: this.overdue_(i, now).overdue }))
      .filter((i) => i.is_overdue)
    const total = overdue.reduce((sum, i) => sum.plus(i.amount_open), MathBN.convert(0))
    const isOverdue = overdue.length > 0 && total.gt(overdueThresholdFor(this.invoicing_, row.currency_code))
    const days = this.creditControl_.auto_stop_after_days
    const currency = row.currency_code.toUpperCase()
    if (row.status !== "on_stop" && isOverdue && days !== null) {
      const oldest = overdue.reduce((a, b) => (b.days_overdue > a.days_overdue ? b : a))
      if (oldest.days_overdue < days) {
        return none
      }
      const { entry } = await this.updateAccountSettings(
        {
          account_id: row.id,
          changes: { status: "on_stop" },
          reason:
            `Put on stop by the credit-control run: invoice ${oldest.number} is ${oldest.days_overdue} days overdue ` +
            `(auto_stop_after_days: ${days}); ${overdue.length} overdue invoice(s), ${total.toFixed()} ${currency} overdue.`,
          actor: { ...CREDIT_CONTROL_ACTOR },
        },
        sharedContext
      )
      return { ...none, action: "stopped", entry_id: entry?.id ?? null }
    }
    if (row.status === "on_stop" && !isOverdue) {
      const latest = await latestStatusChange(sharedContext, row.id)
      if (!latest || latest.actor_type !== CREDIT_CONTROL_ACTOR.type || latest.actor_id !== CREDIT_CONTROL_ACTOR.id || latest.to !== "on_stop") {
        return none
      }
      const { entry } = await this.updateAccountSettings(
        {
          account_id: row.id,
          changes: { status: "normal" },
          reason: "Released by the credit-control run: no invoice is overdue any more (it had put the account on stop).",
          actor: { ...CREDIT_CONTROL_ACTOR },
        },
        sharedContext
      )
      return { ...none, action: "released", entry_id: entry?.id ?? null }
    }
    return none
  }

  /**
   * The reminders due at `now`: per owing invoice of an account and invoice
   * whose reminders are not paused, the stage dueReminderStage gives (stages
   * sent or being sent count as sent; a failed one is due again), grouped
   * per account and stage.
   */
  @InjectTransactionManager()
  async dueReminderBatches(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<ReminderBatch[]> {
    const stages = this.reminders_.stages
    if (!stages.length) {
      return []
    }
    const paused = new Set(
      (await this.listTradeCreditAccounts({ reminders_paused: true }, { select: ["id"] }, sharedContext)).map((a) => a.id)
    )
    const invoices = (await owingInvoicesOf(sharedContext, { accountIds: null })).filter(
      (i) => !i.reminders_paused && !paused.has(i.account_id)
    )
    const claimed = await claimedStages(sharedContext, invoices.map((i) => i.id))
    const batches = new Map<string, ReminderBatch>()
    for (const invoice of invoices) {
      const { stage } = dueReminderStage({
        due_at: invoice.due_date,
        grace_days: invoice.grace_days,
        now,
        sent_stages: claimed.get(invoice.id) ?? [],
        stages,
        timezone: this.options_.timezone,
      })
      if (!stage) {
        continue
      }
      const key = `${invoice.account_id}\u0000${stage.name}`
      const batch = batches.get(key) ?? { account_id: invoice.account_id, stage, invoice_ids: [] }
      batch.invoice_ids.push(invoice.id)
      batches.set(key, batch)
    }
    return [...batches.values()]
  }

  /** Claims the intents of a batch before its send (see claimReminders): only what this call returns may be sent. */
  @InjectTransactionManager()
  async claimReminders(
    input: { account_id: string; stage: string; invoice_ids: string[]; recipients: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedReminder[]> {
    return await claimReminders(sharedContext, input)
  }

  /** claimReminders for a chunk of a run's batches, in one statement. */
  @InjectTransactionManager()
  async claimReminderBatches(
    input: Array<{ account_id: string; stage: string; invoice_ids: string[]; recipients: string[] }>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedReminder[]> {
    return await claimReminderBatches(sharedContext, input)
  }

  /** finishReminders for a chunk of a run's batches, in one transaction. */
  @InjectTransactionManager()
  async finishReminderBatches(
    outcomes: Array<{
      ids: string[]
      outcome: { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string }
    }>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    for (const { ids, outcome } of outcomes) {
      await finishReminders(sharedContext, ids, outcome)
    }
  }

  /** Records a batch's send: `sent` (never claimed again) or `failed` (claimed again by the next run). */
  @InjectTransactionManager()
  async finishReminders(
    ids: string[],
    outcome: { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await finishReminders(sharedContext, ids, outcome)
  }

  /** Several accounts' owing invoices (oldest due first) with their days overdue at `now`, by account: one read for a run's reminders. */
  @InjectTransactionManager()
  async reminderInvoicesOf(accountIds: string[], now: Date, @MedusaContext() sharedContext: Context = {}) {
    const byAccount: Record<string, Array<OwingInvoiceRow & { days_overdue: number }>> = {}
    for (const i of await owingInvoicesOf(sharedContext, { accountIds })) {
      ;(byAccount[i.account_id] ??= []).push({ ...i, days_overdue: this.overdue_(i, now).days_overdue })
    }
    return byAccount
  }

  /** An account's owing invoices (oldest due first) with their days overdue at `now`, for its reminder. */
  @InjectTransactionManager()
  async reminderInvoices(accountId: string, now: Date, @MedusaContext() sharedContext: Context = {}) {
    const invoices = await owingInvoicesOf(sharedContext, { accountIds: [accountId] })
    return invoices.map((i) => ({ ...i, days_overdue: this.overdue_(i, now).days_overdue }))
  }

  /**
   * Records a chase note on an account: the account's `last_chased_at`
   * becomes now and its `next_chase_at` the date given (a "YYYY-MM-DD" day in
   * the store's time zone, or an instant), or none. Returns the note and the
   * account's previous dates (for compensation).
   */
  @InjectTransactionManager()
  async recordChaseNote(input: ChaseNoteInput, @MedusaContext() sharedContext: Context = {}) {
    const body = normalizeText(input.body, "body", MAX_CHASE_NOTE_LENGTH)
    if (!body) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "body is required: write what was agreed or said.")
    }
    const next = this.parseChaseDate_(input.next_chase_at)
    const row = await lockAccount(sharedContext, input.account_id)
    const [previous] = await this.listTradeCreditAccounts(
      { id: row.id },
      { select: ["id", "last_chased_at", "next_chase_at"] },
      sharedContext
    )
    const chasedAt = new Date()
    const note = await this.createTradeCreditChaseNotes(
      asRow({ account_id: row.id, body, next_chase_at: next, created_at: chasedAt, ...actorFields(input.actor) }),
      sharedContext
    )
    await this.updateTradeCreditAccounts(
      asRow({ id: row.id, last_chased_at: chasedAt, next_chase_at: next }),
      sharedContext
    )
    return {
      note,
      previous: { last_chased_at: previous.last_chased_at ?? null, next_chase_at: previous.next_chase_at ?? null },
    }
  }

  /** Compensation of recordChaseNote: removes the note, restores the account's dates. */
  @InjectTransactionManager()
  async discardChaseNote(
    noteId: string,
    accountId: string,
    previous: { last_chased_at: Date | null; next_chase_at: Date | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.deleteTradeCreditChaseNotes([noteId], sharedContext)
    await this.updateTradeCreditAccounts(asRow({ id: accountId, ...previous }), sharedContext)
  }

  /**
   * Pauses or resumes an invoice's reminders (an invoice under dispute) and
   * sets its dispute note. Returns the invoice and its previous values (for
   * compensation). 404 for an unknown invoice.
   */
  @InjectTransactionManager()
  async updateInvoiceCreditControl(
    input: { invoice_id: string; reminders_paused?: boolean; dispute_note?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [invoice] = await this.listTradeCreditInvoices(
      { id: input.invoice_id },
      { select: ["id", "reminders_paused", "dispute_note"] },
      sharedContext
    )
    if (!invoice) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${input.invoice_id} was not found.`)
    }
    const previous = { reminders_paused: !!invoice.reminders_paused, dispute_note: invoice.dispute_note ?? null }
    const update: Record<string, unknown> = {}
    if (input.reminders_paused !== undefined) {
      update.reminders_paused = !!input.reminders_paused
    }
    if (input.dispute_note !== undefined) {
      update.dispute_note = normalizeText(input.dispute_note, "dispute_note", MAX_CHASE_NOTE_LENGTH)
    }
    if (Object.keys(update).length) {
      await this.updateTradeCreditInvoices(asRow({ id: invoice.id, ...update }), sharedContext)
    }
    return { invoice_id: invoice.id, previous }
  }

  /**
   * An order shipped: issues the invoices its payment sessions' debits were
   * waiting for under `invoice_at: "shipment"` (Receivables.issueShipped),
   * each account under its row lock, so a second delivery of the event or a
   * second process finds nothing left to invoice. Nothing happens for an
   * order invoiced at placement. Returns the ids of the entries invoiced.
   */
  @InjectTransactionManager()
  async invoiceShippedOrder(
    input: { payment_session_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ invoiced_entry_ids: string[] }> {
    if (!input.payment_session_ids.length) {
      return { invoiced_entry_ids: [] }
    }
    const purchases = await this.listTradeCreditLedgerEntries(
      { payment_session_id: input.payment_session_ids, operation: "purchased" },
      { select: ["account_id"] },
      sharedContext
    )
    const invoiced: string[] = []
    for (const accountId of [...new Set(purchases.map((p) => p.account_id))].sort()) {
      const row = await lockAccount(sharedContext, accountId)
      invoiced.push(...(await this.receivables_.issueShipped(sharedContext, row, input.payment_session_ids)))
    }
    return { invoiced_entry_ids: invoiced }
  }

  /** The end of today in the store's time zone: an account is due for a chase when its next_chase_at is before it. */
  chaseDueBefore(now = new Date()): Date {
    return endOfDay(calendarDay(now, this.options_.timezone), this.options_.timezone)
  }

  protected parseChaseDate_(value: string | null | undefined): Date | null {
    if (value === null || value === undefined || value === "") {
      return null
    }
    const date = CALENDAR_DATE.test(value) ? startOfDay(value, this.options_.timezone) : new Date(value)
    if (Number.isNaN(date.getTime()) || (CALENDAR_DATE.test(value) && calendarDay(date, this.options_.timezone) !== value)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `next_chase_at must be a date like "2026-12-24" or an ISO 8601 time, got ${JSON.stringify(value)}.`)
    }
    return date
  }
}
