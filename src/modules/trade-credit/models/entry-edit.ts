import { model } from "@medusajs/framework/utils"
import { ACTOR_TYPES } from "../constants"

/**
 * One correction of a reimbursement's custom reference number or comment:
 * who made it, when, and the values before and after. The ledger entry keeps
 * its current note; its corrections are this history, never ledger entries
 * (they move no money).
 */
const EntryEdit = model
  .define("trade_credit_entry_edit", {
    id: model.id({ prefix: "tcedit" }).primaryKey(),
    entry_id: model.text(),
    account_id: model.text(),
    // `{reference?: {from, to}, comment?: {from, to}}`: only what changed.
    changes: model.json(),
    actor_type: model.enum([...ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    actor_name: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    // Fingerprint of the request that carried the idempotency key.
    request_hash: model.text().nullable(),
  })
  .indexes([
    { on: ["entry_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_trade_credit_entry_edit_idempotency_unique",
      on: ["account_id", "idempotency_key"],
      unique: true,
      where: "idempotency_key IS NOT NULL AND deleted_at IS NULL",
    },
  ])

export default EntryEdit
