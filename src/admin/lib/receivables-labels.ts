/**
 * Words and colours of the receivables side (invoices, allocations,
 * reminders, aging buckets), typed by the module's constants: a status or
 * bucket added there without a label here fails to compile.
 */
import {
  AGING_BUCKETS,
  ALLOCATION_KINDS,
  INVOICE_STATUSES,
  OWING_INVOICE_STATUSES,
  REMINDER_STATUSES,
} from "../../modules/trade-credit/constants"
import type { BadgeColor } from "./format"
import type { AgingBucket, AllocationKind, CreditControlRunResponse, InvoiceStatus, ReminderStatus } from "./types"

export { AGING_BUCKETS, ALLOCATION_KINDS, INVOICE_STATUSES, OWING_INVOICE_STATUSES, REMINDER_STATUSES }

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  open: "Open",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
}

export const INVOICE_STATUS_COLORS: Record<InvoiceStatus, BadgeColor> = {
  open: "blue",
  partially_paid: "orange",
  paid: "green",
  void: "grey",
}

/** Whether the invoice shows "Overdue": still owed and past its due date and grace days. */
export function isOverdue(invoice: { status: InvoiceStatus; overdue: boolean }): boolean {
  return invoice.overdue && OWING_INVOICE_STATUSES.includes(invoice.status)
}

export const ALLOCATION_KIND_LABELS: Record<AllocationKind, string> = {
  payment: "Payment",
  credit_note: "Credit note",
}

export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  pending: "Sending",
  sent: "Sent",
  failed: "Failed, retried next run",
}

export const REMINDER_STATUS_COLORS: Record<ReminderStatus, BadgeColor> = {
  pending: "orange",
  sent: "green",
  failed: "red",
}

/** A reminder stage's name in words: "overdue_14" → "Overdue 14". */
export function stageLabel(stage: string): string {
  const words = stage.replace(/_/g, " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Days past due of each bucket (`utils/aging.ts` AGING_BUCKET_RANGES). */
export const AGING_BUCKET_LABELS: Record<AgingBucket, string> = {
  current: "Current",
  "1_30": "1-30 days",
  "31_60": "31-60 days",
  "61_90": "61-90 days",
  "90_plus": "90+ days",
}

/** The same, short, for the debtors table's column headers. */
export const AGING_BUCKET_SHORT_LABELS: Record<AgingBucket, string> = {
  current: "Current",
  "1_30": "1-30",
  "31_60": "31-60",
  "61_90": "61-90",
  "90_plus": "90+",
}

/** From calm to alarming: the chart's segments and the table's headers. */
export const AGING_BUCKET_COLORS: Record<AgingBucket, string> = {
  current: "#22c55e",
  "1_30": "#facc15",
  "31_60": "#fb923c",
  "61_90": "#ef4444",
  "90_plus": "#991b1b",
}

/** The invoice list's tabs on a company or customer page. */
export const INVOICE_TABS = ["open", "overdue", "paid"] as const
export type InvoiceTab = (typeof INVOICE_TABS)[number]

export const INVOICE_TAB_LABELS: Record<InvoiceTab, string> = {
  open: "Open",
  overdue: "Overdue",
  paid: "Paid",
}

/** What each tab asks the list for: open = everything still owed (overdue included), paid = settled, newest due first. */
export const INVOICE_TAB_QUERIES: Record<InvoiceTab, { status: InvoiceStatus[]; overdue?: "true"; order?: string }> = {
  open: { status: [...OWING_INVOICE_STATUSES] },
  overdue: { status: [...OWING_INVOICE_STATUSES], overdue: "true" },
  paid: { status: ["paid"], order: "-due_at" },
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** What a credit-control run did, in one sentence per kind of work. */
export function runSummary(run: CreditControlRunResponse): string {
  const stages = Object.entries(run.emails_sent)
  const emails = stages.reduce((n, [, count]) => n + count, 0)
  const parts = [
    `${plural(run.marked_overdue, "invoice", "invoices")} marked overdue`,
    `${plural(run.stopped, "account", "accounts")} put on stop`,
    `${plural(run.released, "account", "accounts")} released`,
    emails === 0
      ? "no reminder due"
      : `${plural(emails, "reminder", "reminders")} sent (${stages.map(([stage, count]) => `${stageLabel(stage)}: ${count}`).join(", ")})`,
  ]
  if (run.emails_failed > 0) {
    parts.push(`${plural(run.emails_failed, "e-mail", "e-mails")} failed, retried on the next run`)
  }
  return parts.join(" · ")
}

