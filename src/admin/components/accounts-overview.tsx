import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { DEFAULT_PAGE_SIZE } from "../../modules/trade-credit/constants"
import { useAccounts } from "../hooks/accounts"
import { useDebouncedValue } from "../hooks/use-debounced-value"
import { EMPTY_FILTERS, countActiveFilters, toListParams, type AccountFilters } from "../lib/account-filters"
import { errorMessage } from "../lib/errors"
import { AccountFilterBar } from "./account-filter-bar"
import { AccountSortSelect } from "./account-sort-select"
import { AccountsTable } from "./accounts-table"
import { ExportAccountsButton } from "./export-accounts-button"

const PAGE_SIZE = DEFAULT_PAGE_SIZE

/** Every credit account, most owed first, with search, filters, paging and CSV export. */
export const AccountsOverview = () => {
  const [filters, setFilters] = useState<AccountFilters>(EMPTY_FILTERS)
  const [pageIndex, setPageIndex] = useState(0)
  const debounced = useDebouncedValue(filters, 300)
  const params = useMemo(() => toListParams(debounced), [debounced])

  useEffect(() => setPageIndex(0), [params])

  const { data, isLoading, isError, error, isFetching } = useAccounts({
    ...params,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const filtered = countActiveFilters(debounced) > 0 || Boolean(debounced.q.trim())

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Credit accounts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Balances of customers and companies. Open one to record a payment or change its limit.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <AccountSortSelect value={filters.order} onChange={(order) => setFilters({ ...filters, order })} />
          <ExportAccountsButton params={params} />
        </div>
      </div>
      <AccountFilterBar value={filters} onChange={setFilters} />
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-6">
          {errorMessage(error)}
        </Text>
      ) : (
        <div className={isFetching && !isLoading ? "opacity-70 transition-opacity" : undefined}>
          <AccountsTable
            accounts={data?.accounts ?? []}
            isLoading={isLoading}
            emptyText={
              filtered
                ? "No accounts match these filters."
                : "No credit accounts yet. Create one from a customer's or a customer group's page."
            }
          />
        </div>
      )}
      {count > PAGE_SIZE && (
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex + 1 < pageCount}
          previousPage={() => setPageIndex((p) => Math.max(0, p - 1))}
          nextPage={() => setPageIndex((p) => Math.min(pageCount - 1, p + 1))}
        />
      )}
    </Container>
  )
}
