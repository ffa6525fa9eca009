import { useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AccountMutationResponse } from "../lib/types"
import type { AdminOrderBalanceResponse } from "../../types/http"
import { invalidateAccount, tradeCreditKeys } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

export type RefundToBalanceBody = { amount: number | string; reason: string; note?: string | null; account_id?: string | null }

const orderBalanceKey = (orderId: string) => [...tradeCreditKeys.order(orderId), "balance"] as const

/** The customer balance on an order: what it used, refunds to balance, what can still be refunded. */
export function useOrderBalance(orderId: string) {
  return useQuery({
    queryKey: orderBalanceKey(orderId),
    queryFn: () => sdk.client.fetch<AdminOrderBalanceResponse>(`/admin/trade-credit/orders/${orderId}/balance`, { method: "GET" }),
    enabled: Boolean(orderId),
  })
}

/** "Refund to balance": what the order owes the customer goes to their balance (one key per submission). */
export function useRefundToBalance(orderId: string, options?: MutationOptions<AccountMutationResponse, RefundToBalanceBody>) {
  const queryClient = useQueryClient()
  return useIdempotentMutation<RefundToBalanceBody, AccountMutationResponse>(
    (body, headers) =>
      sdk.client.fetch<AccountMutationResponse>(`/admin/trade-credit/orders/${orderId}/refund-to-balance`, { method: "POST", body, headers }),
    afterSuccess(async ({ account }) => {
      await Promise.all([
        invalidateAccount(queryClient, account.id),
        queryClient.invalidateQueries({ queryKey: orderBalanceKey(orderId) }),
        // Medusa's own order page: its summary (pending difference) changed.
        queryClient.invalidateQueries({ queryKey: ["orders"] }),
        queryClient.invalidateQueries({ queryKey: ["order"] }),
      ])
    }, options)
  )
}
