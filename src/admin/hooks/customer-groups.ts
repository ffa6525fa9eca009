import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { useAccounts } from "./accounts"
import { tradeCreditKeys } from "./query-keys"

/** The customer groups (companies) a customer belongs to. */
export function useCustomerGroupsOf(customerId: string) {
  return useQuery({
    queryKey: tradeCreditKeys.customerGroups(customerId),
    queryFn: () => sdk.admin.customerGroup.list({ customers: customerId, fields: "id,name", limit: 100 }),
    select: (res) => res.customer_groups.map((g) => ({ id: g.id, name: g.name ?? g.id })),
    enabled: Boolean(customerId),
  })
}

/** The credit accounts of the companies (customer groups) a customer belongs to. */
export function useCompanyAccountsOf(customerId: string) {
  const groups = useCustomerGroupsOf(customerId)
  const groupIds = (groups.data ?? []).map((g) => g.id)
  const accounts = useAccounts({ customer_group_id: groupIds, limit: 50 }, { enabled: groupIds.length > 0 })
  return {
    groups: groups.data ?? [],
    accounts: accounts.data?.accounts ?? [],
    isLoading: groups.isLoading || (groupIds.length > 0 && accounts.isLoading),
    isError: groups.isError || accounts.isError,
  }
}
