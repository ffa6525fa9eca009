import { Badge, Button, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useLocation } from "react-router-dom"
import { useAccountEntries } from "../hooks/entries"
import { useFormat } from "../hooks/use-format"
import { errorMessage } from "../lib/errors"
import { actorLabel, linkedEntry } from "../lib/format"
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

/** The DOM id of the linked entry's row marker (one grid on the page shows it: the expanded view replaces the inline one). */
const LINKED_ENTRY_ELEMENT_ID = "trade-credit-linked-entry"

/** The activity grid: what moved, the figures after it, who, and why; the entry a link opened is marked. */
function historyColumns(fmt: Formatters, onEdit: (entry: LedgerEntry) => void, linkedId: string | undefined) {
  return [
    column.accessor("created_at", {
      header: "Date",
      truncateTooltip: false,
      cell: ({ row }) => (
        <span
          id={row.original.id === linkedId ? LINKED_ENTRY_ELEMENT_ID : undefined}
          data-linked-entry={row.original.id === linkedId ? "" : undefined}
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

/**
 * The entry of this account a link opened (`entryPath`: order page → holder
 * page), until the admin goes back to the newest entries.
 */
function useLinkedEntry(accountId: string) {
  const { hash } = useLocation()
  const linked = linkedEntry(hash)
  const entryId = linked?.account_id === accountId ? linked.entry_id : undefined
  const [dismissed, setDismissed] = useState<string | null>(null)
  return { entryId: entryId && entryId !== dismissed ? entryId : undefined, dismiss: () => setDismissed(entryId ?? null) }
}

/**
 * The grid of ledger entries with "Load more" (keyset cursor from the API).
 * Opened by a link to an entry, it starts at that entry's page (at any depth
 * of the history), scrolls to it and highlights it.
 */
export const CreditHistoryGrid = ({ accountId, operation, onEdit }: CreditHistoryGridProps) => {
  const fmt = useFormat()
  const linked = useLinkedEntry(accountId)
  const query = useAccountEntries(accountId, { operation, limit: HISTORY_PAGE_SIZE, fromEntry: linked.entryId })
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? []
  const columns = useMemo(() => historyColumns(fmt, onEdit, linked.entryId), [fmt, onEdit, linked.entryId])
  const shown = !!linked.entryId && entries.some((e) => e.id === linked.entryId)

  // Once per link: the dashboard's main column scrolls so the entry is in view.
  const scrolledTo = useRef<string | null>(null)
  useEffect(() => {
    if (shown && scrolledTo.current !== linked.entryId) {
      scrolledTo.current = linked.entryId!
      document.getElementById(LINKED_ENTRY_ELEMENT_ID)?.scrollIntoView({ block: "center" })
    }
  }, [shown, linked.entryId])

  return (
    // Headers wrap ("Outstanding / balance") so that the grid fits a page column without scrolling sideways.
    <div
      data-testid="credit-history-grid"
      className="flex flex-col [&_td]:py-2.5 [&_td]:align-top [&_th]:whitespace-normal [&_th]:leading-tight [&_tr:has([data-linked-entry])_td]:bg-ui-bg-highlight"
    >
      {linked.entryId && !query.isError && (
        <div className="bg-ui-bg-subtle flex items-center justify-between gap-x-4 px-6 py-2">
          <Text size="small" className="text-ui-fg-subtle">
            From the linked entry on; newer entries are above it.
          </Text>
          <Button size="small" variant="transparent" onClick={linked.dismiss}>
            Show newest entries
          </Button>
        </div>
      )}
      {query.isError ? (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(query.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => (linked.entryId ? linked.dismiss() : query.refetch())}>
            {linked.entryId ? "Show newest entries" : "Try again"}
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
