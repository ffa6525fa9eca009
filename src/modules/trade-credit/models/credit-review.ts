import { model } from "@medusajs/framework/utils"
import { ACTOR_TYPES, REVIEW_REASONS, REVIEW_STATUSES } from "../constants"

/**
 * An on-account order that went over the account's limit under the `hold`
 * policy: the order exists awaiting authorization, nothing is reserved, and a
 * credit controller releases (authorize anyway) or rejects (cancel) it.
 */
const CreditReview = model
  .define("trade_credit_review", {
    id: model.id({ prefix: "tcrev" }).primaryKey(),
    account_id: model.text(),
    payment_session_id: model.text(),
    order_id: model.text().nullable(),
    order_display_id: model.number().nullable(),
    customer_id: model.text().nullable(),
    currency_code: model.text(),
    // The order total asking for credit.
    amount: model.bigNumber(),
    // Available credit when the order was placed, and how far the order goes over it.
    available_credit: model.bigNumber(),
    amount_over: model.bigNumber(),
    status: model.enum([...REVIEW_STATUSES]).default("pending"),
    // Why it was held: over the limit, or invoices overdue (overdue_policy "hold").
    reason: model.enum([...REVIEW_REASONS]).default("over_limit"),
    comment: model.text().nullable(),
    decided_by_type: model.enum([...ACTOR_TYPES]).nullable(),
    decided_by_id: model.text().nullable(),
    decided_by_name: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_trade_credit_review_session_unique",
      on: ["payment_session_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { on: ["status"], where: "deleted_at IS NULL" },
    { on: ["order_id"], where: "order_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["account_id"], where: "deleted_at IS NULL" },
  ])

export default CreditReview
