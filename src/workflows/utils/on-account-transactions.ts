import type { BigNumberInput, IOrderModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"

/**
 * The order transactions that keep Medusa's order summary right for an order
 * whose payment waits for its invoice (`capture: "on_invoice_paid"`). Medusa
 * counts an order as paid by its transactions (its captures and refunds):
 * without these, an unpaid on-account order would show its whole total
 * outstanding, and the order edit or return of it would make Medusa cancel
 * the authorized payment (giving the credit back) and ask for a new one
 * (createOrUpdateOrderPaymentCollectionWorkflow recreates an authorized
 * collection when something is outstanding).
 * - `trade_credit_invoice` +amount (reference_id: the payment): the order is
 *   charged to the account, invoiced; nothing is outstanding on the order;
 * - `trade_credit_invoice` -amount per capture (reference_id: the capture):
 *   Medusa's capture transaction now stands for that part;
 * - `trade_credit_credit_note` -amount (reference_id: the ledger entry): an
 *   order edit or return reduced the unpaid invoice instead of a refund.
 * So the transactions always add up to what the order still charges.
 */
export const ON_ACCOUNT_TRANSACTION = "trade_credit_invoice"
export const CREDIT_NOTE_TRANSACTION = "trade_credit_credit_note"

type TransactionInput = { order_id: string; amount: BigNumberInput; currency_code: string; reference: string; reference_id: string }

/** Adds each transaction whose (reference, reference_id) the order doesn't have yet. Callers hold the payment's capture lock. */
export async function addMissingOrderTransactions(container: MedusaContainer, orderId: string, wanted: TransactionInput[]) {
  if (!wanted.length) {
    return []
  }
  const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
  const existing = await orders.listOrderTransactions(
    { order_id: orderId, reference: [...new Set(wanted.map((t) => t.reference))] } as never,
    { select: ["id", "reference", "reference_id"] }
  )
  const have = new Set(existing.map((t) => `${t.reference}:${t.reference_id}`))
  const missing = wanted.filter((t) => !have.has(`${t.reference}:${t.reference_id}`))
  if (!missing.length) {
    return []
  }
  const created: unknown = await orders.addOrderTransactions(missing as never)
  return (Array.isArray(created) ? created : [created]) as { id: string }[]
}

/** The payment's transactions: its charge to the account, and an offset for each capture. */
export function onAccountTransactions(
  orderId: string,
  payment: { id: string; currency_code: string; raw_amount: BigNumberInput; captures?: ({ id: string; raw_amount: BigNumberInput } | null)[] | null }
): TransactionInput[] {
  const base = { order_id: orderId, currency_code: payment.currency_code, reference: ON_ACCOUNT_TRANSACTION }
  return [
    { ...base, amount: MathBN.convert(payment.raw_amount).toString(), reference_id: payment.id },
    ...(payment.captures ?? []).flatMap((c) =>
      c ? [{ ...base, amount: MathBN.mult(c.raw_amount, -1).toString(), reference_id: c.id }] : []
    ),
  ]
}

/** What order edits and returns took off the order's unpaid invoice (its credit-note transactions), as a positive amount. */
export async function reducedByCreditNotes(container: MedusaContainer, orderId: string | null) {
  if (!orderId) {
    return MathBN.convert(0)
  }
  const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
  const notes = await orders.listOrderTransactions({ order_id: orderId, reference: CREDIT_NOTE_TRANSACTION } as never, {
    select: ["id", "amount", "raw_amount"],
  })
  return notes.reduce((sum, t) => MathBN.sub(sum, (t as { raw_amount?: BigNumberInput }).raw_amount ?? t.amount), MathBN.convert(0))
}
