import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { INVOICE_SEQUENCE_DIGITS, ORDER_OPERATIONS, OWING_INVOICE_STATUSES } from "../constants"
import type { ReceivablesTotals } from "../utils/settlement"
import { ENTRY_TABLE, rethrowLockTimeout, transactionKnex } from "./ledger-locks"
import { rawAmount, sqlInstant } from "./sql-values"

/**
 * The receivables' raw SQL: the invoice's issue with its number counter (a
 * row locked by the issuing transaction) and the sums settlement and its
 * invariant read. Allocations and invoice updates are written through the
 * module's generated methods (receivables.ts).
 */

export const INVOICE_TABLE = "trade_credit_invoice"
export const ALLOCATION_TABLE = "trade_credit_invoice_allocation"
export const COUNTER_TABLE = "trade_credit_invoice_counter"
/** Prefix of invoice ids (the model's `model.id({ prefix: "tcinv" })`). */
const INVOICE_ID_PREFIX = "tcinv"

const ORDER_OPS = [...ORDER_OPERATIONS]
const OWING = [...OWING_INVOICE_STATUSES]

/**
 * Writes what the module's generated methods only persisted so far (they
 * flush at commit), so the raw reads below see this transaction's entry,
 * invoices and allocations.
 */
export async function flushWrites(sharedContext: Context): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await (sharedContext.transactionManager as any)?.flush?.()
}

