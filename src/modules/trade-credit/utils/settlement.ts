import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import type { InvoiceStatus } from "../constants"

/**
 * Settlement: which invoice each credit to an account pays, as pure plans the
 * receivables code (receivables.ts) writes as allocation rows under the
 * account lock. Every amount is exact (bignumber.js), never a JS float.
 */

const bn = (v: BigNumberInput) => MathBN.convert(v)
const ZERO = () => MathBN.convert(0)

/** An invoice's open amount and status, from what it bills, what credit notes took off and what was paid. */
export function invoiceState(amounts: { amount: BigNumberInput; amount_credited: BigNumberInput; amount_paid: BigNumberInput }): {
  amount_open: BigNumberJS
  status: InvoiceStatus
} {
  const net = bn(amounts.amount).minus(bn(amounts.amount_credited))
  const paid = bn(amounts.amount_paid)
  const open = net.minus(paid)
  if (net.lt(0) || paid.lt(0) || open.lt(0)) {
    throw new Error(
      `Invoice amounts out of order: amount ${amounts.amount}, credited ${amounts.amount_credited}, paid ${amounts.amount_paid}.`
    )
  }
  const status: InvoiceStatus = net.isZero() ? "void" : open.isZero() ? "paid" : paid.gt(0) ? "partially_paid" : "open"
  return { amount_open: open, status }
}

export type SettlementInvoice = {
  id: string
  number: string
  amount: BigNumberInput
  amount_credited: BigNumberInput
  amount_paid: BigNumberInput
  due_at: Date | string
  issued_at: Date | string
}

/** Invoices in the order credits pay them: the named one first, then oldest due date, then oldest issue, then number. */
export function settlementOrder<I extends SettlementInvoice>(invoices: I[], namedInvoiceId?: string | null): I[] {
  const time = (d: Date | string) => new Date(d).getTime()
  return [...invoices].sort((a, b) => {
    if (namedInvoiceId && (a.id === namedInvoiceId) !== (b.id === namedInvoiceId)) {
      return a.id === namedInvoiceId ? -1 : 1
    }
    return time(a.due_at) - time(b.due_at) || time(a.issued_at) - time(b.issued_at) || a.number.localeCompare(b.number)
  })
}

export type CreditNoteLine = { invoice_id: string; credit: BigNumberJS; unpay: BigNumberJS }

/**
 * A refund (or the cancel) of an order reduces its invoices, newest first, by
 * the refunded amount: a credit note line per invoice. What an invoice was
 * paid beyond its reduced amount is paid back out of it (`unpay`) and becomes
 * unallocated credit again. Any rest (an order without invoice) is returned
 * as `uninvoiced`: it stays a plain credit to the account.
 */
export function planCreditNote(
  invoicesNewestFirst: Array<Pick<SettlementInvoice, "id" | "amount" | "amount_credited" | "amount_paid">>,
  refund: BigNumberInput
): { lines: CreditNoteLine[]; uninvoiced: BigNumberJS } {
  let rest = bn(refund)
  const lines: CreditNoteLine[] = []
  for (const inv of invoicesNewestFirst) {
    if (!rest.gt(0)) {
      break
    }
    const net = bn(inv.amount).minus(bn(inv.amount_credited))
    const credit = MathBN.min(net, rest) as BigNumberJS
    if (!credit.gt(0)) {
      continue
    }
    const paid = bn(inv.amount_paid)
    const unpay = MathBN.max(ZERO(), paid.minus(net.minus(credit))) as BigNumberJS
    lines.push({ invoice_id: inv.id, credit, unpay })
    rest = rest.minus(credit)
  }
  return { lines, uninvoiced: rest }
}

/** A payment that can be undone: the net of one credit entry's payment allocations to one invoice. */
export type PaidShare = { invoice_id: string; entry_id: string; reference: string | null; amount: BigNumberInput; order: number }

/**
 * A negative credit (a bounced transfer, a negative adjustment) beyond the
 * unallocated credit undoes payments: first those of the payment it names
 * (same reference), then the newest. Returns the negative amounts per invoice.
 */
