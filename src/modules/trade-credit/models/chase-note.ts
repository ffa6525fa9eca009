import { model } from "@medusajs/framework/utils"
import { ACTOR_TYPES } from "../constants"

/** A credit-control note: who chased an account, what was said, when to chase next. */
const ChaseNote = model
  .define("trade_credit_chase_note", {
    id: model.id({ prefix: "tcnote" }).primaryKey(),
    account_id: model.text(),
    body: model.text(),
    next_chase_at: model.dateTime().nullable(),
    actor_type: model.enum([...ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    actor_name: model.text().nullable(),
  })
  .indexes([{ on: ["account_id", "created_at"], where: "deleted_at IS NULL" }])

export default ChaseNote
