/**
 * Which accounts a customer may use: their own (a personal account) and
 * those of their customer groups (their companies). As a filter on accounts.
 */
export function usableAccountFilter(customerId: string, customerGroupIds: string[] = []) {
  const $or: Record<string, unknown>[] = [{ customer_id: customerId }]
  if (customerGroupIds.length) {
    $or.push({ customer_group_id: customerGroupIds })
  }
  return { $or }
}

/**
 * `usableAccountFilter` as a test of one account: whether the customer may use
 * it (their own, or their group's). The authorization asks it of the account
 * row it has just locked, instead of listing the customer's accounts again.
 */
export function mayUseAccount(
  account: { customer_id?: string | null; customer_group_id?: string | null },
  customerId: string,
  customerGroupIds: string[] = []
): boolean {
  return (
    (!!account.customer_id && account.customer_id === customerId) ||
    (!!account.customer_group_id && customerGroupIds.includes(account.customer_group_id))
  )
}

/**
 * Which of a customer's usable accounts in one currency pays: the requested
 * one if the customer may use it (else none), otherwise the company account
 * first (the oldest one), else the personal account.
 */
export function choosePayingAccount<A extends { id: string; customer_group_id?: string | null }>(
  usable: A[],
  requested?: unknown
): A | null {
  if (typeof requested === "string" && requested) {
    return usable.find((a) => a.id === requested) ?? null
  }
  return usable.find((a) => a.customer_group_id) ?? usable[0] ?? null
}