export function planUndo(deficit: BigNumberInput, shares: PaidShare[], reference?: string | null): Array<{ invoice_id: string; amount: BigNumberJS }> {
  let rest = bn(deficit)
  const ordered = [...shares]
    .filter((s) => bn(s.amount).gt(0))
    .sort((a, b) => {
      const ra = !!reference && a.reference === reference
      const rb = !!reference && b.reference === reference
      return ra !== rb ? (ra ? -1 : 1) : b.order - a.order
    })
  const undo = new Map<string, BigNumberJS>()
  for (const s of ordered) {
    if (!rest.gt(0)) {
      break
    }
    const take = MathBN.min(bn(s.amount), rest) as BigNumberJS
    undo.set(s.invoice_id, (undo.get(s.invoice_id) ?? ZERO()).plus(take))
    rest = rest.minus(take)
  }
  return [...undo].map(([invoice_id, amount]) => ({ invoice_id, amount: amount.negated() }))
}

/** A credit entry and what of it is not allocated yet (negative for a bounced payment not yet netted). */
export type CreditSource = { entry_id: string; reference: string | null; remaining: BigNumberInput; order: number }

/**
 * Which credits fund new allocations: each credit's unallocated rest, after
 * netting the negative ones (a bounced payment) against the payment they name
 * by reference, then against the oldest. Oldest first.
 */
export function fundingSources(sources: CreditSource[]): Array<{ entry_id: string; available: BigNumberJS }> {
  const sorted = [...sources].sort((a, b) => a.order - b.order)
  const available = new Map(sorted.map((s) => [s.entry_id, bn(s.remaining)]))
  for (const neg of sorted.filter((s) => bn(s.remaining).lt(0))) {
    let owed = bn(neg.remaining).negated()
    available.set(neg.entry_id, ZERO())
    const candidates = [
      ...sorted.filter((s) => neg.reference && s.reference === neg.reference),
      ...sorted,
    ]
    for (const c of candidates) {
      const have = available.get(c.entry_id)!
      if (!owed.gt(0)) {
        break
      }
      if (!have.gt(0)) {
        continue
      }
      const take = MathBN.min(have, owed) as BigNumberJS
      available.set(c.entry_id, have.minus(take))
      owed = owed.minus(take)
    }
  }
  return sorted.map((s) => ({ entry_id: s.entry_id, available: available.get(s.entry_id)! })).filter((s) => s.available.gt(0))
}

export type AllocationLine = { invoice_id: string; entry_id: string; amount: BigNumberJS }

/**
 * Allocates the account's unallocated credit (`pool`) to its owing invoices
 * in settlement order, each line naming the credit that funds it (oldest
 * unallocated credit first). Stops when the pool or the invoices run out.
 */
export function planAllocations(
  pool: BigNumberInput,
  invoicesInOrder: Array<Pick<SettlementInvoice, "id" | "amount" | "amount_credited" | "amount_paid">>,
  sources: Array<{ entry_id: string; available: BigNumberJS }>
): AllocationLine[] {
  let rest = bn(pool)
  const funds = sources.map((s) => ({ ...s, available: bn(s.available) }))
  const lines: AllocationLine[] = []
  for (const inv of invoicesInOrder) {
    let open = invoiceState(inv).amount_open
    while (rest.gt(0) && open.gt(0)) {
      const fund = funds.find((f) => f.available.gt(0))
      if (!fund) {
        return lines
      }
      const take = MathBN.min(rest, open, fund.available) as BigNumberJS
      lines.push({ invoice_id: inv.id, entry_id: fund.entry_id, amount: take })
      fund.available = fund.available.minus(take)
      open = open.minus(take)
      rest = rest.minus(take)
    }
    if (!rest.gt(0)) {
      break
    }
  }
  return lines
}

