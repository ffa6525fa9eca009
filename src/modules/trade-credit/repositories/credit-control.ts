import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { OWING_INVOICE_STATUSES } from "../constants"
import { ACCOUNT_TABLE, ENTRY_TABLE, transactionKnex } from "./ledger-locks"
import { INVOICE_TABLE } from "./invoices"

/**
 * The credit-control run's raw SQL: invoices that may have become overdue,
 * the latest status change of accounts, and the reminder intents (claimed
 * with one INSERT ... ON CONFLICT, so two runs never own the same send).
 */

export const REMINDER_TABLE = "trade_credit_reminder"
const OWING = [...OWING_INVOICE_STATUSES]

export type OwingInvoiceRow = {
  id: string
  account_id: string
  number: string
  currency_code: string
  amount_open: string
  due_date: string
  grace_days: number
  reminders_paused: boolean
}

const OWING_COLUMNS = (knex: ReturnType<typeof transactionKnex>) => [
  "i.id",
  "i.account_id",
  "i.number",
  "i.currency_code",
  knex.raw("i.amount_open::text AS amount_open"),
  "i.due_date",
  "i.grace_days",
  "i.reminders_paused",
]

/** Owing invoices not marked overdue yet whose overdue instant is at or before `now` (candidates: overdueState decides). */
export async function unmarkedOverdueCandidates(sharedContext: Context, now: Date): Promise<OwingInvoiceRow[]> {
  const knex = transactionKnex(sharedContext)
  return await knex(`${INVOICE_TABLE} as i`)
    .whereIn("i.status", OWING)
    .whereNull("i.marked_overdue_at")
    .where("i.overdue_at", "<=", now)
    .whereNull("i.deleted_at")
    .select(OWING_COLUMNS(knex))
}

/** Marks these invoices overdue at `now`, unless another run did: returns the ids this call marked. */
export async function markInvoicesOverdue(sharedContext: Context, ids: string[], now: Date): Promise<string[]> {
  if (!ids.length) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  const rows = await knex(INVOICE_TABLE)
    .whereIn("id", ids)
    .whereNull("marked_overdue_at")
    .update({ marked_overdue_at: now, updated_at: knex.fn.now() })
    .returning("id")
  return rows.map((r: { id: string }) => r.id)
}

/** Undoes markInvoicesOverdue (compensation): only the marks written at `markedAt`. */
export async function unmarkInvoicesOverdue(sharedContext: Context, ids: string[], markedAt: Date): Promise<void> {
  if (!ids.length) {
    return
  }
  const knex = transactionKnex(sharedContext)
  await knex(INVOICE_TABLE).whereIn("id", ids).where("marked_overdue_at", markedAt).update({ marked_overdue_at: null })
}

/**
 * Owing invoices of accounts, with the overdue instant at or before `now`
 * (candidates for the overdue rule) when `overdueOnly`; of the given
 * accounts, or of every account when `accountIds` is null.
 */
export async function owingInvoicesOf(
  sharedContext: Context,
  { accountIds, overdueBy }: { accountIds: string[] | null; overdueBy?: Date }
): Promise<OwingInvoiceRow[]> {
  if (accountIds && !accountIds.length) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  const q = knex(`${INVOICE_TABLE} as i`).whereIn("i.status", OWING).whereNull("i.deleted_at")
  if (accountIds) {
    q.whereIn("i.account_id", accountIds)
  }
  if (overdueBy) {
    q.where("i.overdue_at", "<=", overdueBy)
  }
  return await q.orderBy([{ column: "i.due_at", order: "asc" }, { column: "i.number", order: "asc" }]).select(OWING_COLUMNS(knex))
}

export type StatusAccountRow = { id: string; status: string; currency_code: string }

/** Accounts not on stop that owe an invoice whose overdue instant passed, and accounts on stop. */
export async function autoStatusCandidates(sharedContext: Context, now: Date): Promise<StatusAccountRow[]> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `SELECT a.id, a.status, a.currency_code FROM ${ACCOUNT_TABLE} a
      WHERE a.deleted_at IS NULL AND (
        a.status = 'on_stop'
        OR EXISTS (SELECT 1 FROM ${INVOICE_TABLE} i WHERE i.account_id = a.id AND i.status = ANY(:owing)
                    AND i.overdue_at <= :now AND i.deleted_at IS NULL))
      ORDER BY a.id`,
    { owing: OWING, now }
  )
  return rows
}

