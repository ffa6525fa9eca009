import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { transactionKnex } from "./ledger-locks"

/**
 * The debtors report e-mail intents (models/report-send.ts): one row per
 * period, claimed before the send, finished after it.
 */

export const REPORT_SEND_TABLE = "trade_credit_report_send"

export type ClaimedReportSend = { id: string; attempts: number }

/**
 * Claims the send of a period's report: inserts its intent, or takes over a
 * `failed` one (attempts + 1). Null when another run claimed it or it was
 * sent: only the caller that gets a row may send.
 */
export async function claimReportSend(sharedContext: Context, period: string, recipients: string[]): Promise<ClaimedReportSend | null> {
  const knex = transactionKnex(sharedContext)
  const insert = knex(REPORT_SEND_TABLE).insert({
    id: generateEntityId(undefined, "tcrep"),
    period,
    status: "pending",
    attempts: 1,
    recipients: JSON.stringify(recipients),
  })
  const { rows } = await knex.raw(
    `${insert.toString()}
     ON CONFLICT (period) WHERE deleted_at IS NULL
     DO UPDATE SET status = 'pending', attempts = ${REPORT_SEND_TABLE}.attempts + 1, recipients = EXCLUDED.recipients,
                   last_error = NULL, updated_at = now()
     WHERE ${REPORT_SEND_TABLE}.status = 'failed'
     RETURNING id, attempts`
  )
  return rows[0] ?? null
}

/** Records the outcome of a claimed send. */
export async function finishReportSend(
  sharedContext: Context,
  id: string,
  outcome: { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string }
): Promise<void> {
  const knex = transactionKnex(sharedContext)
  await knex(REPORT_SEND_TABLE)
    .where({ id, status: "pending" })
    .update(
      outcome.status === "sent"
        ? { status: "sent", notification_id: outcome.notification_id, sent_at: outcome.sent_at, last_error: null, updated_at: knex.fn.now() }
        : { status: "failed", last_error: outcome.error.slice(0, 2000), updated_at: knex.fn.now() }
    )
}
