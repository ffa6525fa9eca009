import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AccountListParams,
  AccountListResponse,
  AccountMutationResponse,
  AccountResponse,
  CreateAccountBody,
  UpdateAccountBody,
} from "../lib/types"
import { invalidateAccount, tradeCreditKeys } from "./query-keys"
import { useIdempotentMutation } from "./use-idempotent-mutation"

const BASE = "/admin/trade-credit/accounts"

export function fetchAccounts(params: AccountListParams) {
  return sdk.client.fetch<AccountListResponse>(BASE, { method: "GET", query: params })
}

/** Accounts matching the filters (one page). */
export function useAccounts(params: AccountListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: tradeCreditKeys.accountList(params),
    queryFn: () => fetchAccounts(params),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

export function useAccount(id: string | undefined | null) {
  return useQuery({
    queryKey: tradeCreditKeys.account(id ?? ""),
    queryFn: () => sdk.client.fetch<AccountResponse>(`${BASE}/${id}`, { method: "GET" }),
    enabled: Boolean(id),
  })
}

export function useCreateAccount() {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    (body: CreateAccountBody, headers) =>
      sdk.client.fetch<AccountResponse>(BASE, { method: "POST", body, headers }),
    {
      onSuccess: async ({ account }) => {
        queryClient.setQueryData(tradeCreditKeys.account(account.id), { account })
        await invalidateAccount(queryClient, account.id)
      },
    }
  )
}

export function useUpdateAccount(accountId: string) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    (body: UpdateAccountBody, headers) =>
      sdk.client.fetch<AccountMutationResponse>(`${BASE}/${accountId}`, { method: "POST", body, headers }),
    {
      onSuccess: async ({ account }) => {
        queryClient.setQueryData(tradeCreditKeys.account(account.id), { account })
        await invalidateAccount(queryClient, accountId)
      },
    }
  )
}