/** What an invoice is issued with; its number is `scope` followed by the scope's next sequence value. */
export type InvoiceIssue = {
  scope: string
  account_id: string
  order_id: string | null
  order_display_id: number | null
  payment_session_id: string | null
  entry_id: string
  currency_code: string
  amount: string
  issued_at: Date
  due_date: string
  due_at: Date
  overdue_at: Date
  terms_type: string
  terms_net_days: number | null
  grace_days: number
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function issueStatement(knex: any, issue: InvoiceIssue) {
  const digits = INVOICE_SEQUENCE_DIGITS
  const raw = (value: string) => JSON.stringify(rawAmount(value))
  return knex.raw(
    `WITH c AS (
       INSERT INTO ${COUNTER_TABLE} (id, scope, last_value) VALUES (?, ?, 1)
       ON CONFLICT (scope) WHERE deleted_at IS NULL
       DO UPDATE SET last_value = ${COUNTER_TABLE}.last_value + 1, updated_at = now()
       RETURNING last_value::text AS v
     )
     INSERT INTO ${INVOICE_TABLE}
       (id, number, account_id, order_id, order_display_id, payment_session_id, entry_id, currency_code,
        amount, raw_amount, amount_credited, raw_amount_credited, amount_paid, raw_amount_paid, amount_open, raw_amount_open,
        issued_at, due_date, due_at, overdue_at, terms_type, terms_net_days, grace_days, status, created_at, updated_at)
     SELECT ?, ? || CASE WHEN length(c.v) >= ? THEN c.v ELSE lpad(c.v, ?, '0') END, ?, ?, ?, ?, ?, ?,
            ?::numeric, ?::jsonb, 0, ?::jsonb, 0, ?::jsonb, ?::numeric, ?::jsonb,
            ?::timestamptz, ?, ?::timestamptz, ?::timestamptz, ?, ?, ?, 'open', clock_timestamp(), clock_timestamp()
       FROM c
     RETURNING id, number`,
    [
      generateEntityId(undefined, "tcinvc"),
      issue.scope,
      generateEntityId(undefined, INVOICE_ID_PREFIX),
      issue.scope,
      digits,
      digits,
      issue.account_id,
      issue.order_id,
      issue.order_display_id,
      issue.payment_session_id,
      issue.entry_id,
      issue.currency_code,
      issue.amount,
      raw(issue.amount),
      raw("0"),
      raw("0"),
      issue.amount,
      raw(issue.amount),
      sqlInstant(issue.issued_at),
      issue.due_date,
      sqlInstant(issue.due_at),
      sqlInstant(issue.overdue_at),
      issue.terms_type,
      issue.terms_net_days,
      issue.grace_days,
    ]
  )
}

/**
 * Issues an invoice (`open`, nothing credited or paid) numbered from its
 * scope's counter, in ONE statement: the counter row stays locked until the
 * calling transaction ends, so concurrent issues wait for it and a
 * rolled-back issue leaves no gap. Numbers are `scope` + the value padded to
 * INVOICE_SEQUENCE_DIGITS.
 */
export async function issueInvoice(sharedContext: Context, issue: InvoiceIssue): Promise<{ id: string; number: string }> {
  const { rows } = await issueStatement(transactionKnex(sharedContext), issue).catch(rethrowLockTimeout)
  return rows[0]
}

/**
 * `issueInvoice` for a posting's settlement: the same round trip also reads
 * the order's receivables before the invoice (`sessionReceivables`, leaving
 * out `exclude`, the posting) and, after it, what settlement reads
 * (`sessionAndOpenReceivables`): three statements in one simple-protocol
 * string, values inlined and escaped by knex (like the authorization's
 * lock-and-read), each statement seeing the ones before it. At checkout this
 * runs under the account lock: one round trip instead of four.
 */
export async function issueInvoiceAndRead(
  sharedContext: Context,
  issue: InvoiceIssue,
  reads: { sessions: string[]; exclude: string }
): Promise<{ before: SessionReceivables[]; after: { sessions: SessionReceivables[]; open: OpenReceivables } }> {
  const knex = transactionKnex(sharedContext)
  const sql = [
    sessionReceivablesQuery(knex, issue.account_id, reads.sessions, reads.exclude),
    issueStatement(knex, issue),
    sessionAndOpenReceivablesQuery(knex, issue.account_id, reads.sessions),
  ]
    .map((q) => q.toQuery())
    .join(";\n")
  const [before, , after] = (await knex.raw(sql).catch(rethrowLockTimeout)) as Array<{ rows: Array<Record<string, any>> }> // eslint-disable-line @typescript-eslint/no-explicit-any
  const { sessions, ...open } = after.rows[0]
  return { before: before.rows as SessionReceivables[], after: { sessions, open: open as OpenReceivables } }
}

/**
 * A read limited to some accounts, the binding `:accountIds` (the reconciliation of some
 * accounts only, `account_ids`): `column` is one of them. Cast, so that an empty list is typed.
 */
export const ACCOUNTS_FILTER = (column: string) => `${column} = ANY(CAST(:accountIds AS text[]))`

/**
 * Outstanding orders (`invoice_at: "shipment"`), as SQL the sums below share:
 * `pending_debits` are an order's debits (`purchased` / `captured` with an
 * amount) that no invoice bills yet; `pending_credits` are the refunds and
 * reverts of those orders' sessions that no allocation used (they reduce the
 * outstanding order, not the invoices). Under `placement` both are empty.
 * `scope` says whose: every account's (the reconciliation), some accounts'
 * (`:accountIds`, the reconciliation of those), one account's
 * (`:a`), or only the payment sessions `:sessions` of one account, leaving
 * out the entry `:exclude` (the payment session index serves it: a posting's
 * cost then depends on the order's entries, not on the account's history).
 */
export const pendingCtes = (scope: "all" | "accounts" | "account" | "sessions") => {
  const where =
    scope === "all"
      ? ""
      : scope === "accounts"
        ? `AND ${ACCOUNTS_FILTER("e.account_id")}`
        : scope === "account"
          ? "AND e.account_id = :a"
          : "AND e.account_id = :a AND e.payment_session_id = ANY(:sessions) AND e.id <> :exclude"
  return `
  pending_debits AS (
    SELECT e.id, e.account_id, e.payment_session_id, e.amount FROM ${ENTRY_TABLE} e
     WHERE e.deleted_at IS NULL AND e.operation = ANY(:orderOps) AND e.amount < 0 AND e.payment_session_id IS NOT NULL ${where}
       AND NOT EXISTS (SELECT 1 FROM ${INVOICE_TABLE} i WHERE i.entry_id = e.id AND i.deleted_at IS NULL)),
  pending_credits AS (
    SELECT e.id, e.account_id, e.payment_session_id, e.amount FROM ${ENTRY_TABLE} e
     WHERE e.deleted_at IS NULL AND e.operation = ANY(:orderOps) AND e.amount > 0 ${where}
       AND (e.account_id, e.payment_session_id) IN (SELECT account_id, payment_session_id FROM pending_debits)
       AND NOT EXISTS (SELECT 1 FROM ${ALLOCATION_TABLE} al WHERE al.entry_id = e.id AND al.deleted_at IS NULL)),
  outstanding AS (
    SELECT account_id, payment_session_id, -sum(amount) AS amount
      FROM (SELECT account_id, payment_session_id, amount FROM pending_debits
            UNION ALL SELECT account_id, payment_session_id, amount FROM pending_credits) x
     GROUP BY account_id, payment_session_id)`
}
const PENDING_CTES = pendingCtes("account")

/**
 * An account's receivables sums over its WHOLE history (see
 * receivablesViolation): open amounts from the columns and from the
 * allocations, outstanding orders, and unallocated credit = every posting to
 * the balance that is not an order's debit (reimbursements, adjustments,
 * refunds, reverts) and does not reduce an outstanding order, less all
 * allocations. What the account row's running totals (`unallocated_credit`,
 * `outstanding_orders_*`) must equal: the migration that added them fills
 * them with these sums, and tests compare them; postings read
 * `openReceivables` instead. The entries' reads say `deleted_at IS NULL`
 * (always true: entries are append-only) so that the partial index on
 * (account_id, seq) serves them.
 */
export async function receivablesTotals(sharedContext: Context, accountId: string): Promise<Omit<ReceivablesTotals, "balance">> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `WITH ${PENDING_CTES}
     SELECT
       (SELECT coalesce(sum(amount_open), 0) FROM ${INVOICE_TABLE} WHERE account_id = :a AND deleted_at IS NULL)::text AS open_total,
       (SELECT count(*) FROM ${INVOICE_TABLE} WHERE account_id = :a AND status = ANY(:owing) AND deleted_at IS NULL)::int AS owing_invoices,
       ((SELECT coalesce(sum(amount), 0) FROM ${INVOICE_TABLE} WHERE account_id = :a AND deleted_at IS NULL)
         - (SELECT coalesce(sum(amount), 0) FROM ${ALLOCATION_TABLE} WHERE account_id = :a AND deleted_at IS NULL))::text AS open_total_from_allocations,
       ((SELECT coalesce(sum(amount), 0) FROM ${ENTRY_TABLE}
          WHERE account_id = :a AND deleted_at IS NULL AND amount <> 0 AND NOT (operation = ANY(:orderOps) AND amount < 0))
         - (SELECT coalesce(sum(amount), 0) FROM pending_credits)
         - (SELECT coalesce(sum(amount), 0) FROM ${ALLOCATION_TABLE} WHERE account_id = :a AND deleted_at IS NULL))::text AS unallocated,
       (SELECT coalesce(sum(amount), 0) FROM outstanding)::text AS outstanding_total,
       (SELECT count(*) FROM outstanding WHERE amount > 0)::int AS outstanding_orders`,
    { a: accountId, owing: OWING, orderOps: ORDER_OPS }
  )
  return rows[0]
}

