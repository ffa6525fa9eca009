import type { TradeCreditAccount } from "../lib/types"
import { useAccount, useAccounts } from "./accounts"
import type { OnAccountPayment } from "./order-payment"

const byCreation = (a: TradeCreditAccount, b: TradeCreditAccount) =>
  String(a.created_at).localeCompare(String(b.created_at))

/**
 * The accounts that may pay for a customer's order in one currency, in the
 * order the checkout picks them: a company account (one of the customer's
 * groups) first, then the customer's own, the oldest first within each; the
 * first one is the one that pays. The one place the admin works this out,
 * until the server names the paying account itself.
 */
export function payingAccountCandidates(
  companyAccounts: TradeCreditAccount[],
  ownAccounts: TradeCreditAccount[]
): TradeCreditAccount[] {
  return [...[...companyAccounts].sort(byCreation), ...[...ownAccounts].sort(byCreation)]
}

/**
 * The paying account of an order: named by the review or the payment session
 * when they say (`known`); otherwise the candidates above.
 */
export function usePayingAccounts(payment: OnAccountPayment, accountIdHint: string | null) {
  const accountId = accountIdHint ?? payment.accountId
  const named = useAccount(accountId)
  const currency = payment.currencyCode
  const own = useAccounts(
    { customer_id: payment.customerId ?? "", currency_code: currency, limit: 5 },
    { enabled: !accountId && Boolean(payment.customerId) }
  )
  const company = useAccounts(
    { customer_group_id: payment.groupIds, currency_code: currency, limit: 5 },
    { enabled: !accountId && payment.groupIds.length > 0 }
  )
  if (accountId) {
    return { known: true, accounts: named.data ? [named.data.account] : [] }
  }
  return {
    known: false,
    accounts: payingAccountCandidates(company.data?.accounts ?? [], own.data?.accounts ?? []),
  }
}
