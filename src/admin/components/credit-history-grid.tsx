import { Button, Skeleton, Table, Text } from "@medusajs/ui"
import { useAccountEntries } from "../hooks/entries"
import { errorMessage } from "../lib/errors"
import type { LedgerEntry, LedgerOperation } from "../lib/types"
import { CreditHistoryRow } from "./credit-history-row"

export const HISTORY_PAGE_SIZE = 10

const COLUMNS = [
  { label: "Date" },
  { label: "Operation" },
  { label: "Amount", right: true },
  { label: "Outstanding balance", right: true },
  { label: "Available credit", right: true },
  { label: "Credit limit", right: true },
  { label: "Updated by" },
  { label: "Custom reference" },
  { label: "Comment" },
  { label: "", right: true },
]

type CreditHistoryGridProps = {
  accountId: string
  operation: LedgerOperation | undefined
  onEdit: (entry: LedgerEntry) => void
}

/** The grid of ledger entries with "Load more" (keyset cursor from the API). */
export const CreditHistoryGrid = ({ accountId, operation, onEdit }: CreditHistoryGridProps) => {
  const query = useAccountEntries(accountId, { operation, limit: HISTORY_PAGE_SIZE })
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? []

  return (
    <div className="flex flex-col">
      <div className="overflow-x-auto">
        <Table className="[&_td]:pr-4 [&_th]:pr-4">
          <Table.Header>
            <Table.Row>
              {COLUMNS.map((col, i) => (
                <Table.HeaderCell key={i} className={col.right ? "text-right leading-tight" : "leading-tight"}>
                  {col.label}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {query.isLoading &&
              Array.from({ length: 3 }).map((_, i) => (
                <Table.Row key={i}>
                  {COLUMNS.map((_c, j) => (
                    <Table.Cell key={j}>
                      <Skeleton className="h-4 w-16" />
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            {entries.map((entry) => (
              <CreditHistoryRow key={entry.id} entry={entry} onEdit={onEdit} />
            ))}
          </Table.Body>
        </Table>
      </div>
      {query.isError && (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(query.error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => query.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {!query.isLoading && !query.isError && entries.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-6 text-center">
          {operation ? "No entries of this kind yet." : "No credit activity yet."}
        </Text>
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