/** What an account's receivables add up to, read in the posting's transaction. */
export type ReceivablesTotals = {
  /** The account's balance after the posting (negative = owed). */
  balance: BigNumberInput
  /** Sum of the owing invoices' `amount_open` columns. */
  open_total: BigNumberInput
  /** Sum over invoices of amount - allocations (credit notes and payments): the same, from the allocation rows. */
  open_total_from_allocations: BigNumberInput
  /** Credits to the account (reimbursements, adjustments, refunds, reverts) less all allocations; negative = debit on no invoice. */
  unallocated: BigNumberInput
  /** Invoices still owing money. */
  owing_invoices: number
  /**
   * Outstanding orders (`invoice_at: "shipment"`): orders' debits no invoice
   * bills yet, net of the refunds of those orders (which are then not
   * unallocated credit). Absent or 0 under `placement`.
   */
  outstanding_total?: BigNumberInput
  /** How many orders are outstanding (net amount above zero). */
  outstanding_orders?: number
}

/**
 * THE receivables invariant, for one account:
 *
 *   sum(invoices' amount_open) + outstanding orders - unallocated credit = -balance
 *
 * where unallocated credit = (reimbursements + adjustments + refunds + reverts,
 * except the refunds and reverts of outstanding orders) - (all allocations),
 * and outstanding orders (`invoice_at: "shipment"`, not shipped yet) = their
 * debits not invoiced yet less their refunds and reverts. Equivalently, every
 * amount posted to the balance for an order (`purchased` with an amount,
 * `captured`) has exactly one invoice of that amount or is outstanding until
 * the order ships, every refund and cancel is a credit note on its order's
 * invoices (or reduces the outstanding order), and what the account paid is
 * either allocated to an invoice or unallocated. Also: the invoices' columns equal their allocation rows, and
 * while unallocated credit is left no invoice is owing (it would have been
 * paid). `reserved` (authorized, not yet captured) is never invoiced and is
 * not part of it. Returns what is broken, or null.
 */
export function receivablesViolation(t: ReceivablesTotals): string | null {
  const open = bn(t.open_total)
  if (!open.eq(bn(t.open_total_from_allocations))) {
    return `invoices' open amounts (${open.toFixed()}) differ from their allocations (${bn(t.open_total_from_allocations).toFixed()})`
  }
  const outstanding = bn(t.outstanding_total ?? 0)
  if (outstanding.lt(0)) {
    return `outstanding orders add up to ${outstanding.toFixed()}, below zero`
  }
  const lhs = open.plus(outstanding).minus(bn(t.unallocated))
  if (!lhs.eq(bn(t.balance).negated())) {
    const parts = outstanding.isZero() ? "" : ` + outstanding orders ${outstanding.toFixed()}`
    return `open invoices ${open.toFixed()}${parts} - unallocated credit ${bn(t.unallocated).toFixed()} = ${lhs.toFixed()}, but the ledger says ${bn(t.balance).negated().toFixed()} is owed`
  }
  if (bn(t.unallocated).gt(0) && t.owing_invoices > 0) {
    return `${bn(t.unallocated).toFixed()} of credit is unallocated while ${t.owing_invoices} invoice(s) are owing`
  }
  return null
}

/**
 * What each credit still pays of each invoice: the invoice's payment
 * allocations, its negative ones (undone payments) taken off the newest
 * positive ones. Per invoice they add up to its `amount_paid`.
 */
export function paidShares(
  allocations: Array<{ invoice_id: string; entry_id: string; reference: string | null; amount: BigNumberInput; order: number }>
): PaidShare[] {
  const byInvoice = new Map<string, typeof allocations>()
  for (const a of allocations) {
    byInvoice.set(a.invoice_id, [...(byInvoice.get(a.invoice_id) ?? []), a])
  }
  const shares: PaidShare[] = []
  for (const rows of byInvoice.values()) {
    let undone = rows.filter((r) => bn(r.amount).lt(0)).reduce((s, r) => s.minus(bn(r.amount)), ZERO())
    const positives = rows.filter((r) => bn(r.amount).gt(0)).sort((a, b) => b.order - a.order)
    for (const p of positives) {
      const take = MathBN.min(bn(p.amount), undone) as BigNumberJS
      undone = undone.minus(take)
      const left = bn(p.amount).minus(take)
      if (left.gt(0)) {
        shares.push({ invoice_id: p.invoice_id, entry_id: p.entry_id, reference: p.reference, amount: left, order: p.order })
      }
    }
  }
  return shares
}
