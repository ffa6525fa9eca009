import { ORDER_OPERATIONS, OWING_INVOICE_STATUSES } from "../constants"
import type {
  AccountReceivablesRow,
  AppendOnlyTriggerState,
  CanceledOrderInvoiceRow,
  InvoiceAllocationsRow,
  AccountTotalsRow,
  OrderDebitInvoiceRow,
  SessionLedgerRow,
} from "../utils/reconciliation"
import { ACCOUNTS_FILTER, ALLOCATION_TABLE, INVOICE_TABLE, pendingCtes } from "./invoices"
import { ACCOUNT_TABLE, ENTRY_TABLE } from "./ledger-locks"

/**
 * The reconciliation's reads of the ledger: read-only, taking no lock, each
 * one SQL statement (so one consistent snapshot: a posting changes an
 * account's totals and writes its entry in one transaction). Sums run in
 * PostgreSQL over `numeric`, never in JavaScript floats. Each reads every
 * account's rows, or with `accountIds` only those of these accounts.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Knex = any

/** `AND <column> is one of accountIds`, or nothing: every account. */
const only = (column: string, accountIds?: string[]) => (accountIds ? `AND ${ACCOUNTS_FILTER(column)}` : "")

/** The trigger the migrations create (Migration20261123152600) to keep entries append-only. */
export const APPEND_ONLY_TRIGGER = "trade_credit_ledger_entry_append_only"

/** Every account's stored totals next to the sums of its entries. */
export async function readAccountTotals(knex: Knex, accountIds?: string[]): Promise<AccountTotalsRow[]> {
  const { rows } = await knex.raw(
    `SELECT a.id,
            a.currency_code,
            a.balance::text AS balance,
            a.reserved::text AS reserved,
            a.available_credit::text AS available_credit,
            a.credit_limit::text AS credit_limit,
            COALESCE(s.amount, 0)::text AS entries_balance,
            COALESCE(s.reserved, 0)::text AS entries_reserved,
            COALESCE(s.unsessioned_reserved, 0)::text AS unsessioned_reserved,
            l.credit_limit_after::text AS last_credit_limit
       FROM "${ACCOUNT_TABLE}" a
       LEFT JOIN (
         SELECT account_id,
                SUM(amount) AS amount,
                SUM(reserved_delta) AS reserved,
                SUM(reserved_delta) FILTER (WHERE payment_session_id IS NULL) AS unsessioned_reserved
           FROM "${ENTRY_TABLE}"
          WHERE deleted_at IS NULL ${only("account_id", accountIds)}
          GROUP BY account_id
       ) s ON s.account_id = a.id
       LEFT JOIN LATERAL (
         SELECT e.credit_limit_after
           FROM "${ENTRY_TABLE}" e
          WHERE e.account_id = a.id AND e.deleted_at IS NULL
          ORDER BY e.seq DESC
          LIMIT 1
       ) l ON true
      WHERE a.deleted_at IS NULL ${only("a.id", accountIds)}
      ORDER BY a.id`,
    { accountIds: accountIds ?? [] }
  )
  return rows
}

/** Each checkout's entries (per payment session and account), summed, with the age of the newest. */
export async function readSessionLedger(knex: Knex, accountIds?: string[]): Promise<SessionLedgerRow[]> {
  const { rows } = await knex.raw(
    `SELECT payment_session_id,
            account_id,
            MIN(currency_code) AS currency_code,
            SUM(reserved_delta)::text AS reserved,
            (-SUM(amount))::text AS charged,
            (COUNT(*) FILTER (WHERE operation = 'purchased'))::int AS purchases,
            MAX(order_id) AS order_id,
            EXTRACT(EPOCH FROM (now() - MAX(created_at)))::float8 AS age_seconds
       FROM "${ENTRY_TABLE}"
      WHERE payment_session_id IS NOT NULL AND deleted_at IS NULL ${only("account_id", accountIds)}
      GROUP BY payment_session_id, account_id
      ORDER BY payment_session_id, account_id`,
    { accountIds: accountIds ?? [] }
  )
  return rows
}

/** Whether the append-only trigger exists on the entries table and is enabled. */
export async function appendOnlyTriggerState(knex: Knex): Promise<AppendOnlyTriggerState> {
  const { rows } = await knex.raw(
    `SELECT t.tgenabled
       FROM pg_trigger t
      WHERE t.tgrelid = to_regclass(?) AND t.tgname = ? AND NOT t.tgisinternal`,
    [ENTRY_TABLE, APPEND_ONLY_TRIGGER]
  )
  if (!rows.length) {
    return "missing"
  }
  // 'D' = disabled; 'O' (origin), 'A' (always), 'R' (replica) fire.
  return rows[0].tgenabled === "D" ? "disabled" : "installed"
}

