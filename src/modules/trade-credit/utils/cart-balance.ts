import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import BigNumberJS from "bignumber.js"
import { currencyDecimals } from "./money"

/**
 * The customer balance at checkout, pure rules. A logged-in customer's
 * positive balance (their personal account, in the cart's currency) is
 * applied to the cart as a Medusa cart credit line with this reference, so
 * `cart.total` is what is left to pay; the line becomes an order credit line
 * when the cart completes.
 */
export const BALANCE_CREDIT_LINE_REFERENCE = "trade-credit"

/**
 * Cart metadata key holding the buyer's choice: `{ opted_out: true }` (DELETE
 * of the route), or `{ opted_in: true, amount? }` (POST: apply, up to the amount they asked for).
 */
export const BALANCE_CART_METADATA_KEY = "trade_credit_balance"

export type CartBalanceChoice = { opted_out?: boolean; opted_in?: boolean; amount?: string | null }

/** The buyer's choice stored on the cart, ignoring anything malformed. */
export function cartBalanceChoice(metadata: Record<string, unknown> | null | undefined): CartBalanceChoice {
  const raw = metadata?.[BALANCE_CART_METADATA_KEY]
  if (!raw || typeof raw !== "object") {
    return {}
  }
  const choice = raw as Record<string, unknown>
  return {
    opted_out: choice.opted_out === true,
    opted_in: choice.opted_in === true,
    amount: typeof choice.amount === "string" && /^\d+(\.\d+)?$/.test(choice.amount) ? choice.amount : null,
  }
}

/**
 * What a balance may still pay: positive money on the account less what its
 * open on-account authorizations will take. Never negative: an account that
 * owes money has no balance to spend, whatever its credit limit.
 */
export function spendableBalance(row: { balance: BigNumberInput; reserved: BigNumberInput }): BigNumberJS {
  const free = MathBN.sub(row.balance, row.reserved)
  return free.gt(0) ? free : new BigNumberJS(0)
}

/**
 * How much of the balance a cart gets: as much as possible (or the amount the
 * buyer asked for), never more than the balance can pay nor than the cart's
 * total before this credit. A total with tax may carry more decimals than the
 * currency (47.069 EUR): when the balance covers that total as it would be
 * charged (47.07), the credit line is the exact total, so nothing is left to
 * pay, and the ledger debits the charged amount (`balanceDebit`); otherwise
 * the part applied is rounded DOWN to the currency's minor units. Zero when
 * the buyer opted out, or the store doesn't apply the balance by itself and
 * the buyer never asked for it.
 */
export function cartBalanceTarget(input: {
  spendable: BigNumberInput
  cart_total_before_credit: BigNumberInput
  currency_code: string
  choice: CartBalanceChoice
  auto_apply: boolean
}): BigNumberJS {
  const { choice } = input
  if (choice.opted_out || (!input.auto_apply && !choice.opted_in)) {
    return new BigNumberJS(0)
  }
  const total = MathBN.convert(input.cart_total_before_credit)
  if (!total.gt(0)) {
    return new BigNumberJS(0)
  }
  const cap = choice.amount ? MathBN.min(input.spendable, choice.amount) : MathBN.convert(input.spendable)
  if (cap.gte(balanceDebit(total, input.currency_code))) {
    return total
  }
  const target = MathBN.min(cap, total).decimalPlaces(currencyDecimals(input.currency_code), BigNumberJS.ROUND_DOWN)
  return target.gt(0) ? target : new BigNumberJS(0)
}

/**
 * What the ledger debits for a credit line: its amount as a payment would
 * charge it, half up to the currency's minor units (as Medusa's payment module
 * rounds a payment collection).
 */
export function balanceDebit(creditLineAmount: BigNumberInput, currencyCode: string): BigNumberJS {
  return MathBN.convert(creditLineAmount).decimalPlaces(currencyDecimals(currencyCode), BigNumberJS.ROUND_HALF_UP)
}

/**
 * Each completion attempt of a cart that uses the balance debits it under its
 * own key: `<cart id>:balance:<n>`, written in the entries' `payment_session_id`
 * column so that naming the placed order and reverting it on cancel reuse the
 * ledger's per-session machinery. A failed attempt is given back, the next
 * one is a new key.
 */
export function balanceSessionId(cartId: string, attempt: number): string {
  return `${cartId}:balance:${attempt}`
}

/** The `LIKE` pattern of every balance session of a cart (cart ids hold no `%` or `_`-wildcards that matter: `_` matches itself too). */
export function balanceSessionPattern(cartId: string): string {
  return `${cartId.replace(/[%_\\]/g, (c) => `\\${c}`)}:balance:%`
}

/** True for a `payment_session_id` written by a balance debit (never a Medusa payment session). */
export function isBalanceSession(sessionId: string | null | undefined): boolean {
  return !!sessionId && /:balance:\d+$/.test(sessionId)
}

/** The sum of a cart's credit lines that carry the balance. */
export function appliedBalance(
  // raw_amount is Medusa's stored decimal (`{value, precision}`), which MathBN reads exactly.
  lines: Array<{ reference?: string | null; amount?: BigNumberInput | null; raw_amount?: unknown } | null | undefined>
): BigNumberJS {
  return lines
    .filter((l) => l?.reference === BALANCE_CREDIT_LINE_REFERENCE)
    .reduce((sum: BigNumberJS, l) => MathBN.add(sum, (l!.raw_amount ?? l!.amount ?? 0) as BigNumberInput), new BigNumberJS(0))
}
