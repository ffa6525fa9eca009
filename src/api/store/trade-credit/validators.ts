import { z } from "@medusajs/framework/zod"
import { idText, jsonRecord } from "../../utils/validators"

export type StoreStartCardPaymentType = z.infer<typeof StoreStartCardPayment>
export const StoreStartCardPayment = z
  .object({
    /** In the account's currency, major units (JSON number or decimal string); checked against its minor units. */
    amount: z.union([z.number(), z.string()]),
    /** A payment provider enabled in the store, e.g. `pp_stripe_stripe`; never pay on account. */
    provider_id: idText("provider_id"),
    /** Passed to the provider as session data. */
    data: jsonRecord("data").optional(),
  })
  .strict()

export type StoreCompleteCardPaymentType = z.infer<typeof StoreCompleteCardPayment>
export const StoreCompleteCardPayment = z
  .object({
    /** A held order of this account to release, if the payment now covers it. */
    release_order_id: idText("release_order_id").nullish(),
  })
  .strict()

export type StoreGetBalanceType = z.infer<typeof StoreGetBalance>
export const StoreGetBalance = z
  .object({
    /** ISO 4217 code of the currency to read the balance in (the cart's), e.g. `eur`. */
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO 4217 code, e.g. eur.")
      .transform((c) => c.toLowerCase()),
  })
  .strict()

export type StoreApplyCartBalanceType = z.infer<typeof StoreApplyCartBalance>
export const StoreApplyCartBalance = z
  .object({
    /**
     * The most of the balance to apply, in the cart's currency (major units);
     * left out: as much as possible. Never more than the balance nor the
     * cart's total.
     */
    amount: z.union([z.number(), z.string()]).optional(),
  })
  .strict()
