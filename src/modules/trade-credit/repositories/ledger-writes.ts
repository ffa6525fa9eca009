import type { Context } from "@medusajs/framework/types"
import { BigNumber, generateEntityId, trimZeros } from "@medusajs/framework/utils"
import { ACCOUNT_TABLE, ENTRY_TABLE, lockAccountQuery, lockedRowOrNotFound, REVIEW_TABLE, rethrowLockTimeout, transactionKnex } from "./ledger-locks"
import type { LockedAccountRow } from "../utils/posting"
import { type OverdueInvoiceRow, overdueInvoicesQuery } from "./invoices"
import { rawAmount, sqlInstant } from "./sql-values"

/**
 * The posting's raw SQL, for the time the account row is locked: on a busy
 * company account every checkout waits for the one before it to commit, so
 * what runs under the lock is as few round trips as the rules allow (one
 * read of what the order already has, one write of the totals and the entry).
 * The rows come back in the shape the module's generated methods return
 * (amounts as numbers next to their exact `raw_*` values, dates as Dates).
 */

/** Prefix of ledger entry ids (the model's `model.id({ prefix: "tcle" })`). */
const ENTRY_ID_PREFIX = "tcle"

/**
 * A new ledger entry id. A ULID draws 16 random bytes one call at a time:
 * a checkout takes its entry's id before it waits for the account row
 * (`writeTotalsAndEntry`'s `entry_id`), not while it holds it.
 */
export function newEntryId(): string {
  return generateEntityId(undefined, ENTRY_ID_PREFIX)
}

/** The entry columns a posting writes; amounts as exact decimal strings. */
export type EntryWrite = {
  /** Taken before the lock (`newEntryId`); a new one when absent. */
  id?: string
  account_id: string
  operation: string
  amount: string
  reserved_delta: string
  balance_after: string
  reserved_after: string
  available_credit_after: string
  credit_limit_after: string
  currency_code: string
  over_limit: boolean
  order_id: string | null
  order_display_id: number | null
  payment_session_id: string | null
  reverses_entry_id: string | null
  reference: string | null
  comment: string | null
  actor_type: string
  actor_id: string | null
  actor_name: string | null
  idempotency_key: string | null
  request_hash: string | null
}

export type TotalsWrite = { id: string; balance: string; reserved: string; available_credit: string }

const ENTRY_AMOUNTS = [
  "amount",
  "reserved_delta",
  "balance_after",
  "reserved_after",
  "available_credit_after",
  "credit_limit_after",
] as const
const ENTRY_FIELDS = [
  "currency_code",
  "over_limit",
  "order_id",
  "order_display_id",
  "payment_session_id",
  "reverses_entry_id",
  "reference",
  "comment",
  "actor_type",
  "actor_id",
  "actor_name",
  "idempotency_key",
  "request_hash",
] as const

/**
 * A row read with `to_jsonb` in the generated methods' shape: each money
 * column as a number beside its exact `raw_*` value, each `*_at` as a Date.
 */
export function asRecord<T = Record<string, unknown>>(row: Record<string, unknown>): T {
  const record: Record<string, unknown> = { ...row }
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith("_at")) {
      record[key] = value == null ? null : new Date(value as string)
    } else if (key.startsWith("raw_") && value && typeof value === "object") {
      const raw = value as { value: string | number; precision?: number }
      record[key] = { value: trimZeros(String(raw.value)), precision: raw.precision ?? 20 }
      record[key.slice(4)] = new BigNumber(String(raw.value), { precision: raw.precision ?? 20 }).numeric
    }
  }
  return record as T
}

/** An entry record as the generated reads give it: also its account as a reference (`{ id }`). */
function entryRecord<E>(row: Record<string, unknown>): E {
  const entry = asRecord(row)
  return { ...entry, account: { id: entry.account_id } } as E
}

/**
 * Writes a posting on a locked account in ONE statement: the account's new
 * totals and the ledger entry (its id generated here, its `seq` and dates
 * from the database), both returned as records. The entry is only inserted
 * when the account row was updated: a posting never lands without its totals.
 *
 * With `commit` (the caller's transaction has nothing left to write, and is
 * its own, see `writePosting_`), the same round trip also commits: the
 * statement and `COMMIT AND CHAIN` go as ONE simple-protocol string (values
 * inlined and escaped by knex, like `lockAccountAndReadSession`). The account
 * row is released as soon as PostgreSQL has the write, instead of after one
 * more round trip and the JS that maps the answer: on a busy company account
 * that is the time every other checkout waits. If the write fails, PostgreSQL
 * skips the COMMIT of the string and the transaction aborts; the caller's
 * ROLLBACK undoes it whole. `AND CHAIN` opens an empty transaction in its place,
 * which the transaction manager's own COMMIT (or ROLLBACK) then ends as usual.
 */
