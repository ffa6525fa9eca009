import { model } from "@medusajs/framework/utils"
import { ALLOCATION_KINDS } from "../constants"
import Invoice from "./invoice"

/**
 * Which ledger entry paid (or credited) which invoice, and how much: the
 * admin reads who paid what from these rows. A `payment` allocation names the
 * credit that paid it (a reimbursement, an adjustment, a card payment, or the
 * refund of another order that freed a payment); a negative one undoes
 * payment (a bounced transfer, a refund of an invoice already paid). A
 * `credit_note` allocation is a refund or cancel of the invoice's own order.
 * Never changed or deleted: corrections are new rows.
 */
const InvoiceAllocation = model
  .define("trade_credit_invoice_allocation", {
    id: model.id({ prefix: "tcalloc" }).primaryKey(),
    account_id: model.text(),
    kind: model.enum([...ALLOCATION_KINDS]).default("payment"),
    // The ledger entry whose money this is.
    entry_id: model.text(),
    // Signed: negative undoes an earlier payment of this invoice.
    amount: model.bigNumber(),
    invoice: model.belongsTo(() => Invoice, { mappedBy: "allocations" }),
  })
  .indexes([
    { on: ["account_id"], where: "deleted_at IS NULL" },
    { on: ["entry_id"], where: "deleted_at IS NULL" },
    { on: ["invoice_id"], where: "deleted_at IS NULL" },
  ])

export default InvoiceAllocation
