import { AGING_BUCKETS, INVOICE_STATUSES, REMINDER_STATUSES } from "../../../modules/trade-credit/constants"
import { EMPTY_FILTERS, countActiveFilters, toListParams } from "../account-filters"
import { chaseNoteSchema, invoiceDisputeSchema } from "../form-schemas"
import {
  AGING_BUCKET_LABELS,
  INVOICE_STATUS_LABELS,
  INVOICE_TAB_QUERIES,
  REMINDER_STATUS_LABELS,
  isOverdue,
  runSummary,
  stageLabel,
} from "../receivables-labels"

describe("the admin's receivables words", () => {
  it("has a label for every invoice status, reminder status and aging bucket", () => {
    expect(INVOICE_STATUSES.map((s) => INVOICE_STATUS_LABELS[s])).toEqual(["Open", "Partially paid", "Paid", "Void"])
    expect(REMINDER_STATUSES.every((s) => REMINDER_STATUS_LABELS[s])).toBe(true)
    expect(AGING_BUCKETS.map((b) => AGING_BUCKET_LABELS[b])).toEqual(["Current", "1-30 days", "31-60 days", "61-90 days", "90+ days"])
  })

  it("shows Overdue only on an invoice still owed", () => {
    expect(isOverdue({ status: "open", overdue: true })).toBe(true)
    expect(isOverdue({ status: "partially_paid", overdue: true })).toBe(true)
    expect(isOverdue({ status: "open", overdue: false })).toBe(false)
    expect(isOverdue({ status: "paid", overdue: true })).toBe(false)
    expect(isOverdue({ status: "void", overdue: true })).toBe(false)
  })

  it("asks the invoice list for what each tab means", () => {
    expect(INVOICE_TAB_QUERIES.open).toEqual({ status: ["open", "partially_paid"] })
    expect(INVOICE_TAB_QUERIES.overdue).toEqual({ status: ["open", "partially_paid"], overdue: "true" })
    expect(INVOICE_TAB_QUERIES.paid).toEqual({ status: ["paid"], order: "-due_at" })
  })

  it("names reminder stages in words", () => {
    expect(stageLabel("overdue_14")).toBe("Overdue 14")
    expect(stageLabel("final_notice")).toBe("Final notice")
    expect(stageLabel("due")).toBe("Due")
  })

  it("sums up a credit-control run for the toast", () => {
    expect(runSummary({ marked_overdue: 0, stopped: 0, released: 0, emails_sent: {}, emails_failed: 0 })).toBe(
      "0 invoices marked overdue · 0 accounts put on stop · 0 accounts released · no reminder due"
    )
    expect(
      runSummary({ marked_overdue: 1, stopped: 1, released: 2, emails_sent: { due: 1, overdue_7: 2 }, emails_failed: 1 })
    ).toBe(
      "1 invoice marked overdue · 1 account put on stop · 2 accounts released · 3 reminders sent (Due: 1, Overdue 7: 2) · 1 e-mail failed, retried on the next run"
    )
  })
})

describe("the accounts list's Due for a chase filter", () => {
  it("asks for due_for_chase=true only when ticked, and counts as a filter", () => {
    expect(toListParams(EMPTY_FILTERS)).toEqual({ order: "balance" })
    expect(countActiveFilters(EMPTY_FILTERS)).toBe(0)
    const ticked = { ...EMPTY_FILTERS, due_for_chase: true }
    expect(toListParams(ticked)).toEqual({ order: "balance", due_for_chase: "true" })
    expect(countActiveFilters(ticked)).toBe(1)
  })
})

describe("the receivables forms", () => {
  it("needs a chase note's text, and a day or nothing as the next chase", () => {
    expect(chaseNoteSchema.safeParse({ body: "  ", next_chase_at: "" }).success).toBe(false)
    expect(chaseNoteSchema.safeParse({ body: "Promised Friday", next_chase_at: "" }).success).toBe(true)
    expect(chaseNoteSchema.safeParse({ body: "Promised Friday", next_chase_at: "2026-12-04" }).success).toBe(true)
    expect(chaseNoteSchema.safeParse({ body: "Promised Friday", next_chase_at: "Friday" }).success).toBe(false)
  })

  it("keeps a dispute note within the comment length", () => {
    expect(invoiceDisputeSchema.safeParse({ reminders_paused: true, dispute_note: "Short delivery" }).success).toBe(true)
    expect(invoiceDisputeSchema.safeParse({ reminders_paused: false, dispute_note: "x".repeat(2001) }).success).toBe(false)
  })
})