/** Who made the account's latest status change (the newest entry whose changes name `status`). */
export async function latestStatusChange(
  sharedContext: Context,
  accountId: string
): Promise<{ actor_type: string; actor_id: string | null; to: string | null } | null> {
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `SELECT actor_type, actor_id, changes->'status'->>'to' AS "to" FROM ${ENTRY_TABLE}
      WHERE account_id = ? AND deleted_at IS NULL AND changes->'status' IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    [accountId]
  )
  return rows[0] ?? null
}

/** Stages already sent or being sent (pending) per invoice: a failed stage is not among them (it is retried). */
export async function claimedStages(sharedContext: Context, invoiceIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (let i = 0; i < invoiceIds.length; i += 5000) {
    const knex = transactionKnex(sharedContext)
    const rows = await knex(REMINDER_TABLE)
      .whereIn("invoice_id", invoiceIds.slice(i, i + 5000))
      .whereIn("status", ["pending", "sent"])
      .whereNull("deleted_at")
      .select("invoice_id", "stage")
    for (const r of rows as { invoice_id: string; stage: string }[]) {
      out.set(r.invoice_id, [...(out.get(r.invoice_id) ?? []), r.stage])
    }
  }
  return out
}

export type ClaimedReminder = { id: string; invoice_id: string; attempts: number; account_id: string; stage: string }

/**
 * Claims the reminders of `stage` for these invoices: a new intent is
 * inserted `pending` (attempt 1); a `failed` one goes back to `pending` with
 * one more attempt; a `pending` or `sent` one belongs to another run (or is
 * done) and is not returned. One statement: concurrent claims of one
 * (invoice, stage) wait on its row and only one gets it.
 */
export async function claimReminders(
  sharedContext: Context,
  input: { account_id: string; stage: string; invoice_ids: string[]; recipients: string[] }
): Promise<ClaimedReminder[]> {
  return await claimReminderBatches(sharedContext, [input])
}

/** claimReminders for several (account, stage) batches in one statement: a run claims a chunk of its e-mails at a time. */
export async function claimReminderBatches(
  sharedContext: Context,
  batches: Array<{ account_id: string; stage: string; invoice_ids: string[]; recipients: string[] }>
): Promise<ClaimedReminder[]> {
  const values = batches.flatMap((b) =>
    b.invoice_ids.map((invoiceId) => ({
      id: generateEntityId(undefined, "tcrem"),
      invoice_id: invoiceId,
      account_id: b.account_id,
      stage: b.stage,
      status: "pending",
      attempts: 1,
      recipients: JSON.stringify(b.recipients),
    }))
  )
  if (!values.length) {
    return []
  }
  const knex = transactionKnex(sharedContext)
  const { rows } = await knex.raw(
    `${knex(REMINDER_TABLE).insert(values).toString()}
     ON CONFLICT (invoice_id, stage) WHERE deleted_at IS NULL
     DO UPDATE SET status = 'pending', attempts = ${REMINDER_TABLE}.attempts + 1, recipients = EXCLUDED.recipients,
                   last_error = NULL, updated_at = now()
     WHERE ${REMINDER_TABLE}.status = 'failed'
     RETURNING id, invoice_id, attempts, account_id, stage`
  )
  return rows
}

/** Records the outcome of a send for its intents. */
export async function finishReminders(
  sharedContext: Context,
  ids: string[],
  outcome: { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string }
): Promise<void> {
  if (!ids.length) {
    return
  }
  const knex = transactionKnex(sharedContext)
  await knex(REMINDER_TABLE)
    .whereIn("id", ids)
    .where("status", "pending")
    .update(
      outcome.status === "sent"
        ? { status: "sent", notification_id: outcome.notification_id, sent_at: outcome.sent_at, last_error: null, updated_at: knex.fn.now() }
        : { status: "failed", last_error: outcome.error.slice(0, 2000), updated_at: knex.fn.now() }
    )
}
