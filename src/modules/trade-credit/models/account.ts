import { model } from "@medusajs/framework/utils"
import {
  ACCOUNT_STATUSES,
  DEFAULT_OVERDUE_POLICY,
  DEFAULT_PAYMENT_TERMS,
  MAX_ACCOUNT_REFERENCE_LENGTH,
  OVER_LIMIT_POLICIES,
  OVERDUE_POLICIES,
  PAYMENT_TERMS_TYPES,
} from "../constants"
import LedgerEntry from "./ledger-entry"

/**
 * A trade credit account: the running totals of one holder in one currency.
 *
 * The holder is either a customer (a personal balance) or a customer group (a
 * company's credit). Totals are only ever changed by the module service's
 * posting operations, each of which writes a ledger entry in the same
 * transaction, so `balance` always equals the sum of the entries' amounts.
 */
const Account = model
  .define("trade_credit_account", {
    id: model.id({ prefix: "tcacc" }).primaryKey(),
    customer_id: model.text().nullable(),
    customer_group_id: model.text().nullable(),
    currency_code: model.text(),
    credit_limit: model.bigNumber().default(0),
    // Signed: positive = money the holder has with us, negative = money owed.
    balance: model.bigNumber().default(0),
    // Open authorizations: on-account orders placed but not yet posted.
    reserved: model.bigNumber().default(0),
    // Stored (not only computed) so lists can filter and sort on it; always
    // written from `availableCredit()` in the same UPDATE as the totals.
    available_credit: model.bigNumber().default(0),
    allow_exceed: model.boolean().default(false),
    // Null = the plugin option `overLimitPolicy` decides.
    over_limit_policy: model.enum([...OVER_LIMIT_POLICIES]).nullable(),
    status: model.enum([...ACCOUNT_STATUSES]).default("normal"),
    // Checkout while an invoice is overdue past grace: block, hold for review, or allow.
    overdue_policy: model.enum([...OVERDUE_POLICIES]).default(DEFAULT_OVERDUE_POLICY),
    terms_type: model.enum([...PAYMENT_TERMS_TYPES]).default(DEFAULT_PAYMENT_TERMS.type),
    terms_net_days: model.number().nullable(),
    terms_grace_days: model.number().default(0),
    // External account reference (ERP / wholesaler comms), MAX_ACCOUNT_REFERENCE_LENGTH characters max.
    reference: model.text().searchable().nullable(),
    metadata: model.json().nullable(),
    // Reminders go here when set (comma-separated), else to the company's buyers or the customer.
    billing_email: model.text().nullable(),
    // No reminder e-mails for this account while true.
    reminders_paused: model.boolean().default(false),
    // Credit control (chase notes): when it was last chased and when to chase next.
    last_chased_at: model.dateTime().nullable(),
    next_chase_at: model.dateTime().nullable(),
    // Outstanding orders (`invoice_at: "shipment"`): orders posted to the balance and not invoiced
    // yet (not shipped), net of their refunds. Running totals kept by receivables.ts under the account lock.
    outstanding_orders_total: model.bigNumber().default(0),
    outstanding_orders_count: model.number().default(0),
    // Credit posted to the balance and not allocated to an invoice yet (reimbursements, adjustments,
    // refunds and reverts, less their allocations; negative = a debit no invoice bills). A running
    // total kept by receivables.ts under the account lock, so a posting never sums the history;
    // the reconciliation checks it against the history.
    unallocated_credit: model.bigNumber().default(0),
    entries: model.hasMany(() => LedgerEntry, { mappedBy: "account" }),
  })
  .indexes([
    {
      name: "IDX_trade_credit_account_customer_currency_unique",
      on: ["customer_id", "currency_code"],
      unique: true,
      where: "customer_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_trade_credit_account_group_currency_unique",
      on: ["customer_group_id", "currency_code"],
      unique: true,
      where: "customer_group_id IS NOT NULL AND deleted_at IS NULL",
    },
    { on: ["balance"], where: "deleted_at IS NULL" },
    { on: ["available_credit"], where: "deleted_at IS NULL" },
    { on: ["next_chase_at"], where: "next_chase_at IS NOT NULL AND deleted_at IS NULL" },
  ])
  .checks([
    {
      name: "trade_credit_account_one_holder",
      expression: (c) =>
        `(${c.customer_id} IS NULL) <> (${c.customer_group_id} IS NULL)`,
    },
    {
      name: "trade_credit_account_credit_limit_not_negative",
      expression: (c) => `${c.credit_limit} >= 0`,
    },
    {
      name: "trade_credit_account_reserved_not_negative",
      expression: (c) => `${c.reserved} >= 0`,
    },
    {
      name: "trade_credit_account_reference_length",
      expression: (c) => `${c.reference} IS NULL OR char_length(${c.reference}) <= ${MAX_ACCOUNT_REFERENCE_LENGTH}`,
    },
  ])

export default Account
