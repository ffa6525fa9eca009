import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AccountListParams,
  AccountListResponse,
  AccountMutationResponse,
  AccountResponse,
  AdjustmentBody,
  CreateAccountBody,
  ReimbursementBody,
  TradeCreditAccount,
  UpdateAccountBody,
} from "../lib/types"
import { invalidateAccount, tradeCreditKeys, type QueryOptions } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

const BASE = "/admin/trade-credit/accounts"

export function fetchAccounts(params: AccountListParams) {
  return sdk.client.fetch<AccountListResponse>(BASE, { method: "GET", query: params })
}

/** Accounts matching the filters (one page). */
export function useAccounts(params: AccountListParams, options?: QueryOptions<AccountListResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.accountList(params),
    queryFn: () => fetchAccounts(params),
    placeholderData: keepPreviousData,
    ...options,
  })
}

export function useAccount(id: string | undefined | null, options?: QueryOptions<AccountResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.account(id ?? ""),
    queryFn: () => sdk.client.fetch<AccountResponse>(`${BASE}/${id}`, { method: "GET" }),
    ...options,
    enabled: Boolean(id) && (options?.enabled ?? true),
  })
}

/**
 * A POST to an account route that answers with the account: its figures are
 * put in the cache at once, then every list and its history refresh.
 */
function useAccountWrite<TBody extends Record<string, unknown>, TResponse extends { account: TradeCreditAccount }>(
  path: string,
  options?: MutationOptions<TResponse, TBody>
) {
  const queryClient = useQueryClient()
  return useIdempotentMutation<TBody, TResponse>(
    (body, headers) => sdk.client.fetch<TResponse>(path, { method: "POST", body, headers }),
    afterSuccess(async ({ account }) => {
      queryClient.setQueryData(tradeCreditKeys.account(account.id), { account })
      await invalidateAccount(queryClient, account.id)
    }, options)
  )
}

export const useCreateAccount = (options?: MutationOptions<AccountResponse, CreateAccountBody>) =>
  useAccountWrite(BASE, options)

export const useUpdateAccount = (
  accountId: string,
  options?: MutationOptions<AccountMutationResponse, UpdateAccountBody>
) => useAccountWrite(`${BASE}/${accountId}`, options)

/** A correction of the balance that is not a payment; the comment says why. */
export const useCreateAdjustment = (
  accountId: string,
  options?: MutationOptions<AccountMutationResponse, AdjustmentBody>
) => useAccountWrite(`${BASE}/${accountId}/adjustments`, options)

/** "Reimburse balance": an offline payment (or its reversal, when negative) recorded on the account. */
export const useCreateReimbursement = (
  accountId: string,
  options?: MutationOptions<AccountMutationResponse, ReimbursementBody>
) => useAccountWrite(`${BASE}/${accountId}/reimbursements`, options)
