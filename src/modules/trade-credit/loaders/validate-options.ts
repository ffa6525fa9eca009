import type { LoaderOptions } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { TradeCreditModuleOptions } from "../types"
import { normalizeCardPaymentOptions } from "../utils/card-payments"

/**
 * Refuses, when the module loads, options that would let buyers pay toward an
 * account with a provider that moves no real money (see normalizeCardPaymentOptions),
 * and an `auto_apply_balance` that is not a boolean (a string "false" would read as on).
 */
export default async function validateOptions({ options }: LoaderOptions<TradeCreditModuleOptions>) {
  normalizeCardPaymentOptions(options ?? {})
  const autoApply = (options as Record<string, unknown> | undefined)?.auto_apply_balance
  if (autoApply !== undefined && typeof autoApply !== "boolean") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-trade-credit: the option auto_apply_balance must be true or false, got ${JSON.stringify(autoApply)}.`
    )
  }
}
