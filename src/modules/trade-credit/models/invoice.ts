import { model } from "@medusajs/framework/utils"
import { INVOICE_STATUSES, PAYMENT_TERMS_TYPES } from "../constants"
import InvoiceAllocation from "./invoice-allocation"

/**
 * An invoice: what an account owes for one order paid on account (or, under
 * `capture: "manual"`, for one capture of it), with its due date from the
 * account's terms at issue time. Its amounts are kept equal to its
 * allocations (receivables.ts): `amount_open = amount - amount_credited -
 * amount_paid`, where credit notes (refunds, a cancel) make `amount_credited`
 * and payments make `amount_paid`.
 */
const Invoice = model
  .define("trade_credit_invoice", {
    id: model.id({ prefix: "tcinv" }).primaryKey(),
    // Prefix, year of issue, gapless sequence: INV-2026-000123.
    number: model.text().searchable(),
    account_id: model.text(),
    order_id: model.text().nullable(),
    order_display_id: model.number().nullable(),
    // The on-account payment session, and the ledger entry (purchased / captured) it bills.
    payment_session_id: model.text().nullable(),
    entry_id: model.text(),
    currency_code: model.text(),
    amount: model.bigNumber(),
    amount_credited: model.bigNumber().default(0),
    amount_paid: model.bigNumber().default(0),
    amount_open: model.bigNumber(),
    issued_at: model.dateTime(),
    // The due day in the store's time zone (YYYY-MM-DD), the instant it begins,
    // and the instant the invoice becomes overdue: the end of (due day + grace days).
    due_date: model.text(),
    due_at: model.dateTime(),
    overdue_at: model.dateTime(),
    // When the credit-control run saw it overdue (overdueState) and marked it; null until then.
    marked_overdue_at: model.dateTime().nullable(),
    terms_type: model.enum([...PAYMENT_TERMS_TYPES]),
    terms_net_days: model.number().nullable(),
    grace_days: model.number().default(0),
    status: model.enum([...INVOICE_STATUSES]).default("open"),
    reminders_paused: model.boolean().default(false),
    dispute_note: model.text().nullable(),
    metadata: model.json().nullable(),
    allocations: model.hasMany(() => InvoiceAllocation, { mappedBy: "invoice" }),
  })
  .indexes([
    { name: "IDX_trade_credit_invoice_number_unique", on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "status", "due_at"], where: "deleted_at IS NULL" },
    { on: ["status", "overdue_at"], where: "deleted_at IS NULL" },
    { on: ["due_at"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "order_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["payment_session_id"], where: "payment_session_id IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_trade_credit_invoice_entry_unique", on: ["entry_id"], unique: true, where: "deleted_at IS NULL" },
  ])
  .checks([
    { name: "trade_credit_invoice_amounts", expression: (c) => `${c.amount_open} >= 0 AND ${c.amount_paid} >= 0 AND ${c.amount_credited} >= 0` },
  ])

export default Invoice
