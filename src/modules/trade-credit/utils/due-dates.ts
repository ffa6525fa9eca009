import { MedusaError } from "@medusajs/framework/utils"
import type { PaymentTermsType } from "../constants"

/**
 * Due dates and overdue, in the store's time zone (plugin option `timezone`,
 * an IANA name, default UTC). A due date is a calendar day ("2027-02-28"):
 * the time zone decides on which day an invoice was issued and when a day
 * ends. Pure; Intl only.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string

export const DEFAULT_TIMEZONE = "UTC"

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })
    } catch {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Trade credit: option "timezone" must be an IANA time zone name such as "Europe/Amsterdam" or "UTC", got ${JSON.stringify(timezone)}.`
      )
    }
    formatters.set(timezone, f)
  }
  return f
}

/** Refuses a time zone name Intl doesn't know (the module's options loader calls it). */
export function checkTimezone(timezone: string): string {
  formatter(timezone)
  return timezone
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(instant: Date, timezone: string) {
  const parts: Record<string, number> = {}
  for (const p of formatter(timezone).formatToParts(instant)) {
    if (p.type !== "literal") {
      parts[p.type] = Number(p.value)
    }
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

function parseDay(day: CalendarDay): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${JSON.stringify(day)} is not a calendar day (YYYY-MM-DD).`)
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/** The calendar day an instant falls on in a time zone. */
export function calendarDay(instant: Date, timezone: string = DEFAULT_TIMEZONE): CalendarDay {
  const w = wallClock(instant, timezone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

/** A calendar day plus (or minus) whole days. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = parseDay(day)
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days))
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  const a = parseDay(from)
  const b = parseDay(to)
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000)
}

/** The instant a calendar day begins in a time zone (its local midnight, or the first instant after a DST gap). */
export function startOfDay(day: CalendarDay, timezone: string = DEFAULT_TIMEZONE): Date {
  const d = parseDay(day)
  const wanted = Date.UTC(d.year, d.month - 1, d.day)
  // Offset of the zone at a guess, corrected once more for a DST change in between.
  let guess = wanted
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(guess), timezone)
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
    const next = guess - (asUtc - wanted)
    if (next === guess) {
      break
    }
    guess = next
  }
  // In a zone whose midnight is skipped (DST at 00:00), the day begins at the first instant on it.
  while (calendarDay(new Date(guess), timezone) < day) {
    guess += 15 * 60_000
  }
  return new Date(guess)
}

/** The instant a calendar day ends in a time zone: the next day's start. */
export function endOfDay(day: CalendarDay, timezone: string = DEFAULT_TIMEZONE): Date {
  return startOfDay(addDays(day, 1), timezone)
}

export type DueTerms = { type: PaymentTermsType | string; net_days?: number | null }

/**
 * THE due date of an invoice issued at `issuedAt` under `terms`, in `timezone`:
 * - `net_days` N: the issue day plus N days;
 * - `end_of_next_month` (Horizon's code 999): the last day of the month after
 *   the issue day's month (Jan 31 → Feb 28/29; Dec → Jan 31 of the next year);
 * - `prepayment`: due on the issue day.
 */
export function dueDate(issuedAt: Date, terms: DueTerms, timezone: string = DEFAULT_TIMEZONE): CalendarDay {
  const issued = calendarDay(issuedAt, timezone)
  switch (terms.type) {
    case "net_days": {
      const n = terms.net_days
      if (n === null || n === undefined || !Number.isInteger(n) || n < 0) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "net_days terms need a whole number of days.")
      }
      return addDays(issued, n)
    }
    case "end_of_next_month": {
      const d = parseDay(issued)
      // Day 0 of the month after next = the last day of next month.
      const last = new Date(Date.UTC(d.year, d.month + 1, 0))
      return `${pad(last.getUTCFullYear(), 4)}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`
    }
    case "prepayment":
      return issued
    default:
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown payment terms type ${JSON.stringify(terms.type)}.`)
  }
}

/**
 * The instant an invoice becomes overdue: the end of (due date + grace days)
 * in the store's time zone. Stored on the invoice so lists can filter on it;
 * `overdueState` is the only reader of the rule.
 */
export function overdueAt(due: CalendarDay, graceDays: number, timezone: string = DEFAULT_TIMEZONE): Date {
  return endOfDay(addDays(due, Math.max(0, graceDays)), timezone)
}

/**
 * THE overdue rule: an invoice still owing money is overdue once `now` is past
 * the end of (due date + grace days) in the store's time zone. `days_overdue`
 * counts calendar days since the due date (0 when not overdue), so an invoice
 * 3 days past a 2-day grace is 5 days overdue.
 */
export function overdueState(
  invoice: { due_date: CalendarDay; grace_days: number; owing: boolean },
  now: Date,
  timezone: string = DEFAULT_TIMEZONE
): { overdue: boolean; days_overdue: number } {
  if (!invoice.owing || now.getTime() < overdueAt(invoice.due_date, invoice.grace_days, timezone).getTime()) {
    return { overdue: false, days_overdue: 0 }
  }
  return { overdue: true, days_overdue: daysBetween(invoice.due_date, calendarDay(now, timezone)) }
}
