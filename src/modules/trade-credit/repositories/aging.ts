import { AGING_BUCKETS, OWING_INVOICE_STATUSES } from "../constants"
import { AGING_BUCKET_RANGES, type AgingWindow } from "../utils/aging"
import { ACCOUNT_TABLE, ENTRY_TABLE } from "./ledger-locks"
import { ALLOCATION_TABLE, INVOICE_TABLE } from "./invoices"

/**
 * The debtors report's SQL: everything is aggregated in PostgreSQL over
 * `numeric` (one statement per page of rows, one for the totals), amounts
 * come back as text. Read-only, no lock.
 *
 * An invoice's open amount on `as_of` is its `amount_open` plus what the
 * allocations made after the end of that day took off it (allocations are
 * never changed or deleted), so a past day shows what was open then.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Knex = any

export type AgingQuery = { window: AgingWindow; currency_code?: string | null }

/** `sum(open_then) FILTER (...) AS "1_30"`, one per bucket, from AGING_BUCKET_RANGES. */
const bucketColumns = AGING_BUCKET_RANGES.map(({ bucket, min, max }) => {
  const conds = [min === null ? null : `days_past_due >= ${min}`, max === null ? null : `days_past_due <= ${max}`].filter(Boolean)
  return `coalesce(sum(open_then) FILTER (WHERE ${conds.join(" AND ")}), 0)::text AS "${bucket}"`
}).join(",\n       ")

const OWING = OWING_INVOICE_STATUSES.map((s) => `'${s}'`).join(", ")

/** The CTEs both statements share: open invoices on as_of, sales, paid invoices, last payments, per-account rows. */
function ctes(currencyFilter: string): string {
  return `
  later AS (
    SELECT invoice_id, sum(amount) AS amount, coalesce(sum(amount) FILTER (WHERE kind = 'credit_note'), 0) AS credited
      FROM ${ALLOCATION_TABLE} WHERE created_at >= :cutoff AND deleted_at IS NULL GROUP BY invoice_id
  ),
  open_inv AS (
    SELECT * FROM (
      SELECT i.id, i.account_id, i.number, i.due_date, i.due_at, i.overdue_at,
             i.amount_open + coalesce(l.amount, 0) AS open_then,
             (CAST(:as_of AS date) - i.due_date::date) AS days_past_due
        FROM ${INVOICE_TABLE} i LEFT JOIN later l ON l.invoice_id = i.id
       WHERE i.deleted_at IS NULL AND i.issued_at < :cutoff ${currencyFilter}
         AND (i.status IN (${OWING}) OR l.invoice_id IS NOT NULL)
    ) x WHERE open_then > 0
  ),
  per_account AS (
    SELECT account_id, count(*)::int AS open_invoices, sum(open_then) AS open_total,
       coalesce(sum(open_then) FILTER (WHERE overdue_at <= :at), 0)::text AS overdue_total,
       ${bucketColumns}
      FROM open_inv GROUP BY account_id
  ),
  oldest AS (
    SELECT DISTINCT ON (account_id) account_id, id, number, due_date, due_at, days_past_due
      FROM open_inv WHERE overdue_at <= :at ORDER BY account_id, due_at, number
  ),
  sales AS (
    SELECT i.account_id, i.currency_code, sum(i.amount - i.amount_credited + coalesce(l.credited, 0)) AS sales
      FROM ${INVOICE_TABLE} i LEFT JOIN later l ON l.invoice_id = i.id
     WHERE i.deleted_at IS NULL AND i.issued_at >= :sales_from AND i.issued_at < :cutoff ${currencyFilter}
     GROUP BY i.account_id, i.currency_code
  ),
  paid AS (
    SELECT i.account_id, i.currency_code,
           ((max(al.created_at) AT TIME ZONE :tz)::date - (i.issued_at AT TIME ZONE :tz)::date) AS days_to_pay
      FROM ${INVOICE_TABLE} i
      JOIN ${ALLOCATION_TABLE} al ON al.invoice_id = i.id AND al.kind = 'payment' AND al.amount > 0
                                 AND al.created_at < :cutoff AND al.deleted_at IS NULL
     WHERE i.deleted_at IS NULL AND i.status = 'paid' ${currencyFilter}
     GROUP BY i.id, i.account_id, i.currency_code, i.issued_at
    HAVING max(al.created_at) >= :paid_from
  ),
  last_payment AS (
    SELECT account_id, max(created_at) AS last_payment_at FROM ${ENTRY_TABLE}
     WHERE deleted_at IS NULL AND operation = 'reimbursed' AND amount > 0 AND created_at < :cutoff
     GROUP BY account_id
  ),
  paid_per_account AS (
    SELECT account_id, round(avg(days_to_pay), 1)::text AS average_days_to_pay FROM paid GROUP BY account_id
  ),
  sales_per_account AS (
    SELECT account_id, sum(sales) AS sales FROM sales GROUP BY account_id
  ),
  report_rows AS (
    SELECT a.id AS account_id, a.customer_id, a.customer_group_id, a.currency_code,
           a.credit_limit::text AS credit_limit, a.status, p.open_invoices, p.open_total,
           p.open_total::text AS open_total_text, p.overdue_total,
           ${AGING_BUCKETS.map((b) => `p."${b}"`).join(", ")},
           o.id AS oldest_id, o.number AS oldest_number, o.due_date AS oldest_due_date, o.due_at AS oldest_due_at,
           o.days_past_due AS oldest_days_overdue,
           lp.last_payment_at,
           pa.average_days_to_pay,
           coalesce(sa.sales, 0)::text AS sales
      FROM per_account p
      JOIN ${ACCOUNT_TABLE} a ON a.id = p.account_id AND a.deleted_at IS NULL
      LEFT JOIN oldest o ON o.account_id = p.account_id
      -- Joined, not correlated subqueries or a lateral: one pass over payments, paid invoices and
      -- sales, not one per account (5,000 accounts × 50,000 entries took minutes).
      LEFT JOIN paid_per_account pa ON pa.account_id = p.account_id
      LEFT JOIN sales_per_account sa ON sa.account_id = p.account_id
      LEFT JOIN last_payment lp ON lp.account_id = p.account_id
  )`
}

