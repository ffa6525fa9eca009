import { AGING_BUCKETS, AGING_CSV_BATCH, DSO_PERIOD_DAYS, type HolderType } from "./constants"
import { agingPage, agingRowsStatement, agingTotals, type AgingQuery, type AgingRow, type AgingTotalsRow } from "./repositories/aging"
import { agingWindow, csvLine, dso, type AgingWindow } from "./utils/aging"
import { roundToCurrency, toAmount } from "./utils/money"
import type { AdminAgingReportResponse, AgingReportRow, AgingReportTotals } from "../../types/http"

/**
 * The debtors report (aged receivables): one row per account with open
 * invoices on `as_of`, most owed first, with its aging buckets, oldest overdue
 * invoice, last payment, average days to pay and DSO, and totals per
 * currency. JSON a page at a time, or CSV streamed from a database cursor.
 * Reads run in one REPEATABLE READ, read-only transaction, so rows and totals
 * are one snapshot.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Knex = any

export type AgingHolder = { holder: AgingReportRow["holder"]; email: string | null }
/** Holders (name, contact e-mail) of a page of rows, by account id. */
export type AgingHolders = (rows: Array<Pick<AgingRow, "account_id" | "customer_id" | "customer_group_id">>) => Promise<Map<string, AgingHolder>>

export type AgingReportInput = {
  /** A knex on the store's database. */
  knex: Knex
  timezone: string
  as_of?: string
  currency_code?: string | null
  holders: AgingHolders
  now?: Date
}

const iso = (v: Date | string | null | undefined) => (v === null || v === undefined ? null : new Date(v).toISOString())
const days = (v: string | null) => (v === null || v === undefined ? null : Number(v))

function holderFallback(row: AgingRow): AgingHolder {
  const type: HolderType = row.customer_id ? "customer" : "customer_group"
  return { holder: { type, id: (row.customer_id ?? row.customer_group_id)!, name: null }, email: null }
}

function formatRow(row: AgingRow, holder: AgingHolder | undefined): AgingReportRow {
  const h = holder ?? holderFallback(row)
  return {
    account_id: row.account_id,
    holder: h.holder,
    email: h.email,
    currency_code: row.currency_code,
    credit_limit: toAmount(row.credit_limit),
    status: row.status as AgingReportRow["status"],
    open_invoices: row.open_invoices,
    open_total: toAmount(row.open_total),
    overdue_total: toAmount(row.overdue_total),
    buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, toAmount(row[b])])) as AgingReportRow["buckets"],
    oldest_overdue_invoice: row.oldest_id
      ? {
          id: row.oldest_id,
          number: row.oldest_number!,
          due_date: row.oldest_due_date!,
          due_at: iso(row.oldest_due_at)!,
          days_overdue: Number(row.oldest_days_overdue),
        }
      : null,
    last_payment_at: iso(row.last_payment_at),
    average_days_to_pay: days(row.average_days_to_pay),
    sales: toAmount(row.sales),
    dso: dso(row.open_total, row.sales, DSO_PERIOD_DAYS),
  }
}

function formatTotals(row: AgingTotalsRow): AgingReportTotals {
  return {
    currency_code: row.currency_code,
    accounts: row.accounts,
    open_invoices: row.open_invoices,
    open_total: toAmount(row.open_total),
    overdue_total: toAmount(row.overdue_total),
    buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, toAmount(row[b])])) as AgingReportTotals["buckets"],
    average_days_to_pay: days(row.average_days_to_pay),
    sales: toAmount(row.sales),
    dso: dso(row.open_total, row.sales, DSO_PERIOD_DAYS),
  }
}

async function snapshot<T>(knex: Knex, work: (trx: Knex) => Promise<T>): Promise<T> {
  return await knex.transaction(async (trx: Knex) => {
    await trx.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    return await work(trx)
  })
}

function queryOf(input: AgingReportInput): AgingQuery & { window: AgingWindow } {
  return { window: agingWindow(input.as_of, input.now ?? new Date(), input.timezone), currency_code: input.currency_code ?? null }
}

