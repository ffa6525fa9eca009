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

/**
 * One account's receivables next to its ledger (numerics as exact strings):
 * `credits` are its postings that are not an order's debit (payments
 * received, adjustments, refunds, cancels), `allocated` what of them pays
 * or credits invoices.
 */
export type AccountReceivablesRow = {
  id: string
  currency_code: string
  /** Sum of the entries' amounts: negative = owed. */
  ledger_balance: string
  credits: string
  allocated: string
  /** Sum of the invoices' `amount_open`. */
  open_total: string
  owing_invoices: number
  invoices: number
  /** Order charges no invoice bills yet: outstanding orders under `invoice_at: "shipment"` (each flagged on its own under `placement`). */
  un_invoiced: string
  /** Refunds of outstanding orders no allocation used (they reduce the order, they are no unallocated credit). */
  pending_credits: string
  /** Outstanding orders by the history: their charges less those refunds, and how many owe something. */
  outstanding_total: string
  outstanding_orders: number
  /** The account row's running totals, which postings move instead of summing the history. */
  stored_unallocated_credit: string
  stored_outstanding_total: string
  stored_outstanding_orders: number
}

/** An invoice whose amount columns disagree with its allocation rows. */
export type InvoiceAllocationsRow = {
  id: string
  number: string
  account_id: string
  currency_code: string
  order_id: string | null
  payment_session_id: string | null
  amount: string
  amount_paid: string
  amount_credited: string
  amount_open: string
  /** Sums of its `payment` and `credit_note` allocations. */
  allocated_paid: string
  allocated_credited: string
}

/** An invoice still owing for an order whose credit was given back. */
export type CanceledOrderInvoiceRow = {
  id: string
  number: string
  account_id: string
  currency_code: string
  order_id: string | null
  payment_session_id: string
  status: string
  amount_open: string
  /** The checkout has a `reverted` entry (else: Medusa canceled its payment). */
  reverted_in_ledger: boolean
}

/** An order debit and its invoice that don't pair up: one of the two missing, or the amounts apart. */
export type OrderDebitInvoiceRow = {
  entry_id: string | null
  invoice_id: string | null
  invoice_number: string | null
  account_id: string
  currency_code: string
  order_id: string | null
  payment_session_id: string | null
  /** What the entry debited (positive), null without an entry. */
  debit: string | null
  /** The invoice's amount, null without an invoice. */
  invoiced: string | null
}

const invoiceName = (row: { number: string | null; id: string | null }) => `invoice ${row.number} (${row.id})`
const orderName = (row: { order_id: string | null; payment_session_id: string | null }) =>
  row.order_id ? `order ${row.order_id}` : row.payment_session_id ? `the checkout of payment session ${row.payment_session_id}` : "no order"

/**
 * An account's invoices against its ledger: what the open invoices owe less
 * the credit not yet allocated to any invoice is what the credit history says
 * is owed (`invoices_ledger_mismatch`), and credit is never left unallocated
 * beside an invoice it could pay (`unallocated_credit_beside_owing_invoices`).
 * The invariant every posting checks (receivablesViolation), from the rows.
 */
export function compareAccountReceivables(
  row: AccountReceivablesRow,
  label: AccountLabel = defaultAccountLabel,
  options: { invoice_at?: "placement" | "shipment" } = {}
): ReconciliationDifference[] {
  const currency = row.currency_code
  const who = sentence(label(row.id, currency))
  const base = { account_id: row.id, currency_code: currency }
  const found: ReconciliationDifference[] = []
  const owed = MathBN.convert(row.ledger_balance).negated()
  const open = MathBN.convert(row.open_total)
  // Outstanding orders (charged, not invoiced yet) are owed too, less their refunds made before
  // they were invoiced, which are then no unallocated credit either. (Invoiced at placement there
  // are none: an uninvoiced charge is a difference of its own.)
  const shipment = options.invoice_at === "shipment"
  const pending = MathBN.convert(shipment ? (row.pending_credits ?? 0) : 0)
  const unallocated = MathBN.sub(MathBN.sub(row.credits, row.allocated), pending)
  const outstanding = shipment ? MathBN.sub(row.un_invoiced ?? 0, pending) : MathBN.convert(0)
  const invoicesOwe = MathBN.sub(MathBN.add(open, outstanding), unallocated)
  if (!invoicesOwe.eq(owed)) {
    found.push(
      difference({
        ...base,
        kind: "invoices_ledger_mismatch",
        expected: n(owed),
        actual: n(invoicesOwe),
        message: `${who} owes ${money(owed, currency)} by its credit history, but its open invoices (${money(open, currency)})${outstanding.isZero() ? "" : ` and outstanding orders (${money(outstanding, currency)})`} less its unallocated credit (${money(unallocated, currency)}) come to ${money(invoicesOwe, currency)}, ${money(MathBN.sub(invoicesOwe, owed), currency)} apart.`,
      })
    )
  }
  if (unallocated.gt(0) && row.owing_invoices > 0) {
    found.push(
      difference({
        ...base,
        kind: "unallocated_credit_beside_owing_invoices",
        expected: 0,
        actual: n(unallocated),
        message: `${who} has ${money(unallocated, currency)} of credit allocated to no invoice while ${row.owing_invoices} of its invoices still owe ${money(open, currency)}: the credit should have paid them.`,
      })
    )
  }
  found.push(...compareRunningTotals(row, who, base, options))
  return found
}

