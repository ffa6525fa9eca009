import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import type { Actor, AuthorizeOnAccountResult, Idempotency, OverduePolicy } from "../types"
import { availableCredit } from "./available-credit"
import { parseAmount } from "./money"
import { notEnoughCreditMessage } from "./refusals"

/** The account row as read under lock: numerics as exact strings. */
export type LockedAccountRow = {
  id: string
  currency_code: string
  /** Whose account it is: a customer's own, or a customer group's (a company's). */
  customer_id?: string | null
  customer_group_id?: string | null
  credit_limit: string
  balance: string
  reserved: string
  /**
   * Running totals kept by receivables: orders not invoiced yet (`invoice_at:
   * "shipment"`) and credit no invoice has used yet.
   */
  outstanding_orders_total?: string
  outstanding_orders_count?: number
  unallocated_credit?: string
  allow_exceed: boolean
  over_limit_policy: "hold" | "block" | null
  status: "normal" | "query" | "on_stop"
  overdue_policy: OverduePolicy
  terms_type: string
  terms_net_days: number | null
  terms_grace_days: number
  reference: string | null
  metadata: Record<string, unknown> | null
  billing_email: string | null
  reminders_paused: boolean
}

export type PostingTotals = {
  amount: BigNumberJS
  reserved_delta: BigNumberJS
  balance: BigNumberJS
  reserved: BigNumberJS
  available: BigNumberJS
  /** The posting takes credit and leaves the account over its limit: the entry is flagged. */
  over_limit: boolean
}

/**
 * The new totals of a posting that moves `amount` into the balance and
 * `reservedDelta` into the reserved total, or the refusal: nothing to move,
 * releasing more than is reserved, or (with `enforce_limit`) going over the
 * limit of an account that doesn't allow it.
 */
export function postingTotals(
  row: Pick<LockedAccountRow, "currency_code" | "credit_limit" | "balance" | "reserved" | "allow_exceed">,
  input: { amount?: BigNumberInput | null; reserved_delta?: BigNumberInput | null; enforce_limit?: boolean; force_over_limit?: boolean }
): PostingTotals {
  const currency = row.currency_code
  const amount = parseAmount(input.amount ?? 0, currency, "amount", { allowZero: true })
  const reservedDelta = parseAmount(input.reserved_delta ?? 0, currency, "reserved_delta", { allowZero: true })
  if (amount.isZero() && reservedDelta.isZero()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must not be zero.")
  }
  const balance = MathBN.add(row.balance, amount)
  const reserved = MathBN.add(row.reserved, reservedDelta)
  if (reserved.isNegative()) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot release ${reservedDelta.negated().toString()} ${currency.toUpperCase()}: only ${row.reserved} is reserved on this account.`
    )
  }
  const available = availableCredit({ credit_limit: row.credit_limit, balance, reserved })
  // gt/lt, not isPositive/isNegative: bignumber.js calls zero positive, and a
  // reimbursement (reserved unchanged) gives credit back, it never takes it.
  const takesCredit = amount.lt(0) || reservedDelta.gt(0)
  const overLimit = takesCredit && available.isNegative()
  if (overLimit && input.enforce_limit && !row.allow_exceed && !input.force_over_limit) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      notEnoughCreditMessage(availableCredit(row), available.negated(), currency, "posting")
    )
  }
  return { amount, reserved_delta: reservedDelta, balance, reserved, available, over_limit: overLimit }
}

type SessionEntry = { operation: string; raw_amount: unknown; raw_reserved_delta: unknown }

/**
 * What an order's postings still take from the account: its reservation, the
 * amount posted to the balance less what was given back, and its `reverted`
 * entry if it was canceled.
 */
export function sessionOutstanding<E extends SessionEntry>(entries: E[]) {
  let reserved = MathBN.convert(0)
  let posted = MathBN.convert(0)
  for (const e of entries) {
    reserved = MathBN.add(reserved, e.raw_reserved_delta as never)
    posted = MathBN.sub(posted, e.raw_amount as never)
  }
  const reverted = entries.find((e) => e.operation === "reverted") ?? null
  return { reserved, posted, reverted }
}

/** The answer to an authorization that took the credit. */
export function authorized(
  accountId: string,
  entry: { id: string; raw_amount: unknown; over_limit: boolean }
): AuthorizeOnAccountResult {
  return {
    status: "authorized",
    account_id: accountId,
    entry_id: entry.id,
    posted: !MathBN.eq(entry.raw_amount as never, 0),
    over_limit: entry.over_limit,
  }
}

/** Who wrote an entry, as its columns. */
export function actorFields(actor: Actor) {
  return { actor_type: actor.type, actor_id: actor.id ?? null, actor_name: actor.name ?? null }
}

/** Who decided a credit review, as its columns. */
export function decidedBy(actor: Actor) {
  return { decided_by_type: actor.type, decided_by_id: actor.id ?? null, decided_by_name: actor.name ?? null }
}

/** The replay key of a request and the hash of its body, as entry columns. */
export function idempotencyFields(idempotency?: Idempotency) {
  return {
    idempotency_key: idempotency?.key ?? null,
    request_hash: idempotency?.key ? idempotency.request_hash ?? null : null,
  }
}

/**
 * Money goes to the generated create/update methods as exact decimal strings;
 * their generated types only admit JS numbers for bigNumber fields.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function asRow(row: Record<string, unknown>): any {
  return row
}
