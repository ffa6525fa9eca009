import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ACCOUNT_BUSY_MESSAGE } from "../utils/refusals"
import type { LockedAccountRow } from "../utils/posting"
import { ACCOUNT_SETTING_FIELDS } from "../constants"

/**
 * The ledger's raw SQL: row and advisory locks, the bounded lock wait, and
 * the few writes the append-only trigger lets through under a
 * transaction-local flag. Everything else goes through the generated
 * module methods.
 */

export const ACCOUNT_TABLE = "trade_credit_account"
export const ENTRY_TABLE = "trade_credit_ledger_entry"
export const REVIEW_TABLE = "trade_credit_review"

/**
 * The longest any of our statements waits for a lock (PostgreSQL's
 * lock_timeout really cancels the wait): the request then fails alone with
 * ACCOUNT_BUSY_MESSAGE instead of holding its connection while the pool runs dry.
 */
const LOCK_TIMEOUT = "10s"
/** SQLSTATE lock_not_available: lock_timeout cancelled a wait. */
const LOCK_NOT_AVAILABLE = "55P03"

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Knex = any

/** The transaction's knex; a lock outside a transaction would be released at once. */
export function transactionKnex(sharedContext: Context): Knex {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const knex = (sharedContext.transactionManager as any)?.getTransactionContext?.()
  if (!knex) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Trade credit postings must run inside a database transaction."
    )
  }
  return knex
}

/** Every lock wait in this transaction from here on gives up after LOCK_TIMEOUT. */
export async function boundLockWaits(knex: Knex): Promise<void> {
  await knex.raw(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`)
}

/** True for the refusal of a lock wait that ran out (ours, or PostgreSQL's own error). */
export function isAccountBusy(error: unknown): boolean {
  const e = error as { code?: string; type?: string; message?: string } | null
  return e?.code === LOCK_NOT_AVAILABLE || (e?.type === MedusaError.Types.CONFLICT && e?.message === ACCOUNT_BUSY_MESSAGE)
}

/** A lock wait that ran out fails this one request with a 409 saying to retry, not a raw 500. */
export function rethrowLockTimeout(error: unknown): never {
  if (isAccountBusy(error)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, ACCOUNT_BUSY_MESSAGE)
  }
  throw error
}

/**
 * Locks an account row (SELECT ... FOR UPDATE) and reads its totals as exact
 * strings. The lock wait is bounded by the same statement (set_config in its
 * filter runs on the row before it is locked, and stays for the transaction,
 * like boundLockWaits): one round trip less for every checkout.
 */
export async function lockAccount(sharedContext: Context, id: string): Promise<LockedAccountRow> {
  const [row] = await lockAccountQuery(transactionKnex(sharedContext), id).catch(rethrowLockTimeout)
  return lockedRowOrNotFound(row, id)
}

/** The locking statement of `lockAccount`, for a caller that sends more with it (ledger-writes.ts). */
export function lockAccountQuery(knex: Knex, id: string) {
  return knex(ACCOUNT_TABLE)
    .where({ id })
    .whereNull("deleted_at")
    .whereRaw("set_config('lock_timeout', ?, true) IS NOT NULL", [LOCK_TIMEOUT])
    .forUpdate()
    .select(
      "id",
      "currency_code",
      "customer_id",
      "customer_group_id",
      knex.raw("credit_limit::text AS credit_limit"),
      knex.raw("balance::text AS balance"),
      knex.raw("reserved::text AS reserved"),
      knex.raw("outstanding_orders_total::text AS outstanding_orders_total"),
      "outstanding_orders_count",
      knex.raw("unallocated_credit::text AS unallocated_credit"),
      ...ACCOUNT_SETTING_FIELDS
    )
}

export function lockedRowOrNotFound(row: unknown, id: string): LockedAccountRow {
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${id} was not found.`)
  }
  return row as LockedAccountRow
}

/**
 * Serializes account openings for one holder and currency, so that a retried
 * request finds the first one's account instead of racing it to the unique
 * index. Returns the id of the account the holder already has, if any.
 */
