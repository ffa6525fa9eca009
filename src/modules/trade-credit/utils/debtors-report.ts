import { MathBN } from "@medusajs/framework/utils"
import { AGING_BUCKETS } from "../constants"
import type { AgingReportRow, AgingReportTotals } from "../../../types/http"
import { calendarDay, type CalendarDay, wallClock } from "./due-dates"
import { formatMoney } from "./reminder-email"
import { escapeHtml, type RenderedEmail } from "./reminder-templates"

/**
 * The weekly debtors report e-mail (option `report_recipients`): which ISO
 * week a moment belongs to, whether that week's report is due, and the
 * e-mail's summary (totals per currency, aging buckets, DSO, top debtors).
 * The CSV attached is the aging report's (`?format=csv`).
 */

/** The weekly report goes out from Monday at this hour (the plugin's time zone) on. */
export const WEEKLY_REPORT_HOUR = 7
/** How many debtors (most owed first) the e-mail lists; the CSV has them all. */
export const REPORT_TOP_DEBTORS = 10

/** ISO 8601 week of a calendar day: `2026-W49` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: CalendarDay): string {
  const [y, m, d] = day.split("-").map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  const weekday = date.getUTCDay() || 7
  // The Thursday of the same week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const year = date.getUTCFullYear()
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7)
  return `${year}-W${String(week).padStart(2, "0")}`
}

/**
 * The week whose report is due at `now` in `timezone`, or null: due from
 * Monday WEEKLY_REPORT_HOUR:00 local time to the end of Sunday (a worker down
 * on Monday morning still sends that week's report later; the intent row per
 * week keeps it to one).
 */
export function weeklyReportDue(now: Date, timezone: string): string | null {
  const day = calendarDay(now, timezone)
  const [y, m, d] = day.split("-").map(Number)
  const monday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1
  if (monday && wallClock(now, timezone).hour < WEEKLY_REPORT_HOUR) {
    return null
  }
  return isoWeek(day)
}

export type DebtorsReportEmailInput = {
  as_of: string
  dso_period_days: number
  totals: AgingReportTotals[]
  /** Most owed first; the first REPORT_TOP_DEBTORS are listed. */
  accounts: AgingReportRow[]
  /** How many accounts owe (all of them are in the CSV). */
  count: number
  store_name: string | null
  locale: string
  csv_filename: string
}

const BUCKET_LABELS: Record<(typeof AGING_BUCKETS)[number], string> = {
  current: "Current",
  "1_30": "1-30",
  "31_60": "31-60",
  "61_90": "61-90",
  "90_plus": "90+",
}

/** The report e-mail: subject, HTML and plain text (amounts in the locale, exact decimals). */
export function renderDebtorsReportEmail(input: DebtorsReportEmailInput): RenderedEmail {
  const money = (v: number, c: string) => formatMoney(MathBN.convert(v), c, input.locale)
  const dso = (v: number | null) => (v === null ? "-" : `${v} days`)
  const store = input.store_name ? `${input.store_name}: ` : ""
  const subject = `${store}debtors report as of ${input.as_of}`
  const top = input.accounts.slice(0, REPORT_TOP_DEBTORS)
  const text: string[] = [`Debtors report as of ${input.as_of}${input.store_name ? ` (${input.store_name})` : ""}`, ""]
  if (!input.totals.length) {
    text.push("No account has open invoices.")
  }
  for (const t of input.totals) {
    const c = t.currency_code
    text.push(
      `${c.toUpperCase()}: ${money(t.open_total, c)} open on ${t.open_invoices} invoice(s) of ${t.accounts} account(s), ${money(t.overdue_total, c)} overdue; DSO ${dso(t.dso)} (${input.dso_period_days} days)`,
      `  ${AGING_BUCKETS.map((b) => `${BUCKET_LABELS[b]}: ${money(t.buckets[b], c)}`).join(" | ")}`
    )
  }
  if (top.length) {
    text.push("", `Top debtors (${top.length} of ${input.count}):`)
    for (const [i, r] of top.entries()) {
      const oldest = r.oldest_overdue_invoice ? `, oldest overdue ${r.oldest_overdue_invoice.number} (${r.oldest_overdue_invoice.days_overdue} days)` : ""
      text.push(`${i + 1}. ${r.holder.name ?? r.holder.id}: ${money(r.open_total, r.currency_code)} open, ${money(r.overdue_total, r.currency_code)} overdue${oldest}`)
    }
  }
  text.push("", `The full report is attached: ${input.csv_filename}.`)

  const th = (s: string, right = false) => `<th style="text-align:${right ? "right" : "left"};padding:4px 8px">${escapeHtml(s)}</th>`
  const td = (s: string, right = false) => `<td style="text-align:${right ? "right" : "left"};padding:4px 8px">${escapeHtml(s)}</td>`
  const totalsTable = input.totals.length
    ? `<table style="border-collapse:collapse"><tr>${th("Currency")}${th("Open", true)}${th("Overdue", true)}${AGING_BUCKETS.map((b) => th(BUCKET_LABELS[b], true)).join("")}${th("DSO", true)}</tr>${input.totals
        .map(
          (t) =>
            `<tr>${td(t.currency_code.toUpperCase())}${td(money(t.open_total, t.currency_code), true)}${td(money(t.overdue_total, t.currency_code), true)}${AGING_BUCKETS.map((b) =>
              td(money(t.buckets[b], t.currency_code), true)
            ).join("")}${td(dso(t.dso), true)}</tr>`
        )
        .join("")}</table>`
    : `<p>No account has open invoices.</p>`
  const topTable = top.length
    ? `<h3>Top debtors (${top.length} of ${input.count})</h3><table style="border-collapse:collapse"><tr>${th("Account")}${th("Open", true)}${th("Overdue", true)}${th("Oldest overdue")}</tr>${top
        .map(
          (r) =>
            `<tr>${td(r.holder.name ?? r.holder.id)}${td(money(r.open_total, r.currency_code), true)}${td(money(r.overdue_total, r.currency_code), true)}${td(
              r.oldest_overdue_invoice ? `${r.oldest_overdue_invoice.number} (${r.oldest_overdue_invoice.days_overdue} days)` : "-"
            )}</tr>`
        )
        .join("")}</table>`
    : ""
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h2>${escapeHtml(subject)}</h2>${totalsTable}${topTable}<p>${escapeHtml(
    `The full report is attached: ${input.csv_filename}. DSO over the last ${input.dso_period_days} days.`
  )}</p></body></html>`
  return { subject, html, text: text.join("\n") + "\n" }
}
