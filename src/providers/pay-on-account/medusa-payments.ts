import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { roundToCurrency } from "../../modules/trade-credit/utils/money"
import { customerGroupIds } from "../../utils/customer-account-filter"

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

/** What the authorization at checkout needs of Medusa's records. */
export type CheckoutOfSession = {
  order: Awaited<ReturnType<typeof orderOfSession>>
  customer_group_ids: string[]
}

/** The shared PostgreSQL connection (knex), as the payment module's container gives it. */
export type SqlConnection = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Record<string, any>[] }> } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The order a session pays for and the buyer's customer groups, in ONE
 * statement over the tables of Medusa's payment, link, order and customer
 * modules: the same answer as `orderOfSession` and `customerGroupIds`
 * (Query), which take 5 statements, 3 of them one after another, through
 * Query's joiner (about 12 ms of a checkout's authorization, measured on the
 * production topology). Soft-deleted rows are left out as Query leaves them out.
 */
const CHECKOUT_OF_SESSION_SQL = `
SELECT o.id AS order_id, o.display_id AS order_display_id, o.email AS order_email,
  ARRAY(
    SELECT cgc.customer_group_id FROM customer_group_customer cgc
    JOIN customer_group cg ON cg.id = cgc.customer_group_id AND cg.deleted_at IS NULL
    JOIN customer c ON c.id = cgc.customer_id AND c.deleted_at IS NULL
    WHERE cgc.customer_id = ? AND cgc.deleted_at IS NULL
    ORDER BY cgc.customer_group_id
  ) AS customer_group_ids
FROM payment_session ps
LEFT JOIN order_payment_collection opc ON opc.payment_collection_id = ps.payment_collection_id AND opc.deleted_at IS NULL
LEFT JOIN "order" o ON o.id = opc.order_id AND o.deleted_at IS NULL
WHERE ps.id = ? AND ps.deleted_at IS NULL
LIMIT 1`

/** SQLSTATE undefined_table, undefined_column: this database doesn't hold those modules' tables as 2.21 has them. */
const SCHEMA_MISMATCH = new Set(["42P01", "42703"])

/**
 * `checkoutOfSession`'s one statement, or null when it finds no session or
 * this database can't answer it: the store keeps a module in a database of
 * its own, or a Medusa upgrade renamed a table (`schemaMismatch` is then
 * called). The caller then reads through Query. Any other error (PostgreSQL
 * unreachable) is thrown, as Query's would be.
 */
async function checkoutOfSessionInSql(db: SqlConnection, sessionId: string, customerId: string, schemaMismatch: (why: string) => void) {
  let rows: Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    ;({ rows } = await db.raw(CHECKOUT_OF_SESSION_SQL, [customerId, sessionId]))
  } catch (e) {
    const error = e as { code?: string; message?: string }
    if (error.code && SCHEMA_MISMATCH.has(error.code)) {
      schemaMismatch(error.message ?? error.code)
      return null
    }
    throw e
  }
  const row = rows[0]
  if (!row) {
    // The payment module has just read this session: gone since (a storefront replacing it), or
    // not in this database. Query answers this once; a schema error alone switches for good.
    return null
  }
  return {
    order: row.order_id ? { id: row.order_id as string, display_id: Number(row.order_display_id), email: row.order_email as string } : null,
    customer_group_ids: (row.customer_group_ids ?? []) as string[],
  }
}

/**
 * What the authorization at checkout needs of Medusa's records: the order
 * the session pays for (for the entry and its invoice) and the buyer's
 * customer groups (with which the ledger checks, on the account row it
 * locks, that the buyer may still pay with the account). One SQL statement
 * when `db` is given; through Query when it isn't, or can't answer.
 */
export async function checkoutOfSession(
  { db, query, schemaMismatch }: { db: SqlConnection | null; query: GraphQuery; schemaMismatch: (why: string) => void },
  sessionId: string,
  customerId: string
): Promise<CheckoutOfSession> {
  const inSql = db ? await checkoutOfSessionInSql(db, sessionId, customerId, schemaMismatch) : null
  if (inSql) {
    return inSql
  }
  const [order, groups] = await Promise.all([orderOfSession(query, sessionId), customerGroupIds(query, customerId)])
  return { order, customer_group_ids: groups }
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
