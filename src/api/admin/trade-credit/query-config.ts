import { ACCOUNT_FIELDS } from "../../utils/format"

export const retrieveAccountQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  isList: false,
}

export const listAccountsQueryConfig = {
  defaults: ACCOUNT_FIELDS,
  defaultLimit: 20,
  isList: true,
}

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

export const listReviewsQueryConfig = {
  defaults: REVIEW_FIELDS,
  defaultLimit: 20,
  isList: true,
}
