import { Badge, Button, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { useAccountEntries } from "../hooks/entries"
import { useFormat } from "../hooks/use-format"
import { errorMessage } from "../lib/errors"
import { actorLabel } from "../lib/format"
import type { Formatters } from "../lib/intl"
import type { LedgerEntry, LedgerOperation } from "../lib/types"
import { EntryComment } from "./entry-comment"
import { EntryEdits } from "./entry-edits"
import { ListTable, moneyColumn } from "./list-table"
import { Money } from "./money"
import { OperationBadge } from "./operation-badge"

export const HISTORY_PAGE_SIZE = 10

const column = createDataTableColumnHelper<LedgerEntry>()

const none = <span className="text-ui-fg-muted">–</span>

/** The activity grid: what moved, the figures after it, who, and why. */
function historyColumns(fmt: Formatters, onEdit: (entry: LedgerEntry) => void) {
  return [
    column.accessor("created_at", {
      header: "Date",
      truncateTooltip: false,
      cell: ({ row }) => (
        <span
          title={fmt.dateTime(row.original.created_at)}
          className="cursor-default underline decoration-dotted underline-offset-2"
        >
          {fmt.date(row.original.created_at)}
        </span>
      ),
    }),
    column.accessor("operation", {
      header: "Operation",
      truncateTooltip: false,
      cell: ({ row: { original: entry } }) => (
        <div className="flex flex-col items-start gap-y-1">
          <OperationBadge operation={entry.operation} />
          {entry.over_limit && (
            <Badge size="2xsmall" color="red" className="whitespace-nowrap">
              Over limit
            </Badge>
          )}
        </div>
      ),
    }),
    column.accessor("amount", {
      header: "Amount",
      align: "right",
      truncateTooltip: false,
      cell: ({ row: { original: entry } }) => {
        const reservedMoved = Number(entry.reserved_delta) !== 0
        return (
          <div className="flex flex-col items-end">
            {Number(entry.amount) !== 0 ? (
              <Money amount={entry.amount} currency={entry.currency_code} variant="signed" />
            ) : (
              !reservedMoved && none
            )}
            {reservedMoved && (
              <Text size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
                Reserved {fmt.signedMoney(entry.reserved_delta, entry.currency_code)}
              </Text>
            )}
          </div>
        )
      },
    }),
    moneyColumn<LedgerEntry>("balance_after", "Outstanding balance", "balance"),
    moneyColumn<LedgerEntry>("available_credit_after", "Available credit", "balance"),
    moneyColumn<LedgerEntry>("credit_limit_after", "Credit limit"),
    column.accessor((entry) => actorLabel(entry.actor), { id: "actor", header: "Updated by" }),
    column.accessor("reference", {
      header: "Custom reference",
      maxSize: 220,
      cell: ({ row }) => row.original.reference || none,
    }),
    column.accessor("comment", {
      header: "Comment",
      truncateTooltip: false,
      cell: ({ row: { original: entry } }) => (
        <div className="whitespace-normal">
          <EntryComment entry={entry} />
          <EntryEdits edits={entry.edits} />
        </div>
      ),
    }),
    column.display({
      id: "edit",
      header: "",
      cell: ({ row: { original: entry } }) =>
        entry.operation === "reimbursed" ? (
          <div className="flex justify-end">
            <Button size="small" variant="transparent" type="button" onClick={() => onEdit(entry)}>
              Edit
            </Button>
          </div>
        ) : null,
    }),
  ]
}

type CreditHistoryGridProps = {
  accountId: string
  operation: LedgerOperation | undefined
  onEdit: (entry: LedgerEntry) => void
}

/** The grid of ledger entries with "Load more" (keyset cursor from the API). */
export const CreditHistoryGrid = ({ accountId, operation, onEdit }: CreditHistoryGridProps) => {
  const fmt = useFormat()
  const query = useAccountEntries(accountId, { operation, limit: HISTORY_PAGE_SIZE })
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? []
  const columns = useMemo(() => historyColumns(fmt, onEdit), [fmt, onEdit])

  return (
    // Headers wrap ("Outstanding / balance") so that the grid fits a page column without scrolling sideways.
    <div className="flex flex-col [&_td]:py-2.5 [&_td]:align-top [&_th]:whitespace-normal [&_th]:leading-tight">
      {query.isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(query.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => query.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <ListTable
          data={entries}
          columns={columns}
          getRowId={(entry) => entry.id}
          isLoading={query.isLoading}
          emptyText={operation ? "No entries of this kind yet." : "No credit activity yet."}
        />
      )}
      {query.hasNextPage && (
        <div className="flex justify-center px-6 py-3">
          <Button
            size="small"
            variant="secondary"
            isLoading={query.isFetchingNextPage}
            onClick={() => query.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  )
}
