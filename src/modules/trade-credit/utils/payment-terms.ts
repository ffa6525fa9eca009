import { MedusaError } from "@medusajs/framework/utils"
import { MAX_TERMS_DAYS as MAX_DAYS, PAYMENT_TERMS_TYPES as TERMS_TYPES, type PaymentTermsType } from "../constants"
import type { PaymentTerms } from "../types"

/**
 * Checks and normalises payment terms: `net_days` only (and always) for
 * `net_days` terms; `grace_days` defaults to 0. Bad terms throw INVALID_DATA
 * naming the field.
 */
export function normalizePaymentTerms(terms: PaymentTerms): Required<PaymentTerms> {
  if (!terms || !TERMS_TYPES.includes(terms.type as PaymentTermsType)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `payment_terms.type must be one of ${TERMS_TYPES.join(", ")}.`
    )
  }
  const grace = terms.grace_days ?? 0
  if (!Number.isInteger(grace) || grace < 0 || grace > MAX_DAYS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `payment_terms.grace_days must be a whole number of days between 0 and ${MAX_DAYS}.`
    )
  }
  if (terms.type === "net_days") {
    const days = terms.net_days
    if (days === null || days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `payment_terms.net_days must be a whole number of days between 1 and ${MAX_DAYS} for net_days terms.`
      )
    }
    return { type: "net_days", net_days: days, grace_days: grace }
  }
  if (terms.net_days !== null && terms.net_days !== undefined) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `payment_terms.net_days only applies to net_days terms, not ${terms.type}.`
    )
  }
  return { type: terms.type, net_days: null, grace_days: grace }
}
