import { useInfiniteQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { EntryPageResponse, LedgerOperation } from "../lib/types"
import { tradeCreditKeys } from "./query-keys"

/**
 * The account's credit history, newest first, keyset-paged: each page
 * passes the previous page's `next_cursor` back as `cursor`.
 */
export function useAccountEntries(
  accountId: string,
  filters: { operation?: LedgerOperation; limit?: number } = {}
) {
  const limit = filters.limit ?? 10
  return useInfiniteQuery({
    queryKey: tradeCreditKeys.entryList(accountId, { operation: filters.operation, limit }),
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<EntryPageResponse>(`/admin/trade-credit/accounts/${accountId}/entries`, {
        method: "GET",
        query: {
          limit,
          ...(pageParam ? { cursor: pageParam } : {}),
          ...(filters.operation ? { operation: filters.operation } : {}),
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.has_more && last.next_cursor ? last.next_cursor : undefined),
  })
}
