import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type CreditTotals = {
  credit_limit: BigNumberInput
  balance: BigNumberInput
  reserved: BigNumberInput
}

/**
 * THE available-credit rule, used everywhere (service, API, checkout):
 * `credit_limit + balance - reserved`. Negative when the account is over its
 * limit. A plain customer balance is an account with limit 0, so its
 * available credit is its (unreserved) prepaid money.
 */
export function availableCredit(totals: CreditTotals) {
  return MathBN.sub(MathBN.add(totals.credit_limit, totals.balance), totals.reserved)
}