function params(q: AgingQuery) {
  const w = q.window
  return {
    cutoff: w.cutoff,
    at: w.at,
    as_of: w.as_of,
    tz: w.timezone,
    sales_from: w.sales_from,
    paid_from: w.paid_from,
    ...(q.currency_code ? { currency: q.currency_code.toLowerCase() } : {}),
  }
}

const currencyFilterOf = (q: AgingQuery) => (q.currency_code ? "AND i.currency_code = :currency" : "")

/** One row per account with open invoices on as_of, most owed first. */
const ROWS_SELECT = `SELECT account_id, customer_id, customer_group_id, currency_code, credit_limit, status, open_invoices,
       open_total_text AS open_total, overdue_total, ${AGING_BUCKETS.map((b) => `"${b}"`).join(", ")},
       oldest_id, oldest_number, oldest_due_date, oldest_due_at, oldest_days_overdue,
       last_payment_at, average_days_to_pay, sales
  FROM report_rows ORDER BY report_rows.open_total DESC, report_rows.account_id`

export type AgingRow = {
  account_id: string
  customer_id: string | null
  customer_group_id: string | null
  currency_code: string
  credit_limit: string
  status: string
  open_invoices: number
  open_total: string
  overdue_total: string
  oldest_id: string | null
  oldest_number: string | null
  oldest_due_date: string | null
  oldest_due_at: Date | null
  oldest_days_overdue: number | null
  last_payment_at: Date | null
  average_days_to_pay: string | null
  sales: string
} & Record<(typeof AGING_BUCKETS)[number], string>

/** The SQL and bindings of all report rows (no paging): the CSV export declares a cursor over it. */
export function agingRowsStatement(q: AgingQuery): { sql: string; bindings: Record<string, unknown> } {
  return { sql: `WITH ${ctes(currencyFilterOf(q))}\n${ROWS_SELECT}`, bindings: params(q) }
}

/** One page of report rows and the number of rows in all: ONE statement. */
export async function agingPage(knex: Knex, q: AgingQuery, page: { limit: number; offset: number }): Promise<{ rows: AgingRow[]; count: number }> {
  const { rows } = await knex.raw(
    `WITH ${ctes(currencyFilterOf(q))},
     page AS (${ROWS_SELECT} LIMIT :limit OFFSET :offset)
     SELECT (SELECT count(*) FROM report_rows)::int AS count, coalesce((SELECT json_agg(page) FROM page), '[]'::json) AS rows`,
    { ...params(q), limit: page.limit, offset: page.offset }
  )
  return { rows: rows[0].rows, count: rows[0].count }
}

export type AgingTotalsRow = {
  currency_code: string
  accounts: number
  open_invoices: number
  open_total: string
  overdue_total: string
  sales: string
  average_days_to_pay: string | null
} & Record<(typeof AGING_BUCKETS)[number], string>

/**
 * Totals per currency: the rows' sums, and the store's sales and average days
 * to pay over every account in that currency (also those with nothing open).
 */
export async function agingTotals(knex: Knex, q: AgingQuery): Promise<AgingTotalsRow[]> {
  const { rows } = await knex.raw(
    `WITH ${ctes(currencyFilterOf(q))},
     cur AS (
       SELECT currency_code FROM report_rows UNION SELECT currency_code FROM sales
     )
     SELECT c.currency_code,
            (SELECT count(*) FROM report_rows r WHERE r.currency_code = c.currency_code)::int AS accounts,
            (SELECT coalesce(sum(open_invoices), 0) FROM report_rows r WHERE r.currency_code = c.currency_code)::int AS open_invoices,
            (SELECT coalesce(sum(open_total), 0) FROM report_rows r WHERE r.currency_code = c.currency_code)::text AS open_total,
            (SELECT coalesce(sum(overdue_total::numeric), 0) FROM report_rows r WHERE r.currency_code = c.currency_code)::text AS overdue_total,
            ${AGING_BUCKETS.map((b) => `(SELECT coalesce(sum("${b}"::numeric), 0) FROM report_rows r WHERE r.currency_code = c.currency_code)::text AS "${b}"`).join(",\n            ")},
            (SELECT coalesce(sum(sales), 0) FROM sales s WHERE s.currency_code = c.currency_code)::text AS sales,
            (SELECT round(avg(days_to_pay), 1) FROM paid p WHERE p.currency_code = c.currency_code)::text AS average_days_to_pay
       FROM cur c ORDER BY c.currency_code`,
    params(q)
  )
  return rows
}
