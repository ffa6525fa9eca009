import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { AGING_BUCKETS, type AgingBucket, DAYS_TO_PAY_PERIOD_DAYS, DSO_PERIOD_DAYS } from "../constants"
import { addDays, type CalendarDay, calendarDay, daysBetween, DEFAULT_TIMEZONE, endOfDay, startOfDay } from "./due-dates"

/**
 * The debtors report's rules, pure: which aging bucket an open amount falls
 * in, the report's day and instants in the store's time zone, and DSO. The
 * SQL (repositories/aging.ts) is built from `AGING_BUCKET_RANGES`, so the
 * bucket rule is written once.
 */

/** Days past due covered by each bucket, both ends inclusive (`max: null` = no end; `min: null` = any day not yet past due). */
export const AGING_BUCKET_RANGES: ReadonlyArray<{ bucket: AgingBucket; min: number | null; max: number | null }> = [
  { bucket: "current", min: null, max: 0 },
  { bucket: "1_30", min: 1, max: 30 },
  { bucket: "31_60", min: 31, max: 60 },
  { bucket: "61_90", min: 61, max: 90 },
  { bucket: "90_plus", min: 91, max: null },
]

/**
 * THE bucket rule: an open amount is aged by whole calendar days past its due
 * date on the report's day (grace days don't move it: an invoice one day past
 * due is in `1_30` even while its grace runs). Due today or later: `current`.
 */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (!Number.isInteger(daysPastDue)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Days past due must be a whole number, got ${daysPastDue}.`)
  }
  const found = AGING_BUCKET_RANGES.find((r) => (r.min === null || daysPastDue >= r.min) && (r.max === null || daysPastDue <= r.max))
  return found!.bucket
}

/** Whole calendar days from the due day to the report's day (negative before due). */
export function daysPastDue(dueDay: CalendarDay, asOf: CalendarDay): number {
  return daysBetween(dueDay, asOf)
}

/** Every bucket at zero. */
export function emptyBuckets<T>(zero: T): Record<AgingBucket, T> {
  return Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero])) as Record<AgingBucket, T>
}

export type AgingWindow = {
  /** The report's day in the store's time zone. */
  as_of: CalendarDay
  timezone: string
  /** The end of that day: invoices issued and allocations made before it count. */
  cutoff: Date
  /** The instant overdue is judged at: now for today, else the end of `as_of`. */
  at: Date
  /** First instant of the DSO period (DSO_PERIOD_DAYS days ending on `as_of`). */
  sales_from: Date
  /** First instant of the average-days-to-pay period. */
  paid_from: Date
}

/**
 * The report's day and instants: `as_of` (default today) is a calendar day in
 * the store's time zone (plugin option `timezone`); a day after today is
 * refused (the report shows what was, not a forecast).
 */
export function agingWindow(asOf: CalendarDay | undefined, now: Date, timezone: string = DEFAULT_TIMEZONE): AgingWindow {
  const today = calendarDay(now, timezone)
  const day = asOf ?? today
  if (daysBetween(today, day) > 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `as_of ${day} is after today (${today} in ${timezone}): the report can only show a day that has begun.`
    )
  }
  const cutoff = endOfDay(day, timezone)
  return {
    as_of: day,
    timezone,
    cutoff,
    at: cutoff.getTime() < now.getTime() ? cutoff : now,
    sales_from: startOfDay(addDays(day, 1 - DSO_PERIOD_DAYS), timezone),
    paid_from: startOfDay(addDays(day, 1 - DAYS_TO_PAY_PERIOD_DAYS), timezone),
  }
}

/**
 * Days sales outstanding: open receivables on `as_of` / net sales invoiced in
 * the `periodDays` days ending on `as_of` (invoice amounts less their credit
 * notes) × `periodDays`, to one decimal, half up. Null when nothing was
 * invoiced in the period (DSO is undefined).
 */
export function dso(receivables: BigNumberInput, sales: BigNumberInput, periodDays: number = DSO_PERIOD_DAYS): number | null {
  const s = MathBN.convert(sales)
  if (s.lte(0)) {
    return null
  }
  return MathBN.convert(MathBN.div(MathBN.mult(receivables, periodDays), s), 1).toNumber()
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =, +, - or @ (other than in a number) is prefixed with ' so spreadsheets don't run it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line, CRLF-terminated. */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`
}
