/** Medusa names payment providers `pp_<identifier>_<id>`; ours is `trade-credit`. */
export const PAY_ON_ACCOUNT_IDENTIFIER = "trade-credit"

/** The provider id Medusa gives pay on account registered with `id` (the README uses "on-account"). */
export function payOnAccountProviderId(id: string): string {
  return `pp_${PAY_ON_ACCOUNT_IDENTIFIER}_${id}`
}

/** Whether a payment provider id is pay on account, whatever id the store registered it with. */
export function isPayOnAccountProvider(providerId: string | null | undefined): boolean {
  return typeof providerId === "string" && providerId.startsWith(payOnAccountProviderId(""))
}
