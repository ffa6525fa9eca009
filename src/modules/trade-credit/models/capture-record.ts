import { model } from "@medusajs/framework/utils"

/**
 * A capture Medusa made of an on-account payment, as the ledger recorded it:
 * one per Medusa capture (`capture_id`), with the credit it moved from reserved
 * to the balance (0 when the order was posted at authorization). A cancel of
 * the payment is refused once one exists, so a capture and a cancel racing
 * each other can't both win (both decide under the order's purchase-entry lock).
 */
const CaptureRecord = model
  .define("trade_credit_capture", {
    id: model.id({ prefix: "tccap" }).primaryKey(),
    account_id: model.text(),
    payment_session_id: model.text(),
    capture_id: model.text(),
    amount: model.bigNumber().default(0),
    // The `captured` ledger entry, when credit moved.
    entry_id: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_trade_credit_capture_capture_unique",
      on: ["capture_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["payment_session_id"], where: "deleted_at IS NULL" },
  ])

export default CaptureRecord
