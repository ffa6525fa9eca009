import { useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { EditReimbursementBody, LedgerEntry } from "../lib/types"
import { tradeCreditKeys } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

type EditReimbursement = { entryId: string; body: EditReimbursementBody }

/** Edit the reference and comment of a reimbursed entry (the amount never changes). */
export function useUpdateReimbursement(
  accountId: string,
  options?: MutationOptions<{ entry: LedgerEntry }, EditReimbursement>
) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    ({ entryId, body }: EditReimbursement, headers) =>
      sdk.client.fetch<{ entry: LedgerEntry }>(
        `/admin/trade-credit/accounts/${accountId}/reimbursements/${entryId}`,
        { method: "POST", body, headers }
      ),
    afterSuccess(() => queryClient.invalidateQueries({ queryKey: tradeCreditKeys.entries(accountId) }), options)
  )
}
