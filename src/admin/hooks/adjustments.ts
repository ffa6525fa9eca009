import { useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AccountMutationResponse, AdjustmentBody } from "../lib/types"
import { invalidateAccount, tradeCreditKeys } from "./query-keys"
import { useIdempotentMutation } from "./use-idempotent-mutation"

/** A correction of the balance that is not a payment; the comment says why. */
export function useCreateAdjustment(accountId: string) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    (body: AdjustmentBody, headers) =>
      sdk.client.fetch<AccountMutationResponse>(`/admin/trade-credit/accounts/${accountId}/adjustments`, {
        method: "POST",
        body,
        headers,
      }),
    {
      onSuccess: async ({ account }) => {
        queryClient.setQueryData(tradeCreditKeys.account(account.id), { account })
        await invalidateAccount(queryClient, accountId)
      },
    }
  )
}
