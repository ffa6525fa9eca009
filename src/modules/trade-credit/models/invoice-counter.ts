import { model } from "@medusajs/framework/utils"

/**
 * The invoice number sequence: one row per prefix and year (`INV-2026-`),
 * incremented inside the transaction that issues the invoice. The row stays
 * locked until that transaction ends, so numbers are unique and gapless: a
 * rolled-back issue gives its number back.
 */
const InvoiceCounter = model
  .define("trade_credit_invoice_counter", {
    id: model.id({ prefix: "tcinvc" }).primaryKey(),
    scope: model.text(),
    last_value: model.number().default(0),
  })
  .indexes([{ name: "IDX_trade_credit_invoice_counter_scope_unique", on: ["scope"], unique: true }])

export default InvoiceCounter
