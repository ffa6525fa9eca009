/**
 * Shapes of the plugin's admin HTTP API (`/admin/trade-credit/*`): the
 * vocabulary comes from the module's constants and the response shapes from
 * `src/types/http.ts`, the types the routes answer with. Amounts are JSON
 * numbers in the currency's major units; they are only formatted for display
 * here, never used for arithmetic on money.
 */
import type {
  AccountStatus,
  HolderType,
  OverLimitPolicy,
  ReviewStatus,
} from "../../modules/trade-credit/constants"
import type { Amount, PaymentTerms } from "../../types/http"

export type {
  AccountStatus,
  ActorType,
  HolderType,
  LedgerOperation,
  OverLimitPolicy,
  PaymentTermsType,
  ReviewStatus,
} from "../../modules/trade-credit/constants"

export type {
  AccountHolder,
  AdminAccountListResponse as AccountListResponse,
  AdminAccountMutationResponse as AccountMutationResponse,
  AdminAccountResponse as AccountResponse,
  AdminEntryPageResponse as EntryPageResponse,
  AdminEntryResponse as EntryResponse,
  AdminReviewListResponse as ReviewListResponse,
  AdminReviewResponse as ReviewResponse,
  AdminTradeCreditAccount as TradeCreditAccount,
  Amount,
  CreditReview as OrderReview,
  EntryActor as Actor,
  EntryEdit,
  FieldChange,
  LedgerEntry,
  PaymentTerms,
  ReviewParty,
} from "../../types/http"

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

export type ReviewListParams = {
  status?: ReviewStatus
  order_id?: string
  limit?: number
  offset?: number
}
