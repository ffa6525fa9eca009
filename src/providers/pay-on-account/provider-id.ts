/** Medusa names payment providers `pp_<identifier>_<id>`; ours is `trade-credit`. */
export const PAY_ON_ACCOUNT_IDENTIFIER = "trade-credit"

/** Whether a payment provider id is pay on account, whatever id the store registered it with. */
export function isPayOnAccountProvider(providerId: string | null | undefined): boolean {
  return typeof providerId === "string" && providerId.startsWith(`pp_${PAY_ON_ACCOUNT_IDENTIFIER}_`)
}
