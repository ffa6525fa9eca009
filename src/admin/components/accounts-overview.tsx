import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { DEFAULT_PAGE_SIZE } from "../../modules/trade-credit/constants"
import { useAccounts } from "../hooks/accounts"
import { useDebouncedValue } from "../hooks/use-debounced-value"
import { EMPTY_FILTERS, countActiveFilters, toListParams, type AccountFilters } from "../lib/account-filters"
import { errorMessage } from "../lib/errors"
import { AccountFilterBar } from "./account-filter-bar"
import { ChoiceSelect, type Choice } from "./choice-select"
import { AccountsTable } from "./accounts-table"
import { ExportAccountsButton } from "./export-accounts-button"

const PAGE_SIZE = DEFAULT_PAGE_SIZE

/** Most owed first (the default) or most in credit first. */
const SORT_CHOICES: Choice<AccountFilters["order"]>[] = [
  { value: "balance", label: "Most owed first" },
  { value: "-balance", label: "Most in credit first" },
]

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
          <ChoiceSelect
            size="small"
            className="w-[170px]"
            aria-label="Sort accounts"
            value={filters.order}
            choices={SORT_CHOICES}
            onChange={(order) => setFilters({ ...filters, order: order ?? filters.order })}
          />
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
            paging={{ count, pageSize: PAGE_SIZE, pageIndex, onPageChange: setPageIndex }}
          />
        </div>
      )}
    </Container>
  )
}
