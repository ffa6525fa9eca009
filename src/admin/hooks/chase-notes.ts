import { useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { ChaseNoteBody, ChaseNoteListResponse, ChaseNoteResponse } from "../lib/types"
import { invalidateAccount, tradeCreditKeys, type QueryOptions } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

const notesPath = (accountId: string) => `/admin/trade-credit/accounts/${accountId}/notes`

/** The account's credit-control notes, newest first. */
export function useChaseNotes(accountId: string, options?: QueryOptions<ChaseNoteListResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.chaseNotes(accountId),
    queryFn: () => sdk.client.fetch<ChaseNoteListResponse>(notesPath(accountId), { method: "GET" }),
    ...options,
  })
}

/** "Add note": records the note; the account's last chased / next chase change with it. */
export function useCreateChaseNote(accountId: string, options?: MutationOptions<ChaseNoteResponse, ChaseNoteBody>) {
  const queryClient = useQueryClient()
  return useIdempotentMutation<ChaseNoteBody, ChaseNoteResponse>(
    (body, headers) => sdk.client.fetch<ChaseNoteResponse>(notesPath(accountId), { method: "POST", body, headers }),
    afterSuccess(async ({ account }) => {
      queryClient.setQueryData(tradeCreditKeys.account(account.id), { account })
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tradeCreditKeys.chaseNotes(accountId) }),
        invalidateAccount(queryClient, accountId),
      ])
    }, options)
  )
}