/**
 * What the account's owing invoices add up to, from their columns and from
 * their allocation rows, and how many there are: the part of the invariant a
 * posting reads, through the (account_id, status, due_at) and allocations'
 * invoice_id indexes, so it costs what is open, not the account's history.
 * Invoices paid or void owe nothing by their columns; that their rows agree
 * too is the reconciliation's full check (invoice_allocations_mismatch).
 */
const OPEN_RECEIVABLES = `SELECT coalesce(sum(i.amount_open), 0)::text AS open_total,
            coalesce(sum(i.amount - coalesce(al.allocated, 0)), 0)::text AS open_total_from_allocations,
            count(*)::int AS owing_invoices
       FROM ${INVOICE_TABLE} i
       LEFT JOIN LATERAL (SELECT sum(amount) AS allocated FROM ${ALLOCATION_TABLE}
                           WHERE invoice_id = i.id AND deleted_at IS NULL) al ON true
      WHERE i.account_id = :a AND i.status = ANY(:owing) AND i.deleted_at IS NULL`

export type OpenReceivables = Pick<ReceivablesTotals, "open_total" | "open_total_from_allocations" | "owing_invoices">

export async function openReceivables(sharedContext: Context, accountId: string): Promise<OpenReceivables> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(OPEN_RECEIVABLES, { a: accountId, owing: OWING })
  return rows[0]
}

const SESSION_RECEIVABLES = `SELECT o.payment_session_id, o.amount::text AS outstanding,
            coalesce((SELECT sum(c.amount) FROM pending_credits c WHERE c.payment_session_id = o.payment_session_id), 0)::text AS pending_credits
       FROM outstanding o`

/** One order's (payment session's) part of the outstanding orders and of the refunds that reduce them. */
export type SessionReceivables = { payment_session_id: string; outstanding: string; pending_credits: string }

/**
 * The outstanding-order sums (see pendingCtes) of these payment sessions
 * only, leaving out the entry `excludeEntryId` (the posting being settled, to
 * read them as they were before it). A posting moves the account's running
 * totals by the difference of these before and after it.
 */
