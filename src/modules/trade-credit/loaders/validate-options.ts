import type { LoaderOptions } from "@medusajs/framework/types"
import type { TradeCreditModuleOptions } from "../types"
import { normalizeCardPaymentOptions } from "../utils/card-payments"
import { normalizeOrphanedAuthorizationTtl } from "../utils/orphaned-authorizations"

/**
 * Refuses, when the module loads, options that would let buyers pay toward an
 * account with a provider that moves no real money (see normalizeCardPaymentOptions),
 * and an orphaned-authorization TTL that is not a sensible number of minutes.
 */
export default async function validateOptions({ options }: LoaderOptions<TradeCreditModuleOptions>) {
  normalizeCardPaymentOptions(options ?? {})
  normalizeOrphanedAuthorizationTtl(options?.orphanedAuthorizationTtlMinutes)
}