/**
 * The running totals a posting reads instead of the history (the account
 * row's unallocated credit and outstanding orders) against what the history
 * says they are: a drift would make the next postings settle with the wrong
 * credit. Outstanding orders only under `invoice_at: "shipment"`: invoiced at
 * placement an order charge without its invoice is a difference of its own
 * (order_debit_without_invoice).
 */
function compareRunningTotals(
  row: AccountReceivablesRow,
  who: string,
  base: { account_id: string; currency_code: string },
  options: { invoice_at?: "placement" | "shipment" }
): ReconciliationDifference[] {
  const currency = row.currency_code
  const found: ReconciliationDifference[] = []
  const unallocated = MathBN.sub(MathBN.sub(row.credits, row.pending_credits), row.allocated)
  const stored = MathBN.convert(row.stored_unallocated_credit)
  if (!stored.eq(unallocated)) {
    found.push(
      difference({
        ...base,
        kind: "unallocated_credit_mismatch",
        expected: n(unallocated),
        actual: n(stored),
        message: `${who} shows ${money(stored, currency)} of unallocated credit, but its credit history less its allocations leaves ${money(unallocated, currency)}.`,
      })
    )
  }
  const outstanding = MathBN.convert(row.outstanding_total)
  const storedOutstanding = MathBN.convert(row.stored_outstanding_total)
  const ordersDiffer = !storedOutstanding.eq(outstanding) || row.stored_outstanding_orders !== row.outstanding_orders
  if (options.invoice_at === "shipment" && ordersDiffer) {
    found.push(
      difference({
        ...base,
        kind: "outstanding_orders_mismatch",
        expected: n(outstanding),
        actual: n(storedOutstanding),
        message: `${who} shows ${row.stored_outstanding_orders} outstanding order(s) for ${money(storedOutstanding, currency)}, but its credit history has ${row.outstanding_orders} order(s) charged and not invoiced for ${money(outstanding, currency)}.`,
      })
    )
  }
  return found
}

/** Each invoice's amounts paid and credited are its allocations, and open = amount - credited - paid. */
export function compareInvoiceAllocations(rows: InvoiceAllocationsRow[], label: AccountLabel = defaultAccountLabel): ReconciliationDifference[] {
  const found: ReconciliationDifference[] = []
  for (const row of rows) {
    const currency = row.currency_code
    const base = { account_id: row.account_id, currency_code: currency, order_id: row.order_id, payment_session_id: row.payment_session_id }
    const of = `${invoiceName(row)} of ${label(row.account_id, currency)}`
    const parts: string[] = []
    let expected: BigNumberJS | null = null
    let actual: BigNumberJS | null = null
    const paid = MathBN.convert(row.amount_paid)
    const allocatedPaid = MathBN.convert(row.allocated_paid)
    if (!paid.eq(allocatedPaid)) {
      parts.push(`shows ${money(paid, currency)} paid, but its payment allocations add up to ${money(allocatedPaid, currency)}`)
      expected ??= allocatedPaid
      actual ??= paid
    }
    const credited = MathBN.convert(row.amount_credited)
    const allocatedCredited = MathBN.convert(row.allocated_credited)
    if (!credited.eq(allocatedCredited)) {
      parts.push(`shows ${money(credited, currency)} credited, but its credit notes add up to ${money(allocatedCredited, currency)}`)
      expected ??= allocatedCredited
      actual ??= credited
    }
    const open = MathBN.convert(row.amount_open)
    const rest = MathBN.sub(MathBN.sub(row.amount, row.amount_credited), row.amount_paid)
    if (!open.eq(rest)) {
      parts.push(`shows ${money(open, currency)} open, but its amount less what was credited and paid leaves ${money(rest, currency)}`)
      expected ??= rest
      actual ??= open
    }
    if (!parts.length) {
      continue
    }
    found.push(
      difference({
        ...base,
        kind: "invoice_allocations_mismatch",
        expected: n(expected!),
        actual: n(actual!),
        message: `${sentence(of)} ${parts.join("; it ")}.`,
      })
    )
  }
  return found
}

