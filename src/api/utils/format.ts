import { ACCOUNT_SETTING_FIELDS, SETTINGS_OPERATIONS } from "../../modules/trade-credit/constants"
import { toAmount } from "../../modules/trade-credit/utils/money"
import type {
  AdminChaseNote,
  AccountHolder,
  AdminLedgerEntry,
  AdminTradeCreditAccount,
  EntryEdit,
  LedgerEntry,
  StoreLedgerEntry,
  StoreTradeCreditAccount,
} from "../../types/http"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Fields every account response is built from (query config defaults). */
/** What `holderOf` reads of an account: its holder's ids and names. */
export const HOLDER_FIELDS = [
  "customer_id",
  "customer_group_id",
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "customer.company_name",
  "customer_group.name",
]

export const ACCOUNT_FIELDS = [
  "id",
  ...HOLDER_FIELDS,
  "currency_code",
  "balance",
  "reserved",
  "available_credit",
  "credit_limit",
  ...ACCOUNT_SETTING_FIELDS,
  "last_chased_at",
  "next_chase_at",
  "outstanding_orders_total",
  "outstanding_orders_count",
  "created_at",
  "updated_at",
  "customer.id",
  "customer_group.id",
]

export function holderOf(account: any): AccountHolder {
  if (account.customer_id) {
    const c = account.customer ?? {}
    const name = [c.first_name, c.last_name].filter(Boolean).join(" ") || c.company_name || c.email || null
    return { type: "customer" as const, id: account.customer_id, name, email: c.email ?? null }
  }
  return {
    type: "customer_group" as const,
    id: account.customer_group_id,
    name: account.customer_group?.name ?? null,
    email: null,
  }
}

/** The account as the HTTP API shows it (admin and store). */
export function formatAccount(account: any): AdminTradeCreditAccount {
  return {
    id: account.id,
    customer_id: account.customer_id ?? null,
    customer_group_id: account.customer_group_id ?? null,
    holder: holderOf(account),
    currency_code: account.currency_code,
    balance: toAmount(account.raw_balance ?? account.balance),
    reserved: toAmount(account.raw_reserved ?? account.reserved),
    available_credit: toAmount(account.raw_available_credit ?? account.available_credit),
    credit_limit: toAmount(account.raw_credit_limit ?? account.credit_limit),
    allow_exceed: account.allow_exceed,
    over_limit_policy: account.over_limit_policy ?? null,
    overdue_policy: account.overdue_policy ?? "block",
    status: account.status,
    payment_terms: {
      type: account.terms_type,
      net_days: account.terms_net_days ?? null,
      grace_days: account.terms_grace_days ?? 0,
    },
    reference: account.reference ?? null,
    metadata: account.metadata ?? null,
    billing_email: account.billing_email ?? null,
    reminders_paused: !!account.reminders_paused,
    last_chased_at: account.last_chased_at ?? null,
    next_chase_at: account.next_chase_at ?? null,
    outstanding_orders_total: toAmount(account.raw_outstanding_orders_total ?? account.outstanding_orders_total ?? 0),
    outstanding_orders_count: account.outstanding_orders_count ?? 0,
    created_at: account.created_at,
    updated_at: account.updated_at,
  }
}

/** A chase note as the HTTP API shows it. */
export function formatChaseNote(note: any): AdminChaseNote {
  return {
    id: note.id,
    account_id: note.account_id,
    body: note.body,
    next_chase_at: note.next_chase_at ?? null,
    actor: { type: note.actor_type, id: note.actor_id ?? null, name: note.actor_name ?? null },
    created_at: note.created_at,
  }
}

/** What a buyer sees of an account: no internal reference or metadata. */
export function formatStoreAccount(account: any): StoreTradeCreditAccount {
  const {
    metadata: _m,
    reference: _r,
    over_limit_policy: _p,
    overdue_policy: _o,
    billing_email: _b,
    reminders_paused: _rp,
    last_chased_at: _l,
    next_chase_at: _n,
    ...visible
  } = formatAccount(account)
  return visible
}

/** A ledger entry as the HTTP API shows it; internal idempotency data stays inside. */
export function formatEntry(entry: any): LedgerEntry {
  return {
    id: entry.id,
    account_id: entry.account_id ?? entry.account?.id,
    operation: entry.operation,
    amount: toAmount(entry.raw_amount ?? entry.amount),
    reserved_delta: toAmount(entry.raw_reserved_delta ?? entry.reserved_delta),
    balance_after: toAmount(entry.raw_balance_after ?? entry.balance_after),
    reserved_after: toAmount(entry.raw_reserved_after ?? entry.reserved_after),
    available_credit_after: toAmount(entry.raw_available_credit_after ?? entry.available_credit_after),
    credit_limit_after: toAmount(entry.raw_credit_limit_after ?? entry.credit_limit_after),
    currency_code: entry.currency_code,
    over_limit: entry.over_limit,
    order_id: entry.order_id ?? null,
    order_display_id: entry.order_display_id ?? null,
    // A reversal (cancel or refund) names the purchase whose credit it gives back.
    reverses_entry_id: entry.reverses_entry_id ?? null,
    reference: entry.reference ?? null,
    comment: entry.comment ?? null,
    changes: entry.changes ?? null,
    actor: { type: entry.actor_type, id: entry.actor_id ?? null, name: entry.actor_name ?? null },
    created_at: entry.created_at,
  }
}

/** Settings entries: their reference and comment are the merchant's own (the account's reference, the reason for a change). */
const MERCHANT_NOTE_OPERATIONS: ReadonlySet<string> = new Set(SETTINGS_OPERATIONS)

/**
 * A ledger entry as a buyer sees it: what happened, by how much, the balance
 * and available credit after it, the order, and the reference and comment
 * meant for them. Never the changed settings, the reason for a change, or
 * which admin user or integration did it: those are "the merchant".
 */
export function formatStoreEntry(entry: any): StoreLedgerEntry {
  const merchantNote = MERCHANT_NOTE_OPERATIONS.has(entry.operation)
  return {
    id: entry.id,
    operation: entry.operation,
    amount: toAmount(entry.raw_amount ?? entry.amount),
    currency_code: entry.currency_code,
    balance_after: toAmount(entry.raw_balance_after ?? entry.balance_after),
    available_credit_after: toAmount(entry.raw_available_credit_after ?? entry.available_credit_after),
    credit_limit_after: toAmount(entry.raw_credit_limit_after ?? entry.credit_limit_after),
    order_id: entry.order_id ?? null,
    order_display_id: entry.order_display_id ?? null,
    reference: merchantNote ? null : entry.reference ?? null,
    comment: merchantNote ? null : entry.comment ?? null,
    actor:
      entry.actor_type === "customer"
        ? { type: "customer" as const, id: entry.actor_id ?? null, name: entry.actor_name ?? null }
        : { type: "merchant" as const, id: null, name: null },
    created_at: entry.created_at,
  }
}

/** One correction of a reimbursement's note, as the admin API shows it. */
export function formatEntryEdit(edit: any): EntryEdit {
  return {
    actor: { type: edit.actor_type, id: edit.actor_id ?? null, name: edit.actor_name ?? null },
    created_at: edit.created_at,
    changes: edit.changes ?? {},
  }
}

/** An entry for the admin, with its corrections (`edits`, newest first). */
export function formatAdminEntry(entry: any, edits: any[] = []): AdminLedgerEntry {
  return { ...formatEntry(entry), edits: edits.map(formatEntryEdit) }
}
