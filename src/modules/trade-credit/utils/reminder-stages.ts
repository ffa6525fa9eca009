import { MedusaError } from "@medusajs/framework/utils"
import {
  DEFAULT_REMINDER_STAGES,
  MAX_REMINDER_STAGE_DAYS,
  MAX_REMINDER_STAGE_NAME_LENGTH,
  REMINDER_STAGE_KINDS,
  type ReminderStageKind,
} from "../constants"

/**
 * Reminder stages: when an invoice gets which reminder. Pure functions; the
 * reminder job joins them to the invoices and records what it sent.
 */

/** A stage as the plugin option `reminder_stages` lists it. */
export type ReminderStageOption = {
  /** Unique; stored with every reminder sent, so renaming a stage sends it again. */
  name: string
  /** Days relative to the due date: -3 = three days before, 0 = on the due date, 7 = a week after. */
  days_after_due: number
  /** The wording; default from `days_after_due` (see REMINDER_STAGE_KINDS), `final_notice` for the last stage after due. */
  kind?: ReminderStageKind
}

export type ReminderStage = Required<ReminderStageOption>

export const REMINDER_STAGES_OPTION = "reminder_stages"

const STAGE_NAME = /^[a-z0-9_]+$/

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: option "${REMINDER_STAGES_OPTION}" ${message}`)
}

/**
 * The stages from the plugin option, checked and sorted by day, each with
 * its kind. `undefined` gives DEFAULT_REMINDER_STAGES; `[]` turns reminders
 * off. Throws, naming the stage, on a bad name, day or kind, or two stages
 * with one name or one day.
 */
export function normalizeReminderStages(option: unknown): ReminderStage[] {
  const listed = option === undefined || option === null ? DEFAULT_REMINDER_STAGES : option
  if (!Array.isArray(listed)) {
    fail(`must be a list of stages like [{ name: "overdue_7", days_after_due: 7 }], or [] for no reminders; got ${JSON.stringify(option)}.`)
  }
  const seenNames = new Set<string>()
  const seenDays = new Map<number, string>()
  const stages = (listed as unknown[]).map((raw, index) => {
    const stage = (raw ?? {}) as Record<string, unknown>
    const label = typeof stage.name === "string" ? `stage "${stage.name}"` : `stage ${index + 1}`
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      fail(`: ${label} must be { name, days_after_due, kind? }, got ${JSON.stringify(raw)}.`)
    }
    const name = stage.name
    if (typeof name !== "string" || !STAGE_NAME.test(name) || name.length > MAX_REMINDER_STAGE_NAME_LENGTH) {
      fail(`: ${label} needs a name of lower-case letters, digits and "_" (at most ${MAX_REMINDER_STAGE_NAME_LENGTH}), got ${JSON.stringify(name)}.`)
    }
    const days = stage.days_after_due
    if (typeof days !== "number" || !Number.isInteger(days) || Math.abs(days) > MAX_REMINDER_STAGE_DAYS) {
      fail(`: ${label} needs days_after_due, a whole number of days from -${MAX_REMINDER_STAGE_DAYS} to ${MAX_REMINDER_STAGE_DAYS} (negative = before the due date), got ${JSON.stringify(days)}.`)
    }
    if (stage.kind !== undefined && !(REMINDER_STAGE_KINDS as readonly unknown[]).includes(stage.kind)) {
      fail(`: ${label} has kind ${JSON.stringify(stage.kind)}; kinds are ${REMINDER_STAGE_KINDS.join(", ")}.`)
    }
    if (seenNames.has(name)) {
      fail(`lists the stage name "${name}" twice.`)
    }
    if (seenDays.has(days)) {
      fail(`has two stages on day ${days} ("${seenDays.get(days)}" and "${name}"): one reminder per day.`)
    }
    seenNames.add(name)
    seenDays.set(days, name)
    return { name, days_after_due: days, kind: stage.kind as ReminderStageKind | undefined }
  })
  stages.sort((a, b) => a.days_after_due - b.days_after_due)
  const lastAfterDue = stages.filter((s) => s.days_after_due > 0).at(-1)
  return stages.map((s) => ({
    name: s.name,
    days_after_due: s.days_after_due,
    kind: s.kind ?? (s === lastAfterDue ? "final_notice" : kindOfDay(s.days_after_due)),
  }))
}

function kindOfDay(days: number): ReminderStageKind {
  return days < 0 ? "upcoming" : days === 0 ? "due" : "overdue"
}

const DAY_MS = 86_400_000
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The calendar day of `value` in `timeZone` (IANA), as a day number (days
 * since 1970-01-01). A "YYYY-MM-DD" string is a calendar date already and is
 * taken as it is; a Date or a timestamp is read on the clock of `timeZone`.
 */
export function calendarDay(value: Date | string, timeZone = "UTC"): number {
  if (typeof value === "string") {
    const date = CALENDAR_DATE.exec(value)
    if (date) {
      return Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / DAY_MS
    }
  }
  const instant = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(instant.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a date: ${JSON.stringify(value)}.`)
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  )
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY_MS
}

/** Whole calendar days from the due date to `now` in `timeZone`: negative before, 0 on the due date. */
export function daysAfterDue(dueAt: Date | string, now: Date, timeZone = "UTC"): number {
  return calendarDay(now, timeZone) - calendarDay(dueAt, timeZone)
}

export type DueReminderInput = {
  /** The invoice's due date: a "YYYY-MM-DD" calendar date or a timestamp (read in `timezone`). */
  due_at: Date | string
  /** Days after the due date before the invoice counts as overdue. */
  grace_days?: number | null
  now: Date
  /** Names of the stages already sent (or being sent) for this invoice. */
  sent_stages: readonly string[]
  stages: readonly ReminderStage[]
  /** IANA time zone that decides which calendar day it is. Default UTC. */
  timezone?: string
}

export type DueReminder = {
  /** The stage to send now, or null. */
  stage: ReminderStage | null
  /** Earlier stages whose day passed without a send: never sent any more (only the latest is). */
  superseded: ReminderStage[]
  days_after_due: number
}

/**
 * Which reminder an invoice gets today, if any:
 * - a stage is reached on its day (due date + `days_after_due`, calendar days
 *   in `timezone`) and stays reached;
 * - a stage after the due date also waits until the invoice is overdue (past
 *   the due date's day + `grace_days`): no "overdue" e-mail inside the grace;
 * - only stages later than the latest stage already sent count, and of those
 *   reached only the latest is sent: a job that missed days, or an invoice
 *   issued late, gets one reminder, never a burst of stale ones; the earlier
 *   ones are `superseded`.
 * Stage names in `sent_stages` that are no longer configured are ignored.
 */
export function dueReminderStage(input: DueReminderInput): DueReminder {
  const days = daysAfterDue(input.due_at, input.now, input.timezone)
  const grace = Math.max(0, input.grace_days ?? 0)
  const sent = new Set(input.sent_stages)
  const latestSent = input.stages.filter((s) => sent.has(s.name)).reduce((max, s) => Math.max(max, s.days_after_due), -Infinity)
  const reached = input.stages.filter(
    (s) => s.days_after_due > latestSent && s.days_after_due <= days && (s.days_after_due <= 0 || days > grace)
  )
  return {
    stage: reached.at(-1) ?? null,
    superseded: reached.slice(0, -1),
    days_after_due: days,
  }
}
