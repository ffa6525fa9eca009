import type { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import { ORDER_OPERATIONS, type AllocationKind, type LedgerOperation } from "./constants"
import type { LockedAccountRow } from "./utils/posting"
import { asRow } from "./utils/posting"
import { writeRunningTotals } from "./repositories/ledger-writes"
import { calendarDay, dueDate, overdueAt, overdueState, startOfDay } from "./utils/due-dates"
import { type InvoiceOptions, overdueThresholdFor } from "./utils/invoice-options"
import {
  fundingSources,
  invoiceState,
  paidShares,
  planAllocations,
  planCreditNote,
  planUndo,
  receivablesViolation,
  settlementOrder,
} from "./utils/settlement"
import {
  creditSources,
  findAccountInvoice,
  flushWrites,
  type InvoiceRow,
  invoicesByIds,
  invoicesOfOrder,
  type InvoiceIssue,
  issueInvoice,
  issueInvoiceAndRead,
  openReceivables,
  type OpenReceivables,
  type OverdueInvoiceRow,
  owingInvoices,
  paymentAllocations,
  pendingOrderEntries,
  sessionInvoiced,
  type SessionReceivables,
  sessionAndOpenReceivables,
  sessionReceivables,
} from "./repositories/invoices"

export type ReceivablesOptions = Pick<InvoiceOptions, "timezone" | "invoice_prefix" | "overdue_threshold"> &
  Partial<Pick<InvoiceOptions, "invoice_at">>

/** The posting just written, as settlement needs it. */
export type PostedEntry = {
  id: string
  operation: LedgerOperation
  amount: BigNumberJS
  balance_after: BigNumberJS
  reference: string | null
  order_id: string | null
  order_display_id: number | null
  payment_session_id: string | null
}

/** Which invoice a credit pays first: by id (`invoice_id`), or its number in the posting's reference. */
export type NamedInvoice = { invoice_id?: string | null }

/** The module's generated data methods receivables write through. */
type Writer = {
  /** Called inside the posting's transaction with the invoices that just received payments (see INVOICES_PAID_EVENT). */
  invoicesPaid_(sharedContext: Context, accountId: string, invoiceIds: string[]): void
  updateTradeCreditInvoices(data: unknown, ctx?: Context): Promise<unknown>
  createTradeCreditInvoiceAllocations(data: unknown, ctx?: Context): Promise<unknown>
}

type Line = { invoice_id: string; entry_id: string; kind: AllocationKind; amount: BigNumberJS }

/**
 * What one posting (or one shipment) moves in the account's running totals,
 * gathered while it is settled, so that settle_ updates them without summing
 * the account's history.
 */
type Change = {
  /** The posting's credit to the balance: its amount, unless it is an order's debit (then 0). */
  credit: BigNumberJS
  /** The orders' payment sessions it touches, and their outstanding-order sums before it. */
  sessions: string[]
  before: SessionReceivables[]
  /** Allocation rows written so far (credit notes and payments, signed). */
  allocated: BigNumberJS
}

const sumOf = (rows: SessionReceivables[], key: "outstanding" | "pending_credits") =>
  rows.reduce((s, r) => s.plus(MathBN.convert(r[key])), MathBN.convert(0))
const owingOrders = (rows: SessionReceivables[]) => rows.filter((r) => MathBN.convert(r.outstanding).gt(0)).length

const ORDER_OPS: readonly string[] = ORDER_OPERATIONS

/**
 * Receivables: invoices and their settlement, run inside the posting's own
 * transaction (under the account row lock) by the ledger's posting
 * primitive, so the ledger and the invoices never disagree, even for a
 * moment:
 * - an order's debit (`purchased` with an amount: posted at authorization or
 *   on release of a held order; `captured` under manual capture) issues an
 *   invoice for it, due by the account's terms at that moment; under
 *   `invoice_at: "shipment"` the debit stays an outstanding order until the
 *   order ships (`issueShipped`, called by the shipment workflow);
 * - a refund or cancel of an order (`refunded` / `reverted` with an amount)
 *   is a credit note on the order's invoices, which a full cancel voids;
 * - every credit to the account is allocated to owing invoices, the named
 *   one first, then the oldest due date; what is left stays unallocated and
 *   pays the next invoice the moment it is issued; a negative credit undoes
 *   payments (those of the payment it names by reference first).
 * Then `receivablesViolation` (THE invariant) is checked: a broken one rolls
 * the posting back. The account row keeps the running totals it needs
 * (`unallocated_credit`, `outstanding_orders_*`), moved by each posting, so a
 * posting reads only what is open (owing invoices, the order's own entries),
 * never the account's whole history: the reconciliation checks the running
 * totals against the history.
 */
export class Receivables {
  constructor(
    private readonly writer: Writer,
    private readonly options: ReceivablesOptions
  ) {}

  /**
   * Whether a posting of `amount` (into the balance) has anything for the
   * receivables to do (`afterPosting`): a reservation or its release alone
   * issues, credits and settles nothing.
   */
  static movedBy(amount: BigNumberJS): boolean {
    return !amount.isZero()
  }

  /**
   * Refuses a named invoice that is not one of the account's (before any
   * posting is written: nothing changes). Returns the invoice to pay first.
   */
  async namedInvoice(sharedContext: Context, accountId: string, named: NamedInvoice, reference: string | null): Promise<string | null> {
    if (named.invoice_id) {
      const found = await findAccountInvoice(sharedContext, accountId, { id: named.invoice_id })
      if (!found) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invoice ${named.invoice_id} is not an invoice of this account.`)
      }
      return found.id
    }
    const byNumber = reference ? await findAccountInvoice(sharedContext, accountId, { number: reference.trim() }) : null
    return byNumber?.id ?? null
  }

  /**
   * The account's invoices overdue past grace now, with their days overdue
   * (`overdueState`), and the amount they may add up to without stopping pay
   * on account. `rows` were read under the account lock
   * (`overdueInvoicesQuery`), so a payment that settles them and a checkout
   * can't pass each other.
   */
  overdue(row: LockedAccountRow, now: Date, rows: OverdueInvoiceRow[]) {
    const invoices = rows.map((i) => ({
      number: i.number,
      amount_open: MathBN.convert(i.amount_open),
      days_overdue: overdueState({ due_date: i.due_date, grace_days: i.grace_days, owing: true }, now, this.options.timezone).days_overdue,
    }))
    return { invoices, threshold: overdueThresholdFor(this.options, row.currency_code) }
  }

  /**
   * Settles the posting just written on the locked account row. Returns the
   * account record when its running totals moved (the posting's caller
   * answers with it), else null.
   */
  async afterPosting(sharedContext: Context, row: LockedAccountRow, entry: PostedEntry, namedInvoiceId: string | null): Promise<unknown | null> {
    if (!Receivables.movedBy(entry.amount)) {
      return null
    }
    await flushWrites(sharedContext)
    const isOrderOp = ORDER_OPS.includes(entry.operation)
    const sessions = isOrderOp && entry.payment_session_id ? [entry.payment_session_id] : []
    const change: Change = {
      credit: isOrderOp && entry.amount.lt(0) ? MathBN.convert(0) : entry.amount,
      sessions,
      before: [],
      allocated: MathBN.convert(0),
    }
    if (isOrderOp && entry.amount.lt(0)) {
      // Under `invoice_at: "shipment"` an order's debit waits for its shipment
      // (an outstanding order, see issueShipped), unless the order was already
      // invoiced (a later capture of a shipped order).
      const waits =
        this.options.invoice_at === "shipment" &&
        !!entry.payment_session_id &&
        !(await sessionInvoiced(sharedContext, row.id, entry.payment_session_id))
      if (!waits) {
        // The order's invoice, with the reads settlement needs before and after it, in one round trip.
        const issued = await issueInvoiceAndRead(sharedContext, this.invoiceOf_(row, entry, entry.amount.negated()), { sessions, exclude: entry.id })
        change.before = issued.before
        return await this.settle_(sharedContext, row, entry.balance_after, null, namedInvoiceId, change, issued.after)
      }
    }
    change.before = await sessionReceivables(sharedContext, row.id, sessions, entry.id)
    if (isOrderOp && entry.amount.gt(0)) {
      await this.creditNote_(sharedContext, row, entry, change)
    }
    return await this.settle_(sharedContext, row, entry.balance_after, !isOrderOp && entry.amount.lt(0) ? entry : null, namedInvoiceId, change)
  }

  /**
   * An order shipped (`invoice_at: "shipment"`): issues the invoices of its
   * payment sessions' debits that were waiting (the same `issue_` as at
   * placement, due by the account's terms now), applies the refunds made
   * before shipment as credit notes, and lets unallocated credit settle them.
   * An order refunded or canceled in full before shipment gets no invoice.
   * Exactly once: the account row is locked and a debit, once invoiced, is
   * no longer waiting (a unique index on the invoice's entry backs it).
   * Returns the ids of the entries invoiced.
   */
  async issueShipped(sharedContext: Context, row: LockedAccountRow, sessionIds: string[]): Promise<string[]> {
    await flushWrites(sharedContext)
    const pending = await pendingOrderEntries(sharedContext, row.id, sessionIds)
    const change: Change = {
      credit: MathBN.convert(0),
      sessions: sessionIds,
      before: await sessionReceivables(sharedContext, row.id, sessionIds),
      allocated: MathBN.convert(0),
    }
    const invoiced: string[] = []
    for (const sessionId of new Set(pending.map((p) => p.payment_session_id))) {
      const mine = pending.filter((p) => p.payment_session_id === sessionId)
      const net = mine.reduce((sum, p) => sum.plus(p.amount), MathBN.convert(0))
      if (!net.lt(0)) {
        continue
      }
      for (const p of [...mine.filter((p) => p.kind === "debit"), ...mine.filter((p) => p.kind === "credit")]) {
        const entry: PostedEntry = {
          id: p.id,
          operation: p.operation as LedgerOperation,
          amount: MathBN.convert(p.amount),
          balance_after: MathBN.convert(p.balance_after),
          reference: p.reference,
          order_id: p.order_id,
          order_display_id: p.order_display_id,
          payment_session_id: p.payment_session_id,
        }
        if (p.kind === "debit") {
          await issueInvoice(sharedContext, this.invoiceOf_(row, entry, entry.amount.negated()))
          invoiced.push(p.id)
        } else {
          await this.creditNote_(sharedContext, row, entry, change)
        }
      }
    }
    if (invoiced.length) {
      await this.settle_(sharedContext, row, MathBN.convert(row.balance), null, null, change)
    }
    return invoiced
  }

  /**
   * Allocates unallocated credit to owing invoices (after undoing payments
   * for a negative credit), checks THE invariant, and moves the account's
   * running totals by what the posting changed (`change`): its credit, the
   * allocation rows written, and its orders' outstanding sums after less
   * before. Reads the owing invoices and the posting's orders only.
   */
  protected async settle_(
    sharedContext: Context,
    row: LockedAccountRow,
    balance: BigNumberJS,
    negativeCredit: PostedEntry | null,
    namedInvoiceId: string | null,
    change: Change,
    /** `sessionAndOpenReceivables` after the posting, when the caller already read it (`issueInvoice`). */
    read?: { sessions: SessionReceivables[]; open: OpenReceivables }
  ): Promise<unknown | null> {
    // The running totals as the lock read them (and as an earlier settle_ in this transaction left them on `row`).
    const stored = {
      unallocated_credit: row.unallocated_credit ?? "0",
      outstanding_orders_total: row.outstanding_orders_total ?? "0",
      outstanding_orders_count: row.outstanding_orders_count ?? 0,
    }
    const { sessions: after, open: openNow } = read ?? (await sessionAndOpenReceivables(sharedContext, row.id, change.sessions))
    const outstanding = MathBN.convert(stored.outstanding_orders_total).plus(sumOf(after, "outstanding")).minus(sumOf(change.before, "outstanding"))
    const outstandingOrders = stored.outstanding_orders_count + owingOrders(after) - owingOrders(change.before)
    // A refund of an order not invoiced yet reduces the outstanding order, not the invoices: it is no unallocated credit.
    const credits = MathBN.convert(stored.unallocated_credit)
      .plus(change.credit)
      .minus(sumOf(after, "pending_credits"))
      .plus(sumOf(change.before, "pending_credits"))
    const unallocated = () => credits.minus(change.allocated)
    let open = openNow
    let changed = false
    if (unallocated().lt(0) && negativeCredit) {
      changed = (await this.undo_(sharedContext, row, negativeCredit, unallocated().negated(), change)) || changed
    }
    if (unallocated().gt(0) && open.owing_invoices > 0) {
      await this.allocate_(sharedContext, row, unallocated(), namedInvoiceId, change)
      changed = true
    }
    if (changed) {
      open = await openReceivables(sharedContext, row.id)
    }
    const violation = receivablesViolation({
      ...open,
      unallocated: unallocated(),
      outstanding_total: outstanding,
      outstanding_orders: outstandingOrders,
      balance,
    })
    if (violation) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Trade credit account ${row.id}: invoices and ledger disagree (${violation}); the posting was not recorded.`
      )
    }
    if (
      !unallocated().eq(MathBN.convert(stored.unallocated_credit)) ||
      !outstanding.eq(MathBN.convert(stored.outstanding_orders_total)) ||
      outstandingOrders !== stored.outstanding_orders_count
    ) {
      const account = await writeRunningTotals(sharedContext, {
        id: row.id,
        unallocated_credit: unallocated().toString(),
        outstanding_orders_total: outstanding.toString(),
        outstanding_orders_count: outstandingOrders,
      })
      row.unallocated_credit = unallocated().toString()
      row.outstanding_orders_total = outstanding.toString()
      row.outstanding_orders_count = outstandingOrders
      return account
    }
    return null
  }

  /** The invoice of an order's debit: due by the account's terms now, numbered in this year's sequence (`issueInvoice`). */
  protected invoiceOf_(row: LockedAccountRow, entry: PostedEntry, amount: BigNumberJS): InvoiceIssue {
    const tz = this.options.timezone
    const issuedAt = new Date()
    const terms = { type: row.terms_type, net_days: row.terms_net_days }
    const due = dueDate(issuedAt, terms, tz)
    return {
      scope: `${this.options.invoice_prefix}${calendarDay(issuedAt, tz).slice(0, 4)}-`,
      account_id: row.id,
      order_id: entry.order_id,
      order_display_id: entry.order_display_id,
      payment_session_id: entry.payment_session_id,
      entry_id: entry.id,
      currency_code: row.currency_code,
      amount: amount.toString(),
      issued_at: issuedAt,
      due_date: due,
      due_at: startOfDay(due, tz),
      overdue_at: overdueAt(due, row.terms_grace_days ?? 0, tz),
      terms_type: row.terms_type,
      terms_net_days: row.terms_net_days,
      grace_days: row.terms_grace_days ?? 0,
    }
  }

  /** A refund or cancel of an order reduces its invoices (credit note lines); what they were paid beyond that is freed. */
  protected async creditNote_(sharedContext: Context, row: LockedAccountRow, entry: PostedEntry, change: Change): Promise<void> {
    const invoices = await invoicesOfOrder(sharedContext, row.id, entry)
    const { lines } = planCreditNote(invoices, entry.amount)
    const out: Line[] = []
    for (const l of lines) {
      out.push({ invoice_id: l.invoice_id, entry_id: entry.id, kind: "credit_note", amount: l.credit })
      if (l.unpay.gt(0)) {
        out.push({ invoice_id: l.invoice_id, entry_id: entry.id, kind: "payment", amount: l.unpay.negated() })
      }
    }
    await this.write_(sharedContext, row, invoices, out, change)
  }

  /** A negative credit beyond the unallocated credit undoes payments: of the payment it names first, then the newest. */
  protected async undo_(
    sharedContext: Context,
    row: LockedAccountRow,
    entry: PostedEntry,
    deficit: BigNumberJS,
    change: Change
  ): Promise<boolean> {
    const shares = paidShares(await paymentAllocations(sharedContext, row.id))
    const undo = planUndo(deficit, shares, entry.reference)
    if (!undo.length) {
      return false
    }
    const invoices = await invoicesByIds(sharedContext, row.id, undo.map((u) => u.invoice_id))
    await this.write_(
      sharedContext,
      row,
      invoices,
      undo.map((u) => ({ invoice_id: u.invoice_id, entry_id: entry.id, kind: "payment" as const, amount: u.amount })),
      change
    )
    return true
  }

  /** Allocates the unallocated credit to owing invoices, the named one first, then the oldest due date. */
  protected async allocate_(sharedContext: Context, row: LockedAccountRow, pool: BigNumberJS, namedInvoiceId: string | null, change: Change) {
    const owing = settlementOrder(await owingInvoices(sharedContext, row.id), namedInvoiceId)
    const sources = fundingSources(await creditSources(sharedContext, row.id))
    const lines = planAllocations(pool, owing, sources)
    await this.write_(
      sharedContext,
      row,
      owing,
      lines.map((l) => ({ ...l, kind: "payment" as const })),
      change
    )
  }

  /** Writes allocation rows and the invoices' new amounts and statuses; counts them in the posting's `change`. */
  protected async write_(sharedContext: Context, row: LockedAccountRow, invoices: InvoiceRow[], lines: Line[], change: Change): Promise<void> {
    if (!lines.length) {
      return
    }
    change.allocated = lines.reduce((s, l) => s.plus(l.amount), change.allocated)
    await this.writer.createTradeCreditInvoiceAllocations(
      lines.map((l) =>
        asRow({ account_id: row.id, invoice_id: l.invoice_id, entry_id: l.entry_id, kind: l.kind, amount: l.amount.toString() })
      ),
      sharedContext
    )
    const updates = []
    for (const inv of invoices) {
      const mine = lines.filter((l) => l.invoice_id === inv.id)
      if (!mine.length) {
        continue
      }
      const sum = (kind: AllocationKind) =>
        mine.filter((l) => l.kind === kind).reduce((s, l) => s.plus(l.amount), MathBN.convert(0))
      const amount_credited = MathBN.add(inv.amount_credited, sum("credit_note"))
      const amount_paid = MathBN.add(inv.amount_paid, sum("payment"))
      const state = invoiceState({ amount: inv.amount, amount_credited, amount_paid })
      updates.push(
        asRow({
          id: inv.id,
          amount_credited: amount_credited.toString(),
          amount_paid: amount_paid.toString(),
          amount_open: state.amount_open.toString(),
          status: state.status,
        })
      )
    }
    await this.writer.updateTradeCreditInvoices(updates, sharedContext)
    await flushWrites(sharedContext)
    const paid = [...new Set(lines.filter((l) => l.kind === "payment" && l.amount.gt(0)).map((l) => l.invoice_id))]
    if (paid.length) {
      this.writer.invoicesPaid_(sharedContext, row.id, paid)
    }
  }
}
