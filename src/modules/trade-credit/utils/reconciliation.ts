import { MathBN } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import type { ReconciliationKind } from "../constants"
import { availableCredit } from "./available-credit"
import { isBalanceSession } from "./cart-balance"
import { currencyDecimals, roundToCurrency } from "./money"

/**
 * The reconciliation's comparisons, without I/O: what the ledger's totals,
 * its checkout entries and Medusa's on-account payments should agree on, and
 * for each disagreement a difference a credit controller can act on. The reads
 * are in `repositories/reconciliation.ts`, the run in `reconciliation.ts`.
 */

/** One account's stored totals next to what its credit history adds up to (numerics as exact strings). */
export type AccountTotalsRow = {
  id: string
  currency_code: string
  balance: string
  reserved: string
  available_credit: string
  credit_limit: string
  /** Sum of the entries' amounts. */
  entries_balance: string
  /** Sum of the entries' reserved deltas. */
  entries_reserved: string
  /** Sum of the reserved deltas of entries that name no payment session. */
  unsessioned_reserved: string
  /** `credit_limit_after` of the newest entry (null without entries). */
  last_credit_limit: string | null
}

/** A checkout's entries (one payment session on one account), summed. */
export type SessionLedgerRow = {
  payment_session_id: string
  account_id: string
  currency_code: string
  /** What the session still holds reserved: sum of its reserved deltas. */
  reserved: string
  /** What the session still charges to the balance: minus the sum of its amounts. */
  charged: string
  /** How many `purchased` entries it has (one authorization = one). */
  purchases: number
  order_id: string | null
  /** Seconds since its newest entry. */
  age_seconds: number
}

/** A Medusa payment by pay on account, as the reconciliation reads it. */
export type OnAccountPayment = {
  id: string
  payment_session_id: string | null
  currency_code: string
  amount: string
  /** Sum of its captures. */
  captured: string
  /** Sum of its refunds. */
  refunded: string
  canceled: boolean
  /** Seconds since the payment last changed (created, captured, refunded or canceled). */
  age_seconds: number
}

export type AppendOnlyTriggerState = "installed" | "missing" | "disabled"

export type ReconciliationDifference = {
  kind: ReconciliationKind
  account_id: string | null
  currency_code: string | null
  payment_session_id: string | null
  payment_id: string | null
  order_id: string | null
  /** What it should be: an amount in major units, or a state (`installed`). */
  expected: number | string | null
  /** What it is. */
  actual: number | string | null
  message: string
}

/** How a message names an account, mid-sentence: "the EUR account of Antwerp Tiles & Stone (tcacc_…)". */
export type AccountLabel = (accountId: string, currencyCode: string) => string

export const defaultAccountLabel: AccountLabel = (id, currency) => `the ${currency.toUpperCase()} account ${id}`

