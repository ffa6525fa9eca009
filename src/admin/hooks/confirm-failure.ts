import { useQuery } from "@tanstack/react-query"
import { isNotFound } from "../lib/errors"
import { sdk } from "../lib/sdk"
import { tradeCreditKeys } from "./query-keys"

export type ConfirmFailure = {
  order_id: string
  payment_id: string
  attempts: number
  last_error: string
  gave_up_at: string
}

/**
 * Why Medusa's capture of this on-account order could not be recorded, once
 * the plugin's confirm job gave up on it; null when there is nothing to say
 * (or the server has no such endpoint yet).
 */
export function useConfirmFailure(orderId: string) {
  return useQuery<ConfirmFailure | null>({
    queryKey: tradeCreditKeys.confirmFailure(orderId),
    queryFn: async () => {
      try {
        const res = await sdk.client.fetch<{ confirm_failure: ConfirmFailure | null }>(
          `/admin/trade-credit/orders/${orderId}/confirm-failure`,
          { method: "GET" }
        )
        return res.confirm_failure ?? null
      } catch (error) {
        if (isNotFound(error)) {
          return null
        }
        throw error
      }
    },
    enabled: Boolean(orderId),
  })
}
