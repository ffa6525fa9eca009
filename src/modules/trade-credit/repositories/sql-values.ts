import { BigNumber, trimZeros } from "@medusajs/framework/utils"

/**
 * Values as the repositories' raw SQL writes them, in the shape the module's
 * generated methods use, so their reads can't tell the difference.
 */

/** A money column's exact value as the generated methods store it: `{ value, precision: 20 }`. */
export function rawAmount(value: string): { value: string; precision: number } {
  const raw = new BigNumber(value).raw as { value: string; precision: number }
  return { ...raw, value: trimZeros(String(raw.value)) }
}

/** A timestamp inlined into SQL: an ISO instant (knex would inline a Date in the process's local time, without its offset). */
export const sqlInstant = (date: Date) => date.toISOString()
