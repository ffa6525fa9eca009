import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import {
  DEFAULT_REFUND_RETURNS_TO,
  REFUND_DESTINATIONS,
  REFUND_TO_METADATA_KEY,
  type RefundDestination,
} from "../constants"
import { currencyDecimals } from "./money"
import { normalizePerCurrencyAmount, type PerCurrencyAmount, perCurrencyAmountFor } from "./per-currency-amount"

/**
 * The rules of money moving between an order and the customer's balance
 * (refund to balance, returns, the tolerance settlement). Pure: the workflow
 * reads the order and the module posts.
 */

export type OrderBalanceOptions = {
  refund_returns_to: RefundDestination
  /** One amount for every currency, or per currency (lower-case codes). "0": nothing is settled. */
  settle_tolerance: PerCurrencyAmount
}

function invalid(message: string) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: ${message}`)
}

/** Reads and checks `refund_returns_to` and `settle_tolerance`; throws naming the option. */
export function normalizeOrderBalanceOptions(options: { refund_returns_to?: unknown; settle_tolerance?: unknown }): OrderBalanceOptions {
  const to = options.refund_returns_to ?? DEFAULT_REFUND_RETURNS_TO
  if (!REFUND_DESTINATIONS.includes(to as RefundDestination)) {
    throw invalid(`option "refund_returns_to" must be one of ${REFUND_DESTINATIONS.join(", ")}, got ${JSON.stringify(to)}.`)
  }
  return { refund_returns_to: to as RefundDestination, settle_tolerance: normalizePerCurrencyAmount("settle_tolerance", options.settle_tolerance, "0.05") }
}


/** The tolerance of one currency (0 when the option names others only). */
export function settleToleranceFor(options: Pick<OrderBalanceOptions, "settle_tolerance">, currency: string): BigNumberJS {
  return perCurrencyAmountFor(options.settle_tolerance, currency)
}

/**
 * What an order owes its customer (Medusa's pending difference below zero:
 * returns, removed items, claims), else 0. Medusa computes it from totals
 * with tax, which can carry more decimals than the currency has: it is
 * rounded DOWN to what can be paid out, so a refund never exceeds what is owed.
 */
export function refundableOf(pendingDifference: BigNumberInput | null | undefined, currency: string): BigNumberJS {
  const pending = MathBN.convert(pendingDifference ?? 0)
  return pending.lt(0) ? towardZero(pending.negated(), currency) : MathBN.convert(0)
}

function towardZero(amount: BigNumberJS, currency: string): BigNumberJS {
  const rounded = amount.decimalPlaces(currencyDecimals(currency), 1 /* ROUND_DOWN */)
  return rounded.isZero() ? MathBN.convert(0) : rounded
}

/**
 * The tolerance settlement of an order: an overpayment (pending difference
 * below zero) or an underpayment (above zero) of at most `tolerance` goes to
 * the balance: `amount` > 0 credits it, < 0 debits it. Null when there is
 * nothing to settle: no difference, a difference over the tolerance, or an
 * order that nobody has paid anything for yet (its whole total is pending:
 * that is an unpaid order, not an underpayment).
 */
export function toleranceSettlement(input: {
  pending_difference: BigNumberInput | null | undefined
  paid_total: BigNumberInput | null | undefined
  tolerance: BigNumberInput
  currency_code: string
}): { amount: BigNumberJS } | null {
  // Rounded toward zero to the currency's minor units: a difference below one cent is no difference.
  const pending = towardZero(MathBN.convert(input.pending_difference ?? 0), input.currency_code)
  const tolerance = MathBN.convert(input.tolerance)
  if (pending.isZero() || tolerance.lte(0) || pending.abs().gt(tolerance)) {
    return null
  }
  if (pending.gt(0) && !MathBN.convert(input.paid_total ?? 0).gt(0)) {
    return null
  }
  return { amount: pending.negated() }
}

/** Where a received return's refund goes: the admin's choice on the return (or its order), else the option. */
export function returnRefundDestination(
  returnMetadata: Record<string, unknown> | null | undefined,
  orderMetadata: Record<string, unknown> | null | undefined,
  option: RefundDestination
): RefundDestination {
  for (const metadata of [returnMetadata, orderMetadata]) {
    const chosen = metadata?.[REFUND_TO_METADATA_KEY]
    if (typeof chosen === "string" && REFUND_DESTINATIONS.includes(chosen as RefundDestination)) {
      return chosen as RefundDestination
    }
  }
  return option
}

/** The comment of a refund-to-balance entry: the reason, then the admin's note. */
export function refundComment(reason: string, note?: string | null): string {
  const n = note?.trim()
  return n ? `${reason.trim()}\n${n}` : reason.trim()
}

export function refundExceedsMessage(amount: BigNumberInput, refundable: BigNumberInput, currency: string, orderLabel: string): string {
  const d = currencyDecimals(currency)
  const c = currency.toUpperCase()
  const r = MathBN.convert(refundable)
  if (r.isZero()) {
    return `${orderLabel} owes the customer nothing: only what an order has been overpaid by (a received return, items removed by an order edit, a claim) can be refunded to the balance.`
  }
  return `${MathBN.convert(amount).toFixed(d)} ${c} is more than ${orderLabel} owes the customer (${r.toFixed(d)} ${c}): only what it has been overpaid by can be refunded to the balance.`
}

export function guestOrderMessage(orderLabel: string): string {
  return `${orderLabel} was placed by a guest: guests have no balance. Refund it to the original payment instead.`
}
