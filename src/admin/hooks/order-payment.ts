import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { isPayOnAccountProvider } from "../../providers/pay-on-account/provider-id"
import { tradeCreditKeys } from "./query-keys"

type PaymentLike = {
  id: string
  provider_id: string
  amount: number
  currency_code?: string
  status?: string
  data?: Record<string, unknown> | null
}

export type OnAccountPayment = {
  /** The on-account payment session (or payment when there is no session). */
  session: PaymentLike
  collectionStatus: string | null
  currencyCode: string
  total: number | null
}

const ORDER_FIELDS = "+payment_collections.payment_sessions.*"

/**
 * Reads the order with its payment sessions and tells whether it is paid on
 * account. `data` is null for orders paid any other way.
 */
export function useOnAccountPayment(orderId: string) {
  return useQuery({
    queryKey: tradeCreditKeys.order(orderId),
    queryFn: async (): Promise<OnAccountPayment | null> => {
      const { order } = await sdk.admin.order.retrieve(orderId, { fields: ORDER_FIELDS })
      const collections = (order.payment_collections ?? []) as Array<{
        status?: string
        payment_sessions?: PaymentLike[]
        payments?: PaymentLike[]
      }>
      for (const collection of collections) {
        const candidates = [...(collection.payment_sessions ?? []), ...(collection.payments ?? [])]
        const session = candidates.find((s) => isPayOnAccountProvider(s?.provider_id))
        if (!session) {
          continue
        }
        return {
          session,
          collectionStatus: collection.status ?? null,
          currencyCode: order.currency_code,
          total: typeof order.total === "number" ? order.total : null,
        }
      }
      return null
    },
    enabled: Boolean(orderId),
  })
}
