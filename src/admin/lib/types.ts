/**
 * Shapes of the plugin's admin HTTP API (`/admin/trade-credit/*`).
 * Amounts are JSON numbers in the currency's major units; they are only
 * formatted for display here, never used for arithmetic on money.
 */

export type Amount = number

export type AccountStatus = "normal" | "query" | "on_stop"
export type OverLimitPolicy = "hold" | "block"
export type PaymentTermsType = "prepayment" | "net_days" | "end_of_next_month"
export type HolderType = "customer" | "customer_group"
export type LedgerOperation =
  | "allocated"
  | "updated"
  | "purchased"
  | "reimbursed"
  | "refunded"
  | "reverted"
  | "adjusted"
export type ActorType = "user" | "customer" | "system" | "erp"

export type PaymentTerms = {
  type: PaymentTermsType
  net_days?: number | null
  grace_days?: number | null
}

export type AccountHolder = {
  type: HolderType
  id: string
  name: string | null
  email: string | null
}

export type TradeCreditAccount = {
  id: string
  customer_id: string | null
  customer_group_id: string | null
  holder: AccountHolder
  currency_code: string
  balance: Amount
  reserved: Amount
  available_credit: Amount
  credit_limit: Amount
  allow_exceed: boolean
  over_limit_policy: OverLimitPolicy | null
  status: AccountStatus
  payment_terms: PaymentTerms
  reference: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
}

export type Actor = {
  type: ActorType
  id: string | null
  name: string | null
}

export type FieldChange = { from: unknown; to: unknown }

export type LedgerEntry = {
  id: string
  account_id: string
  operation: LedgerOperation
  amount: Amount
  reserved_delta: Amount
  balance_after: Amount
  reserved_after: Amount
  available_credit_after: Amount
  credit_limit_after: Amount
  currency_code: string
  over_limit: boolean
  order_id: string | null
  order_display_id: number | null
  reference: string | null
  comment: string | null
  changes: Record<string, FieldChange> | null
  actor: Actor
  created_at: string
  /** Corrections of a reimbursement's reference or comment, newest first (admin API only). */
  edits?: EntryEdit[]
}

/** One correction of a reimbursement's note: who, when, and each changed field's before and after. */
export type EntryEdit = {
  actor: Actor
  created_at: string
  changes: Partial<Record<"reference" | "comment", { from: string | null; to: string | null }>>
}

export type AccountListParams = {
  q?: string
  customer_id?: string | string[]
  customer_group_id?: string | string[]
  holder_type?: HolderType
  currency_code?: string
  status?: AccountStatus | AccountStatus[]
  balance?: { lt?: string; lte?: string; gt?: string; gte?: string }
  available_credit?: { lt?: string; lte?: string; gt?: string; gte?: string }
  order?: string
  limit?: number
  offset?: number
}

export type AccountListResponse = {
  accounts: TradeCreditAccount[]
  count: number
  limit: number
  offset: number
}

export type AccountResponse = { account: TradeCreditAccount }

export type AccountMutationResponse = {
  account: TradeCreditAccount
  entry: LedgerEntry | null
}

export type EntryPageResponse = {
  entries: LedgerEntry[]
  next_cursor: string | null
  has_more: boolean
}

export type CreateAccountBody = {
  customer_id?: string
  customer_group_id?: string
  currency_code: string
  credit_limit?: Amount
  allow_exceed?: boolean
  over_limit_policy?: OverLimitPolicy | null
  status?: AccountStatus
  payment_terms?: PaymentTerms
  reference?: string | null
  comment?: string | null
}

export type UpdateAccountBody = {
  credit_limit?: Amount
  allow_exceed?: boolean
  over_limit_policy?: OverLimitPolicy | null
  status?: AccountStatus
  payment_terms?: PaymentTerms
  reference?: string | null
  reason: string
}

export type ReimbursementBody = {
  amount: Amount
  reference?: string | null
  comment?: string | null
}

export type EditReimbursementBody = {
  reference?: string | null
  comment?: string | null
}

export type AdjustmentBody = {
  amount: Amount
  comment: string
}

/** A person or company as the review queue names it (object or plain text). */
export type ReviewParty =
  | string
  | { id?: string | null; name?: string | null; email?: string | null }
  | null

export type OrderReview = {
  id: string
  order_id: string
  order_display_id?: number | null
  status: "pending" | "released" | "rejected" | string
  account_id: string
  customer: ReviewParty
  company: ReviewParty
  order_total: Amount
  available_credit: Amount
  amount_over: Amount
  currency_code: string
  created_at: string
}

export type ReviewListParams = {
  status?: string
  order_id?: string
  limit?: number
  offset?: number
}

export type ReviewListResponse = {
  reviews: OrderReview[]
  count: number
  limit: number
  offset: number
}
