import { Badge, Container, Heading, Tabs, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { DEFAULT_PAGE_SIZE } from "../../modules/trade-credit/constants"
import { useInvoices } from "../hooks/invoices"
import { useFormat } from "../hooks/use-format"
import { errorMessage } from "../lib/errors"
import { orderPath } from "../lib/format"
import {
  INVOICE_TABS,
  INVOICE_TAB_LABELS,
  INVOICE_TAB_QUERIES,
  type InvoiceTab,
} from "../lib/receivables-labels"
import type { AdminInvoice, TradeCreditAccount } from "../lib/types"
import { InvoiceDrawer } from "./invoice-drawer"
import { dayDate, InvoiceStatusBadge } from "./invoice-status-badge"
import { ListTable, moneyColumn } from "./list-table"
import { ReimburseBalanceDrawer } from "./reimburse-balance-drawer"

const PAGE_SIZE = DEFAULT_PAGE_SIZE

const column = createDataTableColumnHelper<AdminInvoice>()

const DateCell = ({ value, day = false }: { value: string | null; day?: boolean }) => {
  const fmt = useFormat()
  return <span className="whitespace-nowrap">{value ? fmt.date(day ? dayDate(value) : value) : "–"}</span>
}

const COLUMNS = [
  column.accessor("number", {
    header: "Number",
    truncateTooltip: false,
    cell: ({ row }) => <span className="font-mono whitespace-nowrap">{row.original.number}</span>,
  }),
  column.accessor("order_display_id", {
    header: "Order",
    truncateTooltip: false,
    cell: ({ row: { original: invoice } }) =>
      invoice.order_id ? (
        <Link
          to={orderPath(invoice.order_id)}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover whitespace-nowrap"
          onClick={(e) => e.stopPropagation()}
        >
          #{invoice.order_display_id ?? invoice.order_id}
        </Link>
      ) : (
        "–"
      ),
  }),
  moneyColumn<AdminInvoice>("amount", "Amount"),
  moneyColumn<AdminInvoice>("amount_open", "Amount open"),
  column.accessor("issued_at", {
    header: "Issued",
    truncateTooltip: false,
    cell: ({ row }) => <DateCell value={row.original.issued_at} />,
  }),
  column.accessor("due_date", {
    header: "Due",
    truncateTooltip: false,
    cell: ({ row }) => <DateCell value={row.original.due_date} day />,
  }),
  column.accessor("days_overdue", {
    header: "Days overdue",
    align: "right",
    truncateTooltip: false,
    cell: ({ row: { original: invoice } }) =>
      invoice.overdue ? (
        <span className="text-ui-tag-red-text tabular-nums">{invoice.days_overdue}</span>
      ) : (
        <span className="text-ui-fg-muted">–</span>
      ),
  }),
  column.accessor("status", {
    header: "Status",
    truncateTooltip: false,
    cell: ({ row: { original: invoice } }) => (
      <span className="flex items-center gap-x-1">
        <InvoiceStatusBadge invoice={invoice} />
        {invoice.reminders_paused && (
          <Badge size="2xsmall" color="grey">
            Disputed
          </Badge>
        )}
      </span>
    ),
  }),
]

type Dialog = { kind: "detail" | "pay"; invoice: AdminInvoice } | null

/**
 * The invoices of a customer's or company's credit accounts: open (everything
 * still owed), overdue and paid tabs. A row opens the invoice (its payments,
 * credit notes and reminders); "Record payment" there records a payment
 * naming it.
 */
export const InvoicesSection = ({ accounts }: { accounts: TradeCreditAccount[] }) => {
  const [tab, setTab] = useState<InvoiceTab>("open")
  const [pageIndex, setPageIndex] = useState(0)
  const [dialog, setDialog] = useState<Dialog>(null)
  const accountIds = useMemo(() => accounts.map((a) => a.id), [accounts])
  const params = { account_id: accountIds, ...INVOICE_TAB_QUERIES[tab] }
  useEffect(() => setPageIndex(0), [tab])

  const list = useInvoices({ ...params, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE }, { enabled: accountIds.length > 0 })
  // The other tabs' counts, for their labels.
  const counts = {
    open: useInvoices({ account_id: accountIds, ...INVOICE_TAB_QUERIES.open, limit: 1 }, { enabled: accountIds.length > 0 }),
    overdue: useInvoices({ account_id: accountIds, ...INVOICE_TAB_QUERIES.overdue, limit: 1 }, { enabled: accountIds.length > 0 }),
    paid: useInvoices({ account_id: accountIds, ...INVOICE_TAB_QUERIES.paid, limit: 1 }, { enabled: accountIds.length > 0 }),
  }
  const accountOf = (invoice: AdminInvoice) => accounts.find((a) => a.id === invoice.account_id) ?? null
  const paying = dialog?.kind === "pay" ? accountOf(dialog.invoice) : null

  if (accountIds.length === 0) {
    return null
  }

  return (
    <Container className="divide-y p-0" data-testid="invoices-section">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Invoices</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders paid on account, due by the account's terms. Open one to see who paid what or to record a payment.
          </Text>
        </div>
        <Tabs value={tab} onValueChange={(v) => setTab(v as InvoiceTab)}>
          <Tabs.List aria-label="Invoices by status">
            {INVOICE_TABS.map((t) => (
              <Tabs.Trigger key={t} value={t}>
                {INVOICE_TAB_LABELS[t]}
                {counts[t].data ? (
                  <span className={t === "overdue" && counts[t].data!.count > 0 ? "text-ui-tag-red-text ml-1" : "text-ui-fg-muted ml-1"}>
                    {counts[t].data!.count}
                  </span>
                ) : null}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs>
      </div>
      {list.isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-6">
          {errorMessage(list.error)}
        </Text>
      ) : (
        <div className={list.isFetching && !list.isLoading ? "opacity-70 transition-opacity" : undefined}>
          <ListTable
            data={list.data?.invoices ?? []}
            columns={COLUMNS}
            getRowId={(i) => i.id}
            isLoading={list.isLoading}
            emptyText={
              tab === "open" ? "Nothing owed: no open invoices." : tab === "overdue" ? "No overdue invoices." : "No paid invoices yet."
            }
            onRowClick={(_e, invoice) => setDialog({ kind: "detail", invoice })}
            paging={{ count: list.data?.count ?? 0, pageSize: PAGE_SIZE, pageIndex, onPageChange: setPageIndex }}
          />
        </div>
      )}
      <InvoiceDrawer
        invoiceId={dialog?.kind === "detail" ? dialog.invoice.id : null}
        onClose={() => setDialog(null)}
        onRecordPayment={(invoice) => setDialog({ kind: "pay", invoice })}
      />
      {paying && dialog && (
        <ReimburseBalanceDrawer
          account={paying}
          invoice={dialog.invoice}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
    </Container>
  )
}
