import { useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AccountMutationResponse, EditReimbursementBody, LedgerEntry, ReimbursementBody } from "../lib/types"
import { invalidateAccount, tradeCreditKeys } from "./query-keys"
import { useIdempotentMutation } from "./use-idempotent-mutation"

/** "Reimburse balance": an offline payment (or its reversal, when negative) recorded on the account. */
export function useCreateReimbursement(accountId: string) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    (body: ReimbursementBody, headers) =>
      sdk.client.fetch<AccountMutationResponse>(`/admin/trade-credit/accounts/${accountId}/reimbursements`, {
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

/** Edit the reference and comment of a reimbursed entry (the amount never changes). */
export function useUpdateReimbursement(accountId: string) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    ({ entryId, body }: { entryId: string; body: EditReimbursementBody }, headers) =>
      sdk.client.fetch<{ entry: LedgerEntry }>(
        `/admin/trade-credit/accounts/${accountId}/reimbursements/${entryId}`,
        { method: "POST", body, headers }
      ),
    {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: tradeCreditKeys.entries(accountId) })
      },
    }
  )
}
