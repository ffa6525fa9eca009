import { model } from "@medusajs/framework/utils"

/**
 * An order paid on account whose capture Medusa could not record: the credit
 * was taken at authorization, but capturing its Medusa payment failed. The
 * catch-up job counts its attempts and gives up after a few (`gave_up_at`),
 * so the admin sees why on the order and captures it from the payment
 * section; a capture of the payment, however made, removes the record.
 */
const ConfirmFailure = model
  .define("trade_credit_confirm_failure", {
    id: model.id({ prefix: "tccf" }).primaryKey(),
    order_id: model.text(),
    payment_id: model.text(),
    attempts: model.number().default(0),
    last_error: model.text(),
    gave_up_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_trade_credit_confirm_failure_payment_unique",
      on: ["payment_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["order_id"], where: "deleted_at IS NULL" },
  ])

export default ConfirmFailure