/** No invoice of a canceled order (credit given back in the ledger, or its payment canceled by Medusa) still owes money. */
export function compareCanceledOrderInvoices(rows: CanceledOrderInvoiceRow[], label: AccountLabel = defaultAccountLabel): ReconciliationDifference[] {
  return rows.map((row) => {
    const currency = row.currency_code
    const open = MathBN.convert(row.amount_open)
    const why = row.reverted_in_ledger ? "its credit was given back when it was canceled" : "Medusa canceled its payment"
    return difference({
      account_id: row.account_id,
      currency_code: currency,
      order_id: row.order_id,
      payment_session_id: row.payment_session_id,
      kind: "canceled_order_invoice_open",
      expected: 0,
      actual: n(open),
      message: `${sentence(invoiceName(row))} of ${label(row.account_id, currency)} still owes ${money(open, currency)} (${row.status}) for ${orderName(row)}, but ${why}: a canceled order's invoice is void.`,
    })
  })
}

/**
 * Every order debit (an order posted to the balance at authorization, or a
 * capture) has exactly its invoice, of its amount, and every invoice bills one
 * (`order_debit_without_invoice`, `invoice_without_order_debit`,
 * `invoice_amount_mismatch`). An order only authorized (reserved, not yet
 * captured) owes nothing yet and has no invoice.
 */
export function compareOrderDebitInvoices(
  rows: OrderDebitInvoiceRow[],
  label: AccountLabel = defaultAccountLabel,
  options: { invoice_at?: "placement" | "shipment" } = {}
): ReconciliationDifference[] {
  // Invoiced at shipment, a charge waits for its invoice as an outstanding order (the totals check counts it).
  const waiting = (row: OrderDebitInvoiceRow) => options.invoice_at === "shipment" && row.invoice_id === null
  return rows.filter((row) => !waiting(row)).map((row) => {
    const currency = row.currency_code
    const account = label(row.account_id, currency)
    const base = { account_id: row.account_id, currency_code: currency, order_id: row.order_id, payment_session_id: row.payment_session_id }
    if (row.invoice_id === null) {
      const debit = MathBN.convert(row.debit!)
      return difference({
        ...base,
        kind: "order_debit_without_invoice",
        expected: n(debit),
        actual: 0,
        message: `${sentence(account)} was charged ${money(debit, currency)} for ${orderName(row)} (entry ${row.entry_id}), but no invoice bills that charge.`,
      })
    }
    const invoiced = MathBN.convert(row.invoiced!)
    if (row.entry_id === null) {
      return difference({
        ...base,
        kind: "invoice_without_order_debit",
        expected: 0,
        actual: n(invoiced),
        message: `${sentence(invoiceName({ number: row.invoice_number, id: row.invoice_id }))} of ${account} bills ${money(invoiced, currency)} for ${orderName(row)}, but no order charge in the credit history is its own.`,
      })
    }
    const debit = MathBN.convert(row.debit!)
    return difference({
      ...base,
      kind: "invoice_amount_mismatch",
      expected: n(debit),
      actual: n(invoiced),
      message: `${sentence(invoiceName({ number: row.invoice_number, id: row.invoice_id }))} of ${account} bills ${money(invoiced, currency)} for ${orderName(row)}, but the charge it bills (entry ${row.entry_id}) is ${money(debit, currency)}.`,
    })
  })
}
