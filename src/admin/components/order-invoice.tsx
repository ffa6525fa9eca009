import { Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { useAccount } from "../hooks/accounts"
import { useInvoices } from "../hooks/invoices"
import { useFormat } from "../hooks/use-format"
import type { AdminInvoice } from "../lib/types"
import { InvoiceDrawer } from "./invoice-drawer"
import { dayDate, InvoiceStatusBadge } from "./invoice-status-badge"
import { Money } from "./money"
import { ReimburseBalanceDrawer } from "./reimburse-balance-drawer"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="txt-compact-small flex items-center justify-between gap-x-4">
    <span className="text-ui-fg-subtle">{label}</span>
    <span className="text-right">{children}</span>
  </div>
)

/** "Record payment" against the order's invoice, with the account it is owed on. */
const PayInvoiceDrawer = ({ invoice, onClose }: { invoice: AdminInvoice; onClose: () => void }) => {
  const { data } = useAccount(invoice.account_id)
  if (!data) {
    return null
  }
  return <ReimburseBalanceDrawer account={data.account} invoice={invoice} open onOpenChange={(open) => !open && onClose()} />
}

/**
 * The order's invoice in the order's "Pay on account" panel: number (opens
 * it), status, amount open, due date, days overdue. Nothing while the order
 * has no invoice yet (held for review, or invoiced when it ships).
 */
export const OrderInvoice = ({ orderId }: { orderId: string }) => {
  const fmt = useFormat()
  const { data, isLoading } = useInvoices({ order_id: orderId, limit: 5, order: "issued_at" })
  const [open, setOpen] = useState<string | null>(null)
  const [paying, setPaying] = useState<AdminInvoice | null>(null)
  const invoices = data?.invoices ?? []
  if (isLoading) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" aria-label="Order invoice" data-testid="order-invoice">
      {invoices.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          Not invoiced yet.
        </Text>
      ) : (
        invoices.map((invoice) => (
          <div key={invoice.id} className="flex flex-col gap-y-2">
            <Row label="Invoice">
              <button
                type="button"
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
                onClick={() => setOpen(invoice.id)}
              >
                {invoice.number}
              </button>
            </Row>
            <Row label="Status">
              <InvoiceStatusBadge invoice={invoice} />
            </Row>
            <Row label="Amount open">
              <Money amount={invoice.amount_open} currency={invoice.currency_code} />
            </Row>
            <Row label="Due">
              {fmt.date(dayDate(invoice.due_date))}
              {invoice.overdue && <span className="text-ui-tag-red-text"> · {invoice.days_overdue} days overdue</span>}
            </Row>
          </div>
        ))
      )}
      <InvoiceDrawer
        invoiceId={open}
        onClose={() => setOpen(null)}
        onRecordPayment={(invoice) => {
          setOpen(null)
          setPaying(invoice)
        }}
      />
      {paying && <PayInvoiceDrawer invoice={paying} onClose={() => setPaying(null)} />}
    </div>
  )
}
