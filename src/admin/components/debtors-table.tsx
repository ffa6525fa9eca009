import { Text, clx, createDataTableColumnHelper } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useFormat } from "../hooks/use-format"
import { holderPath } from "../lib/format"
import { AGING_BUCKETS, AGING_BUCKET_SHORT_LABELS } from "../lib/receivables-labels"
import type { AgingBucket, AgingReportRow, AgingReportTotals, Amount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { ListTable } from "./list-table"
import { Money } from "./money"

/** A debtor of the report, or a currency's totals row (after the debtors). */
export type DebtorRow =
  | ({ kind: "account"; id: string } & AgingReportRow)
  | ({ kind: "total"; id: string } & AgingReportTotals)

const column = createDataTableColumnHelper<DebtorRow>()

const DaysCell = ({ days }: { days: number | null }) =>
  days === null ? <span className="text-ui-fg-muted">–</span> : <span className="tabular-nums">{Math.round(days)}</span>

const DateCell = ({ value }: { value: string | null }) => {
  const fmt = useFormat()
  return <span className="whitespace-nowrap">{value ? fmt.date(value) : "–"}</span>
}

/** An amount column; `alarm` colours amounts past due red (zero stays plain). */
const amount = (id: string, header: string, get: (row: DebtorRow) => Amount | null, alarm = false) =>
  column.accessor((row) => get(row), {
    id,
    header,
    align: "right",
    truncateTooltip: false,
    cell: ({ row: { original: row } }) => (
      <Money
        amount={get(row)}
        currency={row.currency_code}
        className={clx(row.kind === "total" && "font-medium", alarm && Number(get(row)) > 0 ? "text-ui-tag-red-text" : undefined, alarm && Number(get(row)) === 0 && "text-ui-fg-muted")}
      />
    ),
  })

const bucketColumn = (bucket: AgingBucket) =>
  amount(`bucket_${bucket}`, AGING_BUCKET_SHORT_LABELS[bucket], (row) => row.buckets[bucket], bucket !== "current")

/**
 * Nine columns, so that the report fits the page at 1440 px without scrolling
 * sideways: the status sits under the debtor, the limit under what is open,
 * and how the debtor pays (last payment, days to pay, DSO) in one column.
 */
const COLUMNS = [
  column.accessor((row) => (row.kind === "account" ? row.holder.name ?? row.email ?? row.holder.id : "Total"), {
    id: "holder",
    header: "Debtor",
    truncateTooltip: false,
    cell: ({ row: { original: row } }) =>
      row.kind === "total" ? (
        <Text size="small" weight="plus" className="whitespace-nowrap">
          Total {row.currency_code.toUpperCase()} · {row.accounts} {row.accounts === 1 ? "debtor" : "debtors"}
        </Text>
      ) : (
        <div className="flex min-w-0 max-w-[200px] flex-col items-start gap-y-1 py-2">
          <Link
            to={holderPath(row.holder)}
            className="text-ui-fg-base max-w-full truncate hover:underline"
            aria-label={`Debtor ${row.holder.name ?? row.holder.id}`}
          >
            {row.holder.name ?? row.email ?? row.holder.id}
          </Link>
          {row.email && (
            <Text size="xsmall" className="text-ui-fg-muted max-w-full truncate">
              {row.email}
            </Text>
          )}
          {row.status !== "normal" && <AccountStatusBadge status={row.status} />}
        </div>
      ),
  }),
  column.accessor((row) => row.open_total, {
    id: "open_total",
    header: "Open",
    align: "right",
    truncateTooltip: false,
    cell: ({ row: { original: row } }) => (
      <span className="flex flex-col items-end">
        <Money amount={row.open_total} currency={row.currency_code} className={clx(row.kind === "total" && "font-medium")} />
        {row.kind === "account" && (
          <Text size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
            limit <Money amount={row.credit_limit} currency={row.currency_code} />
          </Text>
        )}
      </span>
    ),
  }),
  ...AGING_BUCKETS.map(bucketColumn),
  column.display({
    id: "oldest_overdue",
    header: "Oldest overdue",
    cell: ({ row: { original: row } }) =>
      row.kind === "account" && row.oldest_overdue_invoice ? (
        <span className="flex flex-col whitespace-nowrap">
          <span>{row.oldest_overdue_invoice.number}</span>
          <span className="text-ui-tag-red-text txt-compact-xsmall">{row.oldest_overdue_invoice.days_overdue} days</span>
        </span>
      ) : (
        <span className="text-ui-fg-muted">–</span>
      ),
  }),
  column.display({
    id: "paying",
    header: "Last payment · days to pay · DSO",
    cell: ({ row: { original: row } }) => (
      <span className="flex flex-col">
        {row.kind === "account" && <DateCell value={row.last_payment_at} />}
        <span className="txt-compact-xsmall text-ui-fg-subtle whitespace-nowrap">
          {row.average_days_to_pay == null ? (
            "no payments yet"
          ) : (
            <>
              <DaysCell days={row.average_days_to_pay} /> to pay
            </>
          )}{" "}
          · DSO <DaysCell days={row.dso} />
        </span>
      </span>
    ),
  }),
]

type DebtorsTableProps = {
  rows: AgingReportRow[]
  totals: AgingReportTotals[]
  isLoading: boolean
  paging: { count: number; pageSize: number; pageIndex: number; onPageChange: (pageIndex: number) => void }
}

/** The debtors report's rows, most owed first, then a totals row per currency (over all pages). */
export const DebtorsTable = ({ rows, totals, isLoading, paging }: DebtorsTableProps) => {
  const data: DebtorRow[] = [
    ...rows.map((r) => ({ kind: "account" as const, id: r.account_id, ...r })),
    ...totals.filter((t) => t.accounts > 0).map((t) => ({ kind: "total" as const, id: `total-${t.currency_code}`, ...t })),
  ]
  return (
    // Headers wrap, like the credit history's; the scroller stays for narrow windows only.
    <div className="overflow-x-auto [&_th]:whitespace-normal [&_th]:leading-tight" data-testid="debtors-table">
      <ListTable
        data={rows.length ? data : []}
        columns={COLUMNS}
        getRowId={(r) => r.id}
        isLoading={isLoading}
        emptyText="Nobody owes anything: no open invoices."
        paging={paging}
      />
    </div>
  )
}