export async function lockHolderCurrency(
  sharedContext: Context,
  holder: { column: string; id: string },
  currency: string
): Promise<string | null> {
  const knex = transactionKnex(sharedContext)
  await boundLockWaits(knex)
  await knex
    .raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`trade_credit:${holder.column}:${holder.id}:${currency}`])
    .catch(rethrowLockTimeout)
  const [existing] = await knex(ACCOUNT_TABLE)
    .where({ [holder.column]: holder.id, currency_code: currency })
    .whereNull("deleted_at")
    .select("id")
  return existing?.id ?? null
}

/**
 * Locks a payment session's `purchased` entry (a row lock only: the entry is
 * not changed). Capture and revert of one order take it first, so they are
 * serialized without holding the account row, which the company's other
 * checkouts need. Lock order everywhere: entry, then account.
 */
export async function lockSessionPurchase(sharedContext: Context, paymentSessionId: string): Promise<void> {
  const knex = transactionKnex(sharedContext)
  await boundLockWaits(knex)
  await knex(ENTRY_TABLE)
    .where({ payment_session_id: paymentSessionId, operation: "purchased" })
    .forUpdate()
    .select("id")
    .catch(rethrowLockTimeout)
}

/** Corrections of one entry serialize, so each edit's "from" is the previous edit's "to". */
export async function lockEntry(sharedContext: Context, entryId: string, accountId: string): Promise<void> {
  const knex = transactionKnex(sharedContext)
  await boundLockWaits(knex)
  await knex(ENTRY_TABLE).where({ id: entryId, account_id: accountId }).forUpdate().select("id")
}

/** How many entries an account has; with `withLimit`, only those written under a positive limit. */
export async function countEntries(sharedContext: Context, accountId: string, withLimit = false): Promise<number> {
  const q = transactionKnex(sharedContext)(ENTRY_TABLE).where({ account_id: accountId })
  if (withLimit) {
    q.andWhere("credit_limit_after", ">", 0)
  }
  const [{ count }] = await q.count({ count: "*" })
  return Number(count)
}

/** Deletes an account and its entries; the append-only trigger allows it under this transaction-local flag only. */
export async function deleteAccountWithEntries(sharedContext: Context, accountId: string): Promise<void> {
  const knex = transactionKnex(sharedContext)
  await knex.raw("SELECT set_config('trade_credit.discard_account', ?, true)", [accountId])
  await knex(ENTRY_TABLE).where({ account_id: accountId }).delete()
  await knex(ACCOUNT_TABLE).where({ id: accountId }).delete()
}

/**
 * Names the placed order on a session's entries, reviews and invoices that don't name
 * it yet. Only the order reference changes: the append-only trigger allows it
 * for this session, in this transaction only.
 */
export async function writeOrderOfSession(
  sharedContext: Context,
  input: { payment_session_id: string; order_id: string; order_display_id?: number | null }
): Promise<{ entries: number; reviews: number }> {
  const knex = transactionKnex(sharedContext)
  await boundLockWaits(knex)
  const displayId = input.order_display_id ?? null
  const differs = (q: Knex) =>
    q.whereRaw("(order_id IS DISTINCT FROM ? OR order_display_id IS DISTINCT FROM ?)", [input.order_id, displayId])
  await knex.raw("SELECT set_config('trade_credit.name_order_of_session', ?, true)", [input.payment_session_id])
  const entries = await knex(ENTRY_TABLE)
    .where({ payment_session_id: input.payment_session_id })
    .andWhere(differs)
    .update({ order_id: input.order_id, order_display_id: displayId })
    .catch(rethrowLockTimeout)
  const reviews = await knex(REVIEW_TABLE)
    .where({ payment_session_id: input.payment_session_id })
    .whereNull("deleted_at")
    .andWhere(differs)
    .update({ order_id: input.order_id, order_display_id: displayId, updated_at: knex.fn.now() })
    .catch(rethrowLockTimeout)
  // The order's invoices (issued with the postings) name it too.
  await knex("trade_credit_invoice")
    .where({ payment_session_id: input.payment_session_id })
    .whereNull("deleted_at")
    .andWhere(differs)
    .update({ order_id: input.order_id, order_display_id: displayId, updated_at: knex.fn.now() })
    .catch(rethrowLockTimeout)
  return { entries: Number(entries), reviews: Number(reviews) }
}
