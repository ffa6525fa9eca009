import { StatusBadge } from "@medusajs/ui"
import { INVOICE_STATUS_COLORS, INVOICE_STATUS_LABELS, isOverdue } from "../lib/receivables-labels"
import type { AdminInvoice } from "../lib/types"

/** A `YYYY-MM-DD` day as a local Date at noon, so the admin's time zone never shows it as the day before. */
export const dayDate = (day: string) => new Date(`${day}T12:00:00`)

/** The invoice's status (Open, Partially paid, Paid, Void), and a red "Overdue" beside it while it is owed past grace. */
export const InvoiceStatusBadge = ({ invoice }: { invoice: Pick<AdminInvoice, "status" | "overdue"> }) => (
  <span className="inline-flex items-center gap-x-1">
    <StatusBadge color={INVOICE_STATUS_COLORS[invoice.status] ?? "grey"} className="whitespace-nowrap">
      {INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status}
    </StatusBadge>
    {isOverdue(invoice) && (
      <StatusBadge color="red" className="whitespace-nowrap">
        Overdue
      </StatusBadge>
    )}
  </span>
)
