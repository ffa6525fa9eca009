import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { roundToCurrency } from "../../modules/trade-credit/utils/money"

/** Query, as the payment module's container gives it to the provider. */
export type GraphQuery = {
  graph: (config: Record<string, unknown>) => Promise<{ data: Record<string, any>[] }> // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * What pay on account reads of Medusa's own payment records (never the
 * ledger: the ledger's state is decided under its locks, in the module).
 */

/**
 * The order a payment session pays for (the link exists before authorization),
 * with its fulfillments only when asked (a refund, for shippedNothing): the
 * authorization at checkout doesn't need them, and they cost Query one more
 * round trip after the order's.
 */
export async function orderOfSession(query: GraphQuery, sessionId: string, { fulfillments = false } = {}) {
  const order = ["id", "display_id", "email", ...(fulfillments ? ["fulfillments.id", "fulfillments.canceled_at"] : [])]
  const { data } = await query.graph({
    entity: "payment_session",
    fields: ["id", ...order.map((f) => `payment_collection.order.${f}`)],
    filters: { id: sessionId },
  })
  return (data[0]?.payment_collection?.order ?? null) as {
    id: string
    display_id: number
    email: string
    fulfillments?: ({ id: string; canceled_at: string | null } | null)[]
  } | null
}

/** An order that shipped nothing (every fulfillment canceled, or none): a full refund is its cancel. */
export function shippedNothing(order: Awaited<ReturnType<typeof orderOfSession>>): boolean {
  return order ? !(order.fulfillments ?? []).some((f) => f && !f.canceled_at) : false
}

/**
 * The amount of one Medusa capture or refund of a payment, or null when it
 * completes the payment (the last capture of what was authorized, or the
 * refund of everything still captured): Medusa computes those from totals
 * that may carry more decimals than the currency, and the ledger then takes
 * all that remains. Any other amount is passed on as Medusa recorded it, for
 * the ledger to accept to the cent or refuse.
 */
export async function partOfPayment(
  query: GraphQuery,
  entity: "capture" | "refund",
  id: string,
  currencyCode: string
): Promise<BigNumberInput | null> {
  const { data } = await query.graph({ entity, fields: ["id", "raw_amount", "payment.id"], filters: { id } })
  const row = data[0]
  if (!row?.payment?.id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Medusa's ${entity} ${id} was not found.`)
  }
  // The payment's totals, this capture or refund included (Medusa saved it before asking us).
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "raw_amount", "captures.raw_amount", "refunds.raw_amount"],
    filters: { id: row.payment.id },
  })
  const payment = payments[0]
  const sum = (rows: { raw_amount: BigNumberInput }[] | undefined) =>
    (rows ?? []).reduce((total, r) => MathBN.add(total, r.raw_amount), MathBN.convert(0))
  const captured = sum(payment?.captures)
  const uncaptured = MathBN.sub(payment?.raw_amount ?? 0, captured)
  const left = entity === "capture" ? uncaptured : MathBN.sub(captured, sum(payment?.refunds))
  // A refund of a partly captured payment (`on_invoice_paid`: the invoice is
  // partly paid) is never "the rest": the ledger posted the whole order.
  const partlyCaptured = entity === "refund" && MathBN.gt(roundToCurrency(uncaptured, currencyCode), 0)
  return MathBN.lte(roundToCurrency(left, currencyCode), 0) && !partlyCaptured ? null : row.raw_amount
}

/**
 * Whether another live Medusa payment stands on this session's authorization.
 * The payment module also cancels when saving the Payment of a successful
 * authorization fails, e.g. a second completion of the same cart racing the
 * first ("Payment with payment_session_id ... already exists"): the
 * authorization it rolls back is then the winner's, and only a cancel of that
 * Payment itself may give the credit back.
 */
export async function heldByAnotherPayment(query: GraphQuery, sessionId: string, paymentId: string | undefined) {
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "canceled_at"],
    filters: { payment_session_id: sessionId },
  })
  return payments.some((p) => !p.canceled_at && p.id !== paymentId)
}