export async function writeTotalsAndEntry<A, E>(
  sharedContext: Context,
  totals: TotalsWrite,
  entry: EntryWrite,
  { commit = false }: { commit?: boolean } = {}
): Promise<{ account: A; entry: E }> {
  const knex = transactionKnex(sharedContext)
  const amounts = ENTRY_AMOUNTS.flatMap((c) => [entry[c], JSON.stringify(rawAmount(entry[c]))])
  const write = knex.raw(
    `WITH a AS (
       UPDATE ${ACCOUNT_TABLE}
          SET balance = ?::numeric, raw_balance = ?::jsonb,
              reserved = ?::numeric, raw_reserved = ?::jsonb,
              available_credit = ?::numeric, raw_available_credit = ?::jsonb,
              updated_at = clock_timestamp()
        WHERE id = ? AND deleted_at IS NULL
        RETURNING *
     ), e AS (
       INSERT INTO ${ENTRY_TABLE}
         (id, account_id, operation, ${ENTRY_AMOUNTS.map((c) => `${c}, raw_${c}`).join(", ")}, ${ENTRY_FIELDS.join(", ")}, created_at, updated_at)
       SELECT ?, a.id, ?, ${ENTRY_AMOUNTS.map(() => "?::numeric, ?::jsonb").join(", ")}, ${ENTRY_FIELDS.map(() => "?").join(", ")},
              clock_timestamp(), clock_timestamp()
         FROM a
       RETURNING *
     )
     SELECT to_jsonb(a) AS account, to_jsonb(e) AS entry FROM a, e`,
    [
      totals.balance,
      JSON.stringify(rawAmount(totals.balance)),
      totals.reserved,
      JSON.stringify(rawAmount(totals.reserved)),
      totals.available_credit,
      JSON.stringify(rawAmount(totals.available_credit)),
      totals.id,
      entry.id ?? newEntryId(),
      entry.operation,
      ...amounts,
      ...ENTRY_FIELDS.map((c) => entry[c]),
    ]
  )
  const { rows } = commit
    ? ((await knex.raw(`${write.toQuery()};\nCOMMIT AND CHAIN`)) as Array<{ rows: Array<Record<string, unknown>> }>)[0]
    : await write
  if (!rows.length) {
    throw new Error(`Trade credit account ${totals.id} disappeared while locked.`)
  }
  return { account: asRecord<A>(rows[0].account), entry: entryRecord<E>(rows[0].entry) }
}

/** What an authorization needs to know about its payment session, read under the account lock. */
export type SessionUnderLock<E, R> = {
  /** The session's first `purchased` entry: the authorization was already decided. */
  purchase: E | null
  /** The session's credit was given back (a cancel, the orphaned-authorization sweep). */
  reverted: boolean
  /** The session's credit review, if the order was held. */
  review: R | null
  /** The account's invoices overdue at the authorization's `now` (`overdueInvoicesQuery`), unless its policy is `allow`. */
  overdue: OverdueInvoiceRow[] | null
}

/**
 * Locks the account (`lockAccount`) and reads what the payment session
 * already has (its purchase, whether it was reverted, its credit review) and,
 * unless the account's overdue policy is `allow`, the account's overdue
 * invoices at `now`: TWO statements sent as ONE round trip (a simple-protocol
 * query string, values inlined and escaped by knex). In READ COMMITTED each
 * statement of the string takes its own snapshot, so the read, which runs
 * once the lock is held, sees what the checkout or payment that held the
 * lock before committed (a subselect inside the locking statement would not:
 * it uses the snapshot from before the wait). On a busy company account every
 * checkout waits for this lock, so each round trip saved under it is
 * throughput.
 */
export async function lockAccountAndReadSession<E, R>(
  sharedContext: Context,
  accountId: string,
  paymentSessionId: string,
  now: Date
): Promise<{ row: LockedAccountRow } & SessionUnderLock<E, R>> {
  const knex = transactionKnex(sharedContext)
  const results = await knex.raw(lockAndReadSql(knex, accountId, paymentSessionId, now)).catch(rethrowLockTimeout)
  const [locked, session] = results as Array<{ rows: Array<Record<string, unknown>> }>
  return { row: lockedRowOrNotFound(locked.rows[0], accountId), ...sessionFromRow<E, R>(session.rows[0]) }
}