/** The database's clock, which the entries' and payments' timestamps come from. */
export async function databaseNow(knex: Knex): Promise<Date> {
  const { rows } = await knex.raw("SELECT now() AS now")
  return new Date(rows[0].now)
}

const ORDER_OPS = [...ORDER_OPERATIONS]
const OWING = [...OWING_INVOICE_STATUSES]

/**
 * Every account's receivables next to its ledger, in one statement (a posting
 * writes its entry, invoices and allocations in one transaction): what the
 * credit history says is owed, the credits posted to it (everything that is
 * not an order's debit), what of them is allocated to invoices, and what the
 * invoices still owe; and the account row's running totals (unallocated
 * credit, outstanding orders) next to what the history says they are.
 */
export async function readAccountReceivables(knex: Knex, accountIds?: string[]): Promise<AccountReceivablesRow[]> {
  const { rows } = await knex.raw(
    `WITH ${pendingCtes(accountIds ? "accounts" : "all")}
     SELECT a.id,
            a.currency_code,
            COALESCE(e.balance, 0)::text AS ledger_balance,
            COALESCE(e.credits, 0)::text AS credits,
            COALESCE(al.allocated, 0)::text AS allocated,
            COALESCE(i.open_total, 0)::text AS open_total,
            COALESCE(i.owing, 0)::int AS owing_invoices,
            COALESCE(i.invoices, 0)::int AS invoices,
            COALESCE(u.un_invoiced, 0)::text AS un_invoiced,
            COALESCE(p.pending_credits, 0)::text AS pending_credits,
            COALESCE(o.total, 0)::text AS outstanding_total,
            COALESCE(o.orders, 0)::int AS outstanding_orders,
            a.unallocated_credit::text AS stored_unallocated_credit,
            a.outstanding_orders_total::text AS stored_outstanding_total,
            a.outstanding_orders_count AS stored_outstanding_orders
       FROM "${ACCOUNT_TABLE}" a
       LEFT JOIN (
         SELECT account_id,
                SUM(amount) AS balance,
                SUM(amount) FILTER (WHERE amount <> 0 AND NOT (operation = ANY(:orderOps) AND amount < 0)) AS credits
           FROM "${ENTRY_TABLE}"
          WHERE deleted_at IS NULL ${only("account_id", accountIds)}
          GROUP BY account_id
       ) e ON e.account_id = a.id
       LEFT JOIN (
         SELECT account_id, SUM(amount) AS allocated
           FROM "${ALLOCATION_TABLE}"
          WHERE deleted_at IS NULL ${only("account_id", accountIds)}
          GROUP BY account_id
       ) al ON al.account_id = a.id
       LEFT JOIN (
         SELECT account_id,
                SUM(amount_open) AS open_total,
                COUNT(*) FILTER (WHERE status = ANY(:owing)) AS owing,
                COUNT(*) AS invoices
           FROM "${INVOICE_TABLE}"
          WHERE deleted_at IS NULL ${only("account_id", accountIds)}
          GROUP BY account_id
       ) i ON i.account_id = a.id
       LEFT JOIN (
         SELECT e.account_id, -SUM(e.amount) AS un_invoiced
           FROM "${ENTRY_TABLE}" e
          WHERE e.deleted_at IS NULL AND e.operation = ANY(:orderOps) AND e.amount < 0 ${only("e.account_id", accountIds)}
            AND NOT EXISTS (SELECT 1 FROM "${INVOICE_TABLE}" x WHERE x.entry_id = e.id AND x.deleted_at IS NULL)
          GROUP BY e.account_id
       ) u ON u.account_id = a.id
       LEFT JOIN (SELECT account_id, SUM(amount) AS pending_credits FROM pending_credits GROUP BY account_id) p ON p.account_id = a.id
       LEFT JOIN (
         SELECT account_id, SUM(amount) AS total, COUNT(*) FILTER (WHERE amount > 0) AS orders
           FROM outstanding
          GROUP BY account_id
       ) o ON o.account_id = a.id
      WHERE a.deleted_at IS NULL ${only("a.id", accountIds)}
      ORDER BY a.id`,
    { orderOps: ORDER_OPS, owing: OWING, accountIds: accountIds ?? [] }
  )
  return rows
}

