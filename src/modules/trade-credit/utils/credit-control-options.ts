import { MedusaError } from "@medusajs/framework/utils"

/** The longest `auto_stop_after_days` accepted: a year. */
export const MAX_AUTO_STOP_AFTER_DAYS = 365

export type CreditControlOptions = {
  /** Null: the run never puts an account on stop (the default). */
  auto_stop_after_days: number | null
}

/**
 * Reads `auto_stop_after_days`: unset (or null) turns automatic stops off;
 * else a whole number of days from 1 to MAX_AUTO_STOP_AFTER_DAYS. Throws,
 * naming the option, on anything else (the module then fails to load).
 */
export function normalizeCreditControlOptions(options: { auto_stop_after_days?: unknown }): CreditControlOptions {
  const days = options.auto_stop_after_days ?? null
  if (days === null) {
    return { auto_stop_after_days: null }
  }
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > MAX_AUTO_STOP_AFTER_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Trade credit: option "auto_stop_after_days" must be a whole number of days from 1 to ${MAX_AUTO_STOP_AFTER_DAYS} (leave it out to never stop accounts automatically), got ${JSON.stringify(days)}.`
    )
  }
  return { auto_stop_after_days: days }
}
