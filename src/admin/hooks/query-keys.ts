import type { QueryClient, QueryKey, UseQueryOptions } from "@tanstack/react-query"
import type { AccountListParams, AgingReportParams, InvoiceListParams, ReviewListParams } from "../lib/types"

/**
 * Query keys shared by every trade credit hook, so that a mutation can
 * invalidate the account, every account list and the account's history.
 */
const ROOT = "trade-credit" as const

export const tradeCreditKeys = {
  all: [ROOT] as const,
  accounts: () => [ROOT, "accounts"] as const,
  accountLists: () => [ROOT, "accounts", "list"] as const,
  accountList: (params: AccountListParams) => [ROOT, "accounts", "list", params] as const,
  account: (id: string) => [ROOT, "accounts", "detail", id] as const,
  entries: (accountId: string) => [ROOT, "entries", accountId] as const,
  entryList: (accountId: string, filters: { operation?: string; limit: number; from_entry?: string }) =>
    [ROOT, "entries", accountId, filters] as const,
  allEntries: () => [ROOT, "entries"] as const,
  reviews: () => [ROOT, "reviews"] as const,
  reviewList: (params: ReviewListParams) => [ROOT, "reviews", params] as const,
  order: (orderId: string | null) => [ROOT, "order", orderId] as const,
  confirmFailure: (orderId: string) => [ROOT, "order", orderId, "confirm-failure"] as const,
  payingAccount: (orderId: string) => [ROOT, "order", orderId, "paying-account"] as const,
  customerGroups: (customerId: string) => [ROOT, "customer-groups", customerId] as const,
  storeCurrencies: () => [ROOT, "store-currencies"] as const,
  invoices: () => [ROOT, "invoices"] as const,
  invoiceList: (params: InvoiceListParams) => [ROOT, "invoices", "list", params] as const,
  invoice: (id: string) => [ROOT, "invoices", "detail", id] as const,
  chaseNotes: (accountId: string) => [ROOT, "chase-notes", accountId] as const,
  reports: () => [ROOT, "reports"] as const,
  agingReport: (params: AgingReportParams) => [ROOT, "reports", "aging", params] as const,
}

/** What a query hook accepts from its caller besides its parameters, as the dashboard's own hooks do. */
export type QueryOptions<TData> = Omit<UseQueryOptions<TData, Error, TData, QueryKey>, "queryKey" | "queryFn">

/** After anything that moves an account: its figures, every list, its history. */
export async function invalidateAccount(queryClient: QueryClient, accountId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: tradeCreditKeys.accounts() }),
    queryClient.invalidateQueries({ queryKey: tradeCreditKeys.entries(accountId) }),
    // A payment or a correction settles invoices and moves the debtors report.
    queryClient.invalidateQueries({ queryKey: tradeCreditKeys.invoices() }),
    queryClient.invalidateQueries({ queryKey: tradeCreditKeys.reports() }),
  ])
}
