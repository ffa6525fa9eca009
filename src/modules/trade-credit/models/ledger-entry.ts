import { model } from "@medusajs/framework/utils"
import { ACTOR_TYPES, LEDGER_OPERATIONS } from "../constants"
import Account from "./account"

/**
 * One line of an account's credit history. Append-only: a database trigger
 * (see the migrations) refuses DELETE and any UPDATE except of `reference` and
 * `comment` of a `reimbursed` entry, the two fields a credit controller may
 * correct (each correction kept in trade_credit_entry_edit). Corrections of
 * money are new entries.
 */
const LedgerEntry = model
  .define("trade_credit_ledger_entry", {
    id: model.id({ prefix: "tcle" }).primaryKey(),
    // Strictly increasing per insert; the keyset cursor of the history.
    seq: model.autoincrement(),
    operation: model.enum([...LEDGER_OPERATIONS]),
    // Signed change of the balance.
    amount: model.bigNumber().default(0),
    // Signed change of the reserved total (authorizations, their release).
    reserved_delta: model.bigNumber().default(0),
    balance_after: model.bigNumber(),
    reserved_after: model.bigNumber(),
    available_credit_after: model.bigNumber(),
    credit_limit_after: model.bigNumber(),
    currency_code: model.text(),
    // Set when the operation took the account over its limit (allow_exceed or
    // an admin's release of a held order).
    over_limit: model.boolean().default(false),
    order_id: model.text().nullable(),
    order_display_id: model.number().nullable(),
    // The on-account payment session the entry belongs to (checkout postings).
    payment_session_id: model.text().nullable(),
    // A `reverted` or `refunded` entry names the `purchased` entry whose
    // credit it gives back, so the history reads as pairs.
    reverses_entry_id: model.text().nullable(),
    // The custom reference number (bank transfer id, ERP document, ...).
    reference: model.text().searchable().nullable(),
    comment: model.text().nullable(),
    // For `allocated` / `updated`: the settings before and after.
    changes: model.json().nullable(),
    actor_type: model.enum([...ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    actor_name: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    // Fingerprint of the request that carried the idempotency key, so that the
    // same key with a different body is refused instead of replayed.
    request_hash: model.text().nullable(),
    account: model.belongsTo(() => Account, { mappedBy: "entries" }),
  })
  .indexes([
    {
      name: "IDX_trade_credit_ledger_entry_idempotency_unique",
      on: ["account_id", "idempotency_key"],
      unique: true,
      where: "idempotency_key IS NOT NULL",
    },
    { on: ["account_id", "seq"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["payment_session_id"], where: "payment_session_id IS NOT NULL" },
  ])

export default LedgerEntry
