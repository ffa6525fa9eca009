import { model } from "@medusajs/framework/utils"
import { REPORT_SEND_STATUSES } from "../constants"

/**
 * A debtors report e-mail intent: one row per `period` (the ISO week of the
 * weekly send, `2026-W49`; a send-now request gets a period of its own),
 * written BEFORE the e-mail is sent: the unique index lets one worker own the
 * send when two run the job at once. Marked `sent` after; a `failed` one is
 * claimed again by the next run.
 */
const ReportSend = model
  .define("trade_credit_report_send", {
    id: model.id({ prefix: "tcrep" }).primaryKey(),
    period: model.text(),
    status: model.enum([...REPORT_SEND_STATUSES]).default("pending"),
    recipients: model.json().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    notification_id: model.text().nullable(),
  })
  .indexes([{ name: "IDX_trade_credit_report_send_period_unique", on: ["period"], unique: true, where: "deleted_at IS NULL" }])

export default ReportSend