/** One page of the report (JSON): rows, their count, and the totals. */
export async function agingReport(input: AgingReportInput, page: { limit: number; offset: number }): Promise<AdminAgingReportResponse> {
  const q = queryOf(input)
  const { rows, count, totals } = await snapshot(input.knex, async (trx) => {
    const found = await agingPage(trx, q, page)
    return { ...found, totals: await agingTotals(trx, q) }
  })
  const holders = rows.length ? await input.holders(rows) : new Map<string, AgingHolder>()
  return {
    as_of: q.window.as_of,
    timezone: q.window.timezone,
    currency_code: q.currency_code ? q.currency_code.toLowerCase() : null,
    dso_period_days: DSO_PERIOD_DAYS,
    accounts: rows.map((r) => formatRow(r, holders.get(r.account_id))),
    totals: totals.map(formatTotals),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}

/** The CSV columns, in order (`row_type` is `account` or `total`). */
export const AGING_CSV_COLUMNS = [
  "row_type",
  "account_id",
  "holder_type",
  "holder_id",
  "holder_name",
  "email",
  "currency_code",
  "credit_limit",
  "status",
  "accounts",
  "open_invoices",
  "open_total",
  "overdue_total",
  ...AGING_BUCKETS,
  "oldest_overdue_number",
  "oldest_overdue_due_date",
  "oldest_overdue_days",
  "last_payment_at",
  "average_days_to_pay",
  "sales",
  "dso",
] as const

const money = (v: string, currency: string) => roundToCurrency(v, currency)

function csvAccountLine(row: AgingRow, h: AgingHolder): string {
  const c = row.currency_code
  return csvLine([
    "account", row.account_id, h.holder.type, h.holder.id, h.holder.name, h.email, c,
    money(row.credit_limit, c), row.status, 1, row.open_invoices, money(row.open_total, c), money(row.overdue_total, c),
    ...AGING_BUCKETS.map((b) => money(row[b], c)),
    row.oldest_number, row.oldest_due_date, row.oldest_days_overdue, iso(row.last_payment_at), row.average_days_to_pay,
    money(row.sales, c), dso(row.open_total, row.sales, DSO_PERIOD_DAYS),
  ])
}

function csvTotalsLine(row: AgingTotalsRow): string {
  const c = row.currency_code
  return csvLine([
    "total", null, null, null, null, null, c, null, null, row.accounts, row.open_invoices, money(row.open_total, c), money(row.overdue_total, c),
    ...AGING_BUCKETS.map((b) => money(row[b], c)),
    null, null, null, null, row.average_days_to_pay, money(row.sales, c), dso(row.open_total, row.sales, DSO_PERIOD_DAYS),
  ])
}

export type CsvSink = {
  /** Called once, before the first line, with the report's day (a bad `as_of` throws before it). */
  start: (asOf: string) => void
  /** Resolves when the receiver can take more (backpressure). */
  write: (chunk: string) => Promise<void>
  /** True once the receiver went away: stops reading. */
  aborted: () => boolean
}

/**
 * The whole report as CSV: the header line, then the rows in the JSON's order
 * as a server-side cursor yields them (AGING_CSV_BATCH at a time, never all in
 * memory), then one `total` line per currency.
 */
export async function streamAgingCsv(input: AgingReportInput, sink: CsvSink): Promise<{ rows: number }> {
  const q = queryOf(input)
  const { write, aborted } = sink
  const { sql, bindings } = agingRowsStatement(q)
  let count = 0
  sink.start(q.window.as_of)
  await write(csvLine([...AGING_CSV_COLUMNS]))
  await snapshot(input.knex, async (trx) => {
    await trx.raw(`DECLARE trade_credit_aging NO SCROLL CURSOR FOR ${sql}`, bindings)
    for (;;) {
      const { rows } = (await trx.raw(`FETCH ${AGING_CSV_BATCH} FROM trade_credit_aging`)) as { rows: AgingRow[] }
      if (!rows.length || aborted()) {
        break
      }
      const holders = await input.holders(rows)
      await write(rows.map((r) => csvAccountLine(r, holders.get(r.account_id) ?? holderFallback(r))).join(""))
      count += rows.length
      if (rows.length < AGING_CSV_BATCH) {
        break
      }
    }
    if (!aborted()) {
      await write((await agingTotals(trx, q)).map(csvTotalsLine).join(""))
    }
  })
  return { rows: count }
}
