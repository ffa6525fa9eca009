import { model } from "@medusajs/framework/utils"
import { REMINDER_STATUSES } from "../constants"

/**
 * A reminder intent: one row per (invoice, stage), written BEFORE the e-mail
 * is sent (the unique index makes a second run's insert a no-op, so only one
 * run owns the send), marked `sent` after. A `failed` send is claimed again
 * by the next run (attempts + 1, a new notification idempotency key); a
 * `sent` one is never claimed again. Invoices of one account reaching one
 * stage in one run share an e-mail (`notification_id`).
 */
const Reminder = model
  .define("trade_credit_reminder", {
    id: model.id({ prefix: "tcrem" }).primaryKey(),
    invoice_id: model.text(),
    account_id: model.text(),
    stage: model.text(),
    status: model.enum([...REMINDER_STATUSES]).default("pending"),
    recipients: model.json().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    notification_id: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_trade_credit_reminder_invoice_stage_unique", on: ["invoice_id", "stage"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "status"], where: "deleted_at IS NULL" },
  ])

export default Reminder