/** Invoices whose amounts paid, credited or open are not what their allocation rows add up to. */
export async function readInvoiceAllocationMismatches(knex: Knex, accountIds?: string[]): Promise<InvoiceAllocationsRow[]> {
  const { rows } = await knex.raw(
    `SELECT i.id, i.number, i.account_id, i.currency_code, i.order_id, i.payment_session_id,
            i.amount::text AS amount,
            i.amount_paid::text AS amount_paid,
            i.amount_credited::text AS amount_credited,
            i.amount_open::text AS amount_open,
            COALESCE(s.paid, 0)::text AS allocated_paid,
            COALESCE(s.credited, 0)::text AS allocated_credited
       FROM "${INVOICE_TABLE}" i
       LEFT JOIN (
         SELECT invoice_id,
                SUM(amount) FILTER (WHERE kind = 'payment') AS paid,
                SUM(amount) FILTER (WHERE kind = 'credit_note') AS credited
           FROM "${ALLOCATION_TABLE}"
          WHERE deleted_at IS NULL ${only("account_id", accountIds)}
          GROUP BY invoice_id
       ) s ON s.invoice_id = i.id
      WHERE i.deleted_at IS NULL ${only("i.account_id", accountIds)}
        AND (i.amount_paid <> COALESCE(s.paid, 0)
          OR i.amount_credited <> COALESCE(s.credited, 0)
          OR i.amount_open <> i.amount - i.amount_credited - i.amount_paid)
      ORDER BY i.account_id, i.number`,
    { accountIds: accountIds ?? [] }
  )
  return rows
}

/**
 * Invoices still owing for an order whose credit was given back: its
 * checkout has a `reverted` entry (canceled in the ledger), or its payment
 * session is one of `canceledSessions` (payments Medusa canceled).
 */
export async function readCanceledOrderInvoices(
  knex: Knex,
  canceledSessions: string[],
  accountIds?: string[]
): Promise<CanceledOrderInvoiceRow[]> {
  const { rows } = await knex.raw(
    `SELECT i.id, i.number, i.account_id, i.currency_code, i.order_id, i.payment_session_id,
            i.status, i.amount_open::text AS amount_open,
            EXISTS (
              SELECT 1 FROM "${ENTRY_TABLE}" r
               WHERE r.payment_session_id = i.payment_session_id AND r.operation = 'reverted' AND r.deleted_at IS NULL
            ) AS reverted_in_ledger
       FROM "${INVOICE_TABLE}" i
      WHERE i.deleted_at IS NULL ${only("i.account_id", accountIds)}
        AND i.status = ANY(:owing)
        AND i.payment_session_id IS NOT NULL
        AND (i.payment_session_id = ANY(CAST(:canceled AS text[]))
          OR EXISTS (
            SELECT 1 FROM "${ENTRY_TABLE}" r
             WHERE r.payment_session_id = i.payment_session_id AND r.operation = 'reverted' AND r.deleted_at IS NULL
          ))
      ORDER BY i.account_id, i.number`,
    { owing: OWING, canceled: canceledSessions, accountIds: accountIds ?? [] }
  )
  return rows
}

/**
 * Order debits (an order's `purchased` or `captured` entry with an amount)
 * and invoices that don't pair up one to one with the same amount: a debit
 * without its invoice, an invoice billing no debit, or the two amounts apart.
 */
export async function readOrderDebitInvoiceMismatches(knex: Knex, accountIds?: string[]): Promise<OrderDebitInvoiceRow[]> {
  const { rows } = await knex.raw(
    `WITH debits AS (
       SELECT id, account_id, currency_code, order_id, payment_session_id, -amount AS amount
         FROM "${ENTRY_TABLE}"
        WHERE operation = ANY(:orderOps) AND amount < 0 AND deleted_at IS NULL ${only("account_id", accountIds)}
     ), invoices AS (
       SELECT id, number, entry_id, account_id, currency_code, order_id, payment_session_id, amount
         FROM "${INVOICE_TABLE}"
        WHERE deleted_at IS NULL ${only("account_id", accountIds)}
     )
     SELECT d.id AS entry_id,
            i.id AS invoice_id,
            i.number AS invoice_number,
            COALESCE(d.account_id, i.account_id) AS account_id,
            COALESCE(d.currency_code, i.currency_code) AS currency_code,
            COALESCE(d.order_id, i.order_id) AS order_id,
            COALESCE(d.payment_session_id, i.payment_session_id) AS payment_session_id,
            d.amount::text AS debit,
            i.amount::text AS invoiced
       FROM debits d
       FULL JOIN invoices i ON i.entry_id = d.id
      WHERE d.id IS NULL OR i.id IS NULL OR d.amount <> i.amount
      ORDER BY 4, 1, 2`,
    { orderOps: ORDER_OPS, accountIds: accountIds ?? [] }
  )
  return rows
}
