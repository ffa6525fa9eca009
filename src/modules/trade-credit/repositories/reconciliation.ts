import type { AccountTotalsRow, AppendOnlyTriggerState, SessionLedgerRow } from "../utils/reconciliation"
import { ACCOUNT_TABLE, ENTRY_TABLE } from "./ledger-locks"

/**
 * The reconciliation's reads of the ledger: read-only, taking no lock, each
 * one SQL statement (so one consistent snapshot: a posting changes an
 * account's totals and writes its entry in one transaction). Sums run in
 * PostgreSQL over `numeric`, never in JavaScript floats.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Knex = any

/** The trigger the migrations create (Migration20261123152600) to keep entries append-only. */
export const APPEND_ONLY_TRIGGER = "trade_credit_ledger_entry_append_only"

/** Every account's stored totals next to the sums of its entries. */
export async function readAccountTotals(knex: Knex): Promise<AccountTotalsRow[]> {
  const { rows } = await knex.raw(
    `SELECT a.id,
            a.currency_code,
            a.balance::text AS balance,
            a.reserved::text AS reserved,
            a.available_credit::text AS available_credit,
            a.credit_limit::text AS credit_limit,
            COALESCE(s.amount, 0)::text AS entries_balance,
            COALESCE(s.reserved, 0)::text AS entries_reserved,
            COALESCE(s.unsessioned_reserved, 0)::text AS unsessioned_reserved,
            l.credit_limit_after::text AS last_credit_limit
       FROM "${ACCOUNT_TABLE}" a
       LEFT JOIN (
         SELECT account_id,
                SUM(amount) AS amount,
                SUM(reserved_delta) AS reserved,
                SUM(reserved_delta) FILTER (WHERE payment_session_id IS NULL) AS unsessioned_reserved
           FROM "${ENTRY_TABLE}"
          WHERE deleted_at IS NULL
          GROUP BY account_id
       ) s ON s.account_id = a.id
       LEFT JOIN LATERAL (
         SELECT e.credit_limit_after
           FROM "${ENTRY_TABLE}" e
          WHERE e.account_id = a.id AND e.deleted_at IS NULL
          ORDER BY e.seq DESC
          LIMIT 1
       ) l ON true
      WHERE a.deleted_at IS NULL
      ORDER BY a.id`
  )
  return rows
}

/** Each checkout's entries (per payment session and account), summed, with the age of the newest. */
export async function readSessionLedger(knex: Knex): Promise<SessionLedgerRow[]> {
  const { rows } = await knex.raw(
    `SELECT payment_session_id,
            account_id,
            MIN(currency_code) AS currency_code,
            SUM(reserved_delta)::text AS reserved,
            (-SUM(amount))::text AS charged,
            (COUNT(*) FILTER (WHERE operation = 'purchased'))::int AS purchases,
            MAX(order_id) AS order_id,
            EXTRACT(EPOCH FROM (now() - MAX(created_at)))::float8 AS age_seconds
       FROM "${ENTRY_TABLE}"
      WHERE payment_session_id IS NOT NULL AND deleted_at IS NULL
      GROUP BY payment_session_id, account_id
      ORDER BY payment_session_id, account_id`
  )
  return rows
}

/** Whether the append-only trigger exists on the entries table and is enabled. */
export async function appendOnlyTriggerState(knex: Knex): Promise<AppendOnlyTriggerState> {
  const { rows } = await knex.raw(
    `SELECT t.tgenabled
       FROM pg_trigger t
      WHERE t.tgrelid = to_regclass(?) AND t.tgname = ? AND NOT t.tgisinternal`,
    [ENTRY_TABLE, APPEND_ONLY_TRIGGER]
  )
  if (!rows.length) {
    return "missing"
  }
  // 'D' = disabled; 'O' (origin), 'A' (always), 'R' (replica) fire.
  return rows[0].tgenabled === "D" ? "disabled" : "installed"
}

/** The database's clock, which the entries' and payments' timestamps come from. */
export async function databaseNow(knex: Knex): Promise<Date> {
  const { rows } = await knex.raw("SELECT now() AS now")
  return new Date(rows[0].now)
}