export async function sessionReceivables(
  sharedContext: Context,
  accountId: string,
  sessionIds: string[],
  excludeEntryId: string | null = null
): Promise<SessionReceivables[]> {
  if (!sessionIds.length) {
    return []
  }
  const { rows } = await sessionReceivablesQuery(transactionKnex(sharedContext), accountId, sessionIds, excludeEntryId ?? "")
  return rows
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sessionReceivablesQuery(knex: any, accountId: string, sessionIds: string[], exclude: string) {
  return knex.raw(`WITH ${pendingCtes("sessions")} ${SESSION_RECEIVABLES}`, { a: accountId, orderOps: ORDER_OPS, sessions: sessionIds, exclude })
}

const SESSION_AND_OPEN_RECEIVABLES = `WITH ${pendingCtes("sessions")},
       s AS (${SESSION_RECEIVABLES}),
       o AS (${OPEN_RECEIVABLES})
     SELECT o.*, (SELECT coalesce(json_agg(s), '[]'::json) FROM s) AS sessions FROM o`

/**
 * sessionReceivables (nothing left out) and openReceivables in one round trip:
 * what settlement reads after a posting, under the account lock.
 */
export async function sessionAndOpenReceivables(
  sharedContext: Context,
  accountId: string,
  sessionIds: string[]
): Promise<{ sessions: SessionReceivables[]; open: OpenReceivables }> {
  if (!sessionIds.length) {
    return { sessions: [], open: await openReceivables(sharedContext, accountId) }
  }
  const { rows } = await sessionAndOpenReceivablesQuery(transactionKnex(sharedContext), accountId, sessionIds)
  const { sessions, ...open } = rows[0]
  return { sessions, open }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sessionAndOpenReceivablesQuery(knex: any, accountId: string, sessionIds: string[]) {
  return knex.raw(SESSION_AND_OPEN_RECEIVABLES, { a: accountId, owing: OWING, orderOps: ORDER_OPS, sessions: sessionIds, exclude: "" })
}

/** An outstanding order's entries not invoiced yet: its debits (oldest first) and the refunds that reduce it. */
export type PendingOrderEntry = {
  id: string
  operation: string
  amount: string
  balance_after: string
  reference: string | null
  order_id: string | null
  order_display_id: number | null
  payment_session_id: string
  kind: "debit" | "credit"
}

/** The entries of these payment sessions that are waiting for the order's invoice (see PENDING_CTES), in posting order. */
export async function pendingOrderEntries(sharedContext: Context, accountId: string, sessionIds: string[]): Promise<PendingOrderEntry[]> {
  if (!sessionIds.length) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `WITH ${pendingCtes("sessions")},
     pending AS (SELECT id, 'debit' AS kind FROM pending_debits UNION ALL SELECT id, 'credit' FROM pending_credits)
     SELECT e.id, e.operation, e.amount::text AS amount, e.balance_after::text AS balance_after, e.reference,
            e.order_id, e.order_display_id, e.payment_session_id, p.kind
       FROM pending p JOIN ${ENTRY_TABLE} e ON e.id = p.id
      ORDER BY e.seq`,
    { a: accountId, orderOps: ORDER_OPS, sessions: sessionIds, exclude: "" }
  )
  return rows
}

/** Whether any invoice bills this payment session (the order was invoiced: its later debits are invoiced at once). */
export async function sessionInvoiced(sharedContext: Context, accountId: string, sessionId: string | null): Promise<boolean> {
  if (!sessionId) {
    return false
  }
  const knex = transactionKnex(sharedContext)
  const [row] = await knex(INVOICE_TABLE)
    .where({ account_id: accountId, payment_session_id: sessionId })
    .whereNull("deleted_at")
    .select("id")
    .limit(1)
  return !!row
}

export type InvoiceRow = {
  id: string
  number: string
  amount: string
  amount_credited: string
  amount_paid: string
  due_at: Date
  issued_at: Date
}

const INVOICE_COLUMNS = (knex: ReturnType<typeof transactionKnex>) => [
  "id",
  "number",
  knex.raw("amount::text AS amount"),
  knex.raw("amount_credited::text AS amount_credited"),
  knex.raw("amount_paid::text AS amount_paid"),
  "due_at",
  "issued_at",
]

/** The account's invoices still owing money (the account row is locked by the caller). */
export async function owingInvoices(sharedContext: Context, accountId: string): Promise<InvoiceRow[]> {
  const knex = transactionKnex(sharedContext)
  return await knex(INVOICE_TABLE)
    .where({ account_id: accountId })
    .whereIn("status", OWING)
    .whereNull("deleted_at")
    .select(INVOICE_COLUMNS(knex))
}

/** These invoices of the account. */
export async function invoicesByIds(sharedContext: Context, accountId: string, ids: string[]): Promise<InvoiceRow[]> {
  if (!ids.length) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  return await knex(INVOICE_TABLE).where({ account_id: accountId }).whereIn("id", ids).select(INVOICE_COLUMNS(knex))
}

/** An order's invoices (by its payment session, else its id) that a credit note can still reduce, newest first. */
export async function invoicesOfOrder(
  sharedContext: Context,
  accountId: string,
  order: { payment_session_id?: string | null; order_id?: string | null }
): Promise<InvoiceRow[]> {
  if (!order.payment_session_id && !order.order_id) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  const q = knex(INVOICE_TABLE).where({ account_id: accountId }).whereNot("status", "void").whereNull("deleted_at")
  if (order.payment_session_id) {
    q.andWhere({ payment_session_id: order.payment_session_id })
  } else {
    q.andWhere({ order_id: order.order_id })
  }
  return await q.select(INVOICE_COLUMNS(knex)).orderBy([
    { column: "issued_at", order: "desc" },
    { column: "number", order: "desc" },
  ])
}

/** An invoice of this account by id or number, or null. */
export async function findAccountInvoice(
  sharedContext: Context,
  accountId: string,
  by: { id?: string | null; number?: string | null }
): Promise<{ id: string; number: string } | null> {
  if (!by.id && !by.number) {
    return null
  }
  const knex = transactionKnex(sharedContext)
  const q = knex(INVOICE_TABLE).where({ account_id: accountId }).whereNull("deleted_at")
  if (by.id) {
    q.andWhere({ id: by.id })
  } else {
    q.andWhereRaw("upper(number) = upper(?)", [by.number])
  }
  const [row] = await q.select("id", "number").limit(1)
  return row ?? null
}

/** Credits (postings that are not an order's debit, nor a refund of an outstanding order) with what of each is not allocated yet. */
export async function creditSources(
  sharedContext: Context,
  accountId: string
): Promise<Array<{ entry_id: string; reference: string | null; remaining: string; order: number }>> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `WITH ${PENDING_CTES}
     SELECT e.id AS entry_id, e.reference, e.seq::int AS "order", (e.amount - coalesce(a.allocated, 0))::text AS remaining
       FROM ${ENTRY_TABLE} e
       LEFT JOIN (SELECT entry_id, sum(amount) AS allocated FROM ${ALLOCATION_TABLE}
                   WHERE account_id = :a AND deleted_at IS NULL GROUP BY entry_id) a ON a.entry_id = e.id
      WHERE e.account_id = :a AND e.deleted_at IS NULL AND e.amount <> 0 AND NOT (e.operation = ANY(:orderOps) AND e.amount < 0)
        AND e.id NOT IN (SELECT id FROM pending_credits)
        AND e.amount - coalesce(a.allocated, 0) <> 0`,
    { a: accountId, orderOps: ORDER_OPS }
  )
  return rows
}

