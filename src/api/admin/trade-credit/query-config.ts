import { DEFAULT_PAGE_SIZE } from "../../../modules/trade-credit/constants"
import { ACCOUNT_FIELDS } from "../../utils/format"

/**
 * `allowed` is the allow-list of `fields` (and of `order`): a route never
 * selects a relation or column it doesn't show. The validators refuse other
 * fields with 400 first (Medusa would silently drop them).
 */
export const retrieveAccountQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  allowed: ACCOUNT_FIELDS,
  isList: false,
}

export const listAccountsQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  allowed: ACCOUNT_FIELDS,
  defaultLimit: DEFAULT_PAGE_SIZE,
  isList: true,
}

/** Columns an account list may be ordered by (`-` for descending). */
export const ACCOUNT_ORDERABLE = [
  "id",
  "next_chase_at",
  "last_chased_at",
  "currency_code",
  "balance",
  "reserved",
  "available_credit",
  "credit_limit",
  "status",
  "reference",
  "created_at",
  "updated_at",
]

export const REVIEW_FIELDS = [
  "id",
  "account_id",
  "payment_session_id",
  "order_id",
  "order_display_id",
  "customer_id",
  "currency_code",
  "amount",
  "available_credit",
  "amount_over",
  "status",
  "reason",
  "comment",
  "decided_by_type",
  "decided_by_id",
  "decided_by_name",
  "decided_at",
  "created_at",
]

/** Columns a review list may be ordered by (`-` for descending). */
export const REVIEW_ORDERABLE = ["id", "order_display_id", "amount", "amount_over", "status", "decided_at", "created_at"]

export const listReviewsQueryConfig = {
  defaults: REVIEW_FIELDS,
  allowed: REVIEW_FIELDS,
  defaultLimit: DEFAULT_PAGE_SIZE,
  isList: true,
}

/** Columns every invoice response is built from. */
export const INVOICE_FIELDS = [
  "id",
  "number",
  "account_id",
  "order_id",
  "order_display_id",
  "currency_code",
  "amount",
  "amount_credited",
  "amount_paid",
  "amount_open",
  "issued_at",
  "due_date",
  "due_at",
  "overdue_at",
  "grace_days",
  "terms_type",
  "terms_net_days",
  "status",
  "reminders_paused",
  "dispute_note",
  "metadata",
  "created_at",
  "updated_at",
]

/** Columns an invoice list may be ordered by (`-` for descending); by default by due date, oldest first. */
export const INVOICE_ORDERABLE = ["due_at", "issued_at", "number", "amount", "amount_open", "status", "created_at"]

export const listInvoicesQueryConfig = {
  defaults: INVOICE_FIELDS,
  allowed: INVOICE_FIELDS,
  defaultLimit: DEFAULT_PAGE_SIZE,
  isList: true,
}
