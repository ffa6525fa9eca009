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