/** An account's label with its holder's name, when known. */
export function accountLabelWith(names: Map<string, string | null>): AccountLabel {
  return (id, currency) => {
    const name = names.get(id)
    return name ? `the ${currency.toUpperCase()} account of ${name} (${id})` : defaultAccountLabel(id, currency)
  }
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const money = (value: BigNumberJS, currency: string) =>
  `${value.toFixed(currencyDecimals(currency))} ${currency.toUpperCase()}`

const n = (value: BigNumberJS) => value.toNumber()

function difference(
  fields: Partial<ReconciliationDifference> & Pick<ReconciliationDifference, "kind" | "expected" | "actual" | "message">
): ReconciliationDifference {
  return {
    account_id: null,
    currency_code: null,
    payment_session_id: null,
    payment_id: null,
    order_id: null,
    ...fields,
  }
}

/**
 * The account row against its history: balance and reserved are the sums of
 * its entries, available credit is limit + balance - reserved of that history,
 * the limit is the one its newest entry recorded, and nothing is reserved
 * outside a checkout.
 */
export function compareAccountTotals(row: AccountTotalsRow, label: AccountLabel = defaultAccountLabel): ReconciliationDifference[] {
  const currency = row.currency_code
  const who = sentence(label(row.id, currency))
  const base = { account_id: row.id, currency_code: currency }
  const found: ReconciliationDifference[] = []
  const balance = MathBN.convert(row.balance)
  const historyBalance = MathBN.convert(row.entries_balance)
  if (!balance.eq(historyBalance)) {
    found.push(
      difference({
        ...base,
        kind: "balance_mismatch",
        expected: n(historyBalance),
        actual: n(balance),
        message: `${who} shows an outstanding balance of ${money(balance, currency)}, but its credit history adds up to ${money(historyBalance, currency)}: the balance was changed by ${money(MathBN.sub(balance, historyBalance), currency)} without a ledger entry.`,
      })
    )
  }
  const reserved = MathBN.convert(row.reserved)
  const historyReserved = MathBN.convert(row.entries_reserved)
  if (!reserved.eq(historyReserved)) {
    found.push(
      difference({
        ...base,
        kind: "reserved_mismatch",
        expected: n(historyReserved),
        actual: n(reserved),
        message: `${who} shows ${money(reserved, currency)} reserved for orders not yet posted, but its credit history reserves ${money(historyReserved, currency)}.`,
      })
    )
  }
  const available = MathBN.convert(row.available_credit)
  const historyAvailable = availableCredit({ credit_limit: row.credit_limit, balance: historyBalance, reserved: historyReserved })
  if (!available.eq(historyAvailable)) {
    found.push(
      difference({
        ...base,
        kind: "available_credit_mismatch",
        expected: n(historyAvailable),
        actual: n(available),
        message: `${who} shows ${money(available, currency)} of available credit, but its limit less what its credit history owes and reserves leaves ${money(historyAvailable, currency)}.`,
      })
    )
  }
  if (row.last_credit_limit !== null && !MathBN.eq(row.credit_limit, row.last_credit_limit)) {
    const limit = MathBN.convert(row.credit_limit)
    const recorded = MathBN.convert(row.last_credit_limit)
    found.push(
      difference({
        ...base,
        kind: "credit_limit_mismatch",
        expected: n(recorded),
        actual: n(limit),
        message: `${who} has a credit limit of ${money(limit, currency)}, but its credit history last recorded ${money(recorded, currency)}: the limit was changed without a ledger entry.`,
      })
    )
  }
  const unsessioned = MathBN.convert(row.unsessioned_reserved)
  if (!unsessioned.isZero()) {
    found.push(
      difference({
        ...base,
        kind: "reservation_without_payment_session",
        expected: 0,
        actual: n(unsessioned),
        message: `${who} has ${money(unsessioned, currency)} reserved by entries that belong to no checkout, so no order will ever release it.`,
      })
    )
  }
  return found
}

/** The ledger and the check share one reading of a payment: what is still authorized and not captured. */
function uncaptured(payment: OnAccountPayment): BigNumberJS {
  const rest = MathBN.sub(payment.amount, payment.captured)
  return rest.isNegative() ? MathBN.convert(0) : MathBN.convert(roundToCurrency(rest, payment.currency_code))
}

/**
 * Each checkout's entries against its Medusa payment, for checkouts left alone
 * for `graceSeconds` (one in progress writes the two one after the other):
 * every on-account payment has its entries, every checkout still charging or
 * reserving has its payment, one authorization each, nothing reserved without
 * a live authorization, nothing charged for a canceled payment, never more
 * charged than Medusa's payment less its refunds.
 */
export function compareSessions(
  sessions: SessionLedgerRow[],
  payments: OnAccountPayment[],
  graceSeconds: number,
  label: AccountLabel = defaultAccountLabel
): ReconciliationDifference[] {
  const found: ReconciliationDifference[] = []
  const bySession = new Map<string, OnAccountPayment>()
  for (const p of payments) {
    if (p.payment_session_id) {
      bySession.set(p.payment_session_id, p)
    }
  }
  const sessionIds = new Set(sessions.map((s) => s.payment_session_id))
  const settled = (age: number) => age >= graceSeconds

  for (const s of sessions) {
    const currency = s.currency_code
    const account = label(s.account_id, currency)
    const who = sentence(account)
    const order = s.order_id ? `order ${s.order_id}` : "a checkout without an order"
    const payment = bySession.get(s.payment_session_id) ?? null
    const base = { account_id: s.account_id, currency_code: currency, payment_session_id: s.payment_session_id, order_id: s.order_id, payment_id: payment?.id ?? null }
    const reserved = MathBN.convert(s.reserved)
    const charged = MathBN.convert(s.charged)
    const outstanding = MathBN.add(reserved, charged)
    if (s.purchases > 1) {
      found.push(
        difference({
          ...base,
          kind: "duplicate_purchase",
          expected: 1,
          actual: s.purchases,
          message: `${who} was charged ${s.purchases} times for ${order} (payment session ${s.payment_session_id}); one authorization is charged once.`,
        })
      )
    }
    if (reserved.isNegative()) {
      found.push(
        difference({
          ...base,
          kind: "negative_reservation",
          expected: 0,
          actual: n(reserved),
          message: `${who} released ${money(reserved.negated(), currency)} more than it ever reserved for ${order}.`,
        })
      )
    }
    if (!settled(s.age_seconds) || (payment && !settled(payment.age_seconds))) {
      continue
    }
    // The customer's balance spent at checkout (`<cart>:balance:<n>`) is paid
    // by the order's credit line, never by a Medusa payment: once it names its
    // order there is no payment to compare it with. Without an order it is a
    // debit whose cart never became one (below).
    if (!payment && isBalanceSession(s.payment_session_id) && s.order_id) {
      continue
    }
    if (!payment) {
      if (!outstanding.isZero()) {
        found.push(
          difference({
            ...base,
            kind: "entries_without_payment",
            expected: 0,
            actual: n(outstanding),
            message: `${who} still carries ${money(outstanding, currency)} for ${order} (payment session ${s.payment_session_id}), but Medusa has no payment for that checkout: the authorization was never completed into an order.`,
          })
        )
      }
      continue
    }
    if (payment.canceled) {
      if (!outstanding.isZero()) {
        found.push(
          difference({
            ...base,
            kind: "canceled_payment_still_charged",
            expected: 0,
            actual: n(outstanding),
            message: `Medusa canceled payment ${payment.id} of ${order}, but ${account} still carries ${money(outstanding, currency)} for it.`,
          })
        )
      }
      continue
    }
    const live = uncaptured(payment)
    if (reserved.gt(live)) {
      found.push(
        difference({
          ...base,
          kind: "reserved_without_live_authorization",
          expected: n(live),
          actual: n(reserved),
          message: `${who} reserves ${money(reserved, currency)} for ${order}, but only ${money(live, currency)} of Medusa's payment ${payment.id} is still authorized and not captured.`,
        })
      )
    }
    const payable = MathBN.convert(roundToCurrency(MathBN.sub(payment.amount, payment.refunded), payment.currency_code))
    if (charged.gt(payable)) {
      found.push(
        difference({
          ...base,
          kind: "charged_more_than_payment",
          expected: n(payable),
          actual: n(charged),
          message: `${who} is charged ${money(charged, currency)} for ${order}, more than the ${money(payable, currency)} of Medusa's payment ${payment.id} less its refunds.`,
        })
      )
    }
  }

  for (const p of payments) {
    if (!p.payment_session_id || sessionIds.has(p.payment_session_id) || !settled(p.age_seconds) || p.canceled) {
      continue
    }
    const amount = MathBN.convert(p.amount)
    found.push(
      difference({
        kind: "payment_without_entries",
        currency_code: p.currency_code,
        payment_session_id: p.payment_session_id,
        payment_id: p.id,
        expected: n(MathBN.convert(roundToCurrency(amount, p.currency_code))),
        actual: 0,
        message: `Medusa's payment ${p.id} of ${money(amount, p.currency_code)} was paid on account, but no account's credit history has an entry for it: the order was never charged to an account.`,
      })
    )
  }
  return found
}

/** The database trigger that keeps the credit history append-only. */
export function checkAppendOnlyTrigger(state: AppendOnlyTriggerState, triggerName: string): ReconciliationDifference[] {
  if (state === "installed") {
    return []
  }
  return [
    difference({
      kind: state === "missing" ? "append_only_trigger_missing" : "append_only_trigger_disabled",
      expected: "installed",
      actual: state,
      message:
        state === "missing"
          ? `The database trigger ${triggerName} that keeps the credit history append-only is missing: ledger entries can be changed or deleted. Re-create it from the plugin's migrations.`
          : `The database trigger ${triggerName} that keeps the credit history append-only is disabled: ledger entries can be changed or deleted. Enable it again (ALTER TABLE trade_credit_ledger_entry ENABLE TRIGGER ${triggerName}).`,
    }),
  ]
}

/** A Medusa payment record as the payment module lists it (with its captures and refunds). */
export type MedusaPaymentRecord = {
  id: string
  payment_session_id?: string | null
  currency_code: string
  amount: unknown
  raw_amount?: unknown
  canceled_at?: Date | string | null
  captured_at?: Date | string | null
  created_at?: Date | string | null
  captures?: ({ amount: unknown; raw_amount?: unknown; created_at?: Date | string | null } | null)[] | null
  refunds?: ({ amount: unknown; raw_amount?: unknown; created_at?: Date | string | null } | null)[] | null
}

const exact = (record: { amount: unknown; raw_amount?: unknown }) =>
  MathBN.convert(((record.raw_amount as { value?: string } | undefined)?.value ?? record.amount) as never)

/** What the comparisons need of a Medusa payment: totals and how long it has been left alone, by the database's clock `now`. */
export function onAccountPayment(record: MedusaPaymentRecord, now: Date): OnAccountPayment {
  const captures = (record.captures ?? []).filter((c): c is NonNullable<typeof c> => !!c)
  const refunds = (record.refunds ?? []).filter((r): r is NonNullable<typeof r> => !!r)
  const sum = (rows: { amount: unknown; raw_amount?: unknown }[]) =>
    rows.reduce<BigNumberJS>((total, row) => MathBN.add(total, exact(row)), MathBN.convert(0))
  const changes = [record.created_at, record.canceled_at, record.captured_at, ...captures.map((c) => c.created_at), ...refunds.map((r) => r.created_at)]
    .filter((d): d is Date | string => !!d)
    .map((d) => new Date(d).getTime())
  const latest = changes.length ? Math.max(...changes) : 0
  return {
    id: record.id,
    payment_session_id: record.payment_session_id ?? null,
    currency_code: record.currency_code,
    amount: exact(record).toFixed(),
    captured: sum(captures).toFixed(),
    refunded: sum(refunds).toFixed(),
    canceled: !!record.canceled_at,
    age_seconds: Math.max(0, (now.getTime() - latest) / 1000),
  }
}
