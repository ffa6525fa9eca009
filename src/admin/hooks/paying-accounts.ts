import { useQuery } from "@tanstack/react-query"
import type { AdminPayingAccountResponse } from "../../types/http"
import { sdk } from "../lib/sdk"
import { tradeCreditKeys, type QueryOptions } from "./query-keys"

/**
 * The account that pays for an order on account, as the server decides it
 * (`GET /admin/trade-credit/orders/:id/paying-account`): the one the order's
 * payment session names (`known`), else the one the checkout would choose for
 * its customer. The admin never works this out again itself.
 */
export function usePayingAccount(orderId: string, options?: QueryOptions<AdminPayingAccountResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.payingAccount(orderId),
    queryFn: () =>
      sdk.client.fetch<AdminPayingAccountResponse>(`/admin/trade-credit/orders/${orderId}/paying-account`, {
        method: "GET",
      }),
    ...options,
    enabled: Boolean(orderId) && (options?.enabled ?? true),
  })
}
