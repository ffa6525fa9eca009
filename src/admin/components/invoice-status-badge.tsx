import { StatusBadge } from "@medusajs/ui"
import { invoiceBadge } from "../lib/receivables-labels"
import type { AdminInvoice } from "../lib/types"

/** A `YYYY-MM-DD` day as a local Date at noon, so the admin's time zone never shows it as the day before. */
export const dayDate = (day: string) => new Date(`${day}T12:00:00`)

/** The invoice's badge: Overdue (red) for an owing invoice past grace, else its status. */
export const InvoiceStatusBadge = ({ invoice }: { invoice: Pick<AdminInvoice, "status" | "overdue"> }) => {
  const badge = invoiceBadge(invoice)
  return (
    <StatusBadge color={badge.color} className="whitespace-nowrap">
      {badge.label}
    </StatusBadge>
  )
}