/** The payment allocations of the account's invoices that still count as paid, with their entry's reference and sequence. */
export async function paymentAllocations(
  sharedContext: Context,
  accountId: string
): Promise<Array<{ invoice_id: string; entry_id: string; reference: string | null; amount: string; order: number }>> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `SELECT al.invoice_id, al.entry_id, e.reference, al.amount::text AS amount, e.seq::int AS "order"
       FROM ${ALLOCATION_TABLE} al
       JOIN ${INVOICE_TABLE} i ON i.id = al.invoice_id AND i.amount_paid > 0 AND i.deleted_at IS NULL
       JOIN ${ENTRY_TABLE} e ON e.id = al.entry_id
      WHERE al.account_id = :a AND al.kind = 'payment' AND al.deleted_at IS NULL`,
    { a: accountId }
  )
  return rows
}

export type OverdueInvoiceRow = { number: string; amount_open: string; due_date: string; grace_days: number }

/**
 * The account's owing invoices overdue at `now` (overdue_at, set by
 * `overdueAt`, has passed), oldest due first: read in the same round trip as
 * the authorization's lock (ledger-writes.ts `lockAccountAndReadSession`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function overdueInvoicesQuery(knex: any, accountId: string, now: Date) {
  return knex(INVOICE_TABLE)
    .where({ account_id: accountId })
    .whereIn("status", OWING)
    .where("overdue_at", "<=", now)
    .whereNull("deleted_at")
    .orderBy([{ column: "due_at" }, { column: "number" }])
    .select("number", knex.raw("amount_open::text AS amount_open"), "due_date", "grace_days")
}