/** Stand-ins the lock-and-read statement is compiled with once; each call puts its values in their place. */
const ACCOUNT_STAND_IN = "\u0000account"
const SESSION_STAND_IN = "\u0000session"
const NOW_STAND_IN = new Date(0)
let lockAndReadTemplate: { sql: string; bindings: readonly unknown[] } | null = null

/**
 * The SQL of `lockAccountAndReadSession`, values inlined and escaped by knex.
 * Its query builders are compiled once per process (with stand-ins): every
 * checkout of a busy account builds this string, and building the queries
 * again cost more of the process's one thread than the statement itself.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lockAndReadSql(knex: any, accountId: string, paymentSessionId: string, now: Date): string {
  if (!lockAndReadTemplate) {
    const overdue = knex.raw(
      `CASE WHEN (SELECT overdue_policy FROM ${ACCOUNT_TABLE} WHERE id = ?) = 'allow' THEN NULL
            ELSE (SELECT coalesce(json_agg(o), '[]'::json) FROM ? o) END`,
      [ACCOUNT_STAND_IN, overdueInvoicesQuery(knex, ACCOUNT_STAND_IN, NOW_STAND_IN)]
    )
    const lock = lockAccountQuery(knex, ACCOUNT_STAND_IN).toSQL()
    const read = sessionReadQuery(knex, SESSION_STAND_IN, overdue).toSQL()
    lockAndReadTemplate = { sql: `${lock.sql};\n${read.sql}`, bindings: [...lock.bindings, ...read.bindings] }
  }
  const bindings = lockAndReadTemplate.bindings.map((b) =>
    b === ACCOUNT_STAND_IN ? accountId : b === SESSION_STAND_IN ? paymentSessionId : b === NOW_STAND_IN ? sqlInstant(now) : b
  )
  return knex.raw(lockAndReadTemplate.sql, bindings).toQuery()
}

/** The one-row read of a session's purchase, revert, review and the given overdue expression. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sessionReadQuery(knex: any, paymentSessionId: string, overdue: unknown) {
  return knex.raw(
    `SELECT (SELECT to_jsonb(p) FROM ${ENTRY_TABLE} p
              WHERE p.payment_session_id = ? AND p.operation = 'purchased' AND p.deleted_at IS NULL
              ORDER BY p.seq LIMIT 1) AS purchase,
            EXISTS (SELECT 1 FROM ${ENTRY_TABLE} r
                     WHERE r.payment_session_id = ? AND r.operation = 'reverted' AND r.deleted_at IS NULL) AS reverted,
            (SELECT to_jsonb(v) FROM ${REVIEW_TABLE} v
              WHERE v.payment_session_id = ? AND v.deleted_at IS NULL
              LIMIT 1) AS review,
            ? AS overdue`,
    [paymentSessionId, paymentSessionId, paymentSessionId, overdue]
  )
}

function sessionFromRow<E, R>(row: Record<string, unknown>): SessionUnderLock<E, R> {
  return {
    purchase: row.purchase ? entryRecord<E>(row.purchase as Record<string, unknown>) : null,
    reverted: row.reverted === true,
    review: row.review ? asRecord<R>(row.review as Record<string, unknown>) : null,
    overdue: (row.overdue as OverdueInvoiceRow[] | null) ?? null,
  }
}

/** The account's receivables running totals (receivables.ts `settle_`). */
export type RunningTotalsWrite = {
  id: string
  unallocated_credit: string
  outstanding_orders_total: string
  outstanding_orders_count: number
}

/**
 * Writes the account's running totals in one statement and returns the
 * account record (the generated methods' shape, `updated_at` as stored), so
 * the posting answers with the totals it left.
 */
export async function writeRunningTotals<A>(sharedContext: Context, totals: RunningTotalsWrite): Promise<A> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `UPDATE ${ACCOUNT_TABLE}
        SET unallocated_credit = ?::numeric, raw_unallocated_credit = ?::jsonb,
            outstanding_orders_total = ?::numeric, raw_outstanding_orders_total = ?::jsonb,
            outstanding_orders_count = ?, updated_at = clock_timestamp()
      WHERE id = ? AND deleted_at IS NULL
      RETURNING to_jsonb(${ACCOUNT_TABLE}) AS account`,
    [
      totals.unallocated_credit,
      JSON.stringify(rawAmount(totals.unallocated_credit)),
      totals.outstanding_orders_total,
      JSON.stringify(rawAmount(totals.outstanding_orders_total)),
      totals.outstanding_orders_count,
      totals.id,
    ]
  )
  if (!rows.length) {
    throw new Error(`Trade credit account ${totals.id} disappeared while locked.`)
  }
  return asRecord<A>(rows[0].account)
}
