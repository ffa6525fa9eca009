import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { tradeCreditKeys } from "./query-keys"

/** Currency codes the store supports, its default first; EUR when the store can't be read. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: tradeCreditKeys.storeCurrencies(),
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,*supported_currencies" })
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies]
        .sort((a, b) => Number(b.is_default) - Number(a.is_default))
        .map((c) => c.currency_code.toLowerCase())
    },
    staleTime: 5 * 60 * 1000,
  })
}
