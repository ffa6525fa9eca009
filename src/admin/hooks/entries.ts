import { useInfiniteQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { EntryPageResponse, LedgerOperation } from "../lib/types"
import { tradeCreditKeys } from "./query-keys"

/**
 * The account's credit history, newest first, keyset-paged: each page
 * passes the previous page's `next_cursor` back as `cursor`. With `fromEntry`
 * the first page starts at that entry (a link to it), older ones follow.
 */
export function useAccountEntries(
  accountId: string,
  filters: { operation?: LedgerOperation; limit?: number; fromEntry?: string } = {}
) {
  const limit = filters.limit ?? 10
  return useInfiniteQuery({
    queryKey: tradeCreditKeys.entryList(accountId, { operation: filters.operation, limit, from_entry: filters.fromEntry }),
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<EntryPageResponse>(`/admin/trade-credit/accounts/${accountId}/entries`, {
        method: "GET",
        query: {
          limit,
          ...(pageParam ? { cursor: pageParam } : filters.fromEntry ? { from_entry: filters.fromEntry } : {}),
          ...(filters.operation ? { operation: filters.operation } : {}),
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more && last.next_cursor ? last.next_cursor : undefined),
  })
}
