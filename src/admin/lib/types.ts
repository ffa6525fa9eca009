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
import type { z } from "zod"
import type {
  AdminCreateAccount,
  AdminCreateAdjustment,
  AdminCreateChaseNote,
  AdminCreateReimbursement,
  AdminUpdateAccount,
  AdminUpdateInvoice,
  AdminUpdateReimbursement,
} from "../../api/admin/trade-credit/validators"
import type { InvoiceListFilters } from "../../api/utils/invoices"
import type { InvoiceStatus } from "../../modules/trade-credit/constants"

export type {
  AccountStatus,
  ActorType,
  HolderType,
  LedgerOperation,
  OverLimitPolicy,
  OverduePolicy,
  PaymentTermsType,
  ReviewReason,
  ReviewStatus,
  InvoiceStatus,
  AllocationKind,
  AgingBucket,
  ReminderStatus,
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
  AdminInvoice,
  AdminInvoiceListResponse as InvoiceListResponse,
  AdminInvoiceResponse as InvoiceResponse,
  AdminInvoiceReminder as InvoiceReminder,
  InvoiceAllocation,
  AdminChaseNote as ChaseNote,
  AdminChaseNoteListResponse as ChaseNoteListResponse,
  AdminChaseNoteResponse as ChaseNoteResponse,
  AdminCreditControlRunResponse as CreditControlRunResponse,
  AdminAgingReportResponse as AgingReportResponse,
  AgingReportRow,
  AgingReportTotals,
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
  /** "true": accounts whose next chase day is today or earlier. */
  due_for_chase?: "true" | "false"
  order?: string
  limit?: number
  offset?: number
}

/** The admin invoice list's filters and paging (`GET /admin/trade-credit/invoices`): the filters are the route's own. */
export type InvoiceListParams = InvoiceListFilters & {
  order?: string
  limit?: number
  offset?: number
}

/** The debtors report's query (`GET /admin/trade-credit/reports/aging`). */
export type AgingReportParams = {
  as_of?: string
  currency_code?: string
  limit?: number
  offset?: number
}

/**
 * Request bodies: what the routes' zod validators accept (type-only imports,
 * nothing of the server reaches the browser), so a field the server adds or
 * renames changes the admin's types too.
 */
export type CreateAccountBody = z.input<typeof AdminCreateAccount>
export type UpdateAccountBody = z.input<typeof AdminUpdateAccount>
export type ReimbursementBody = z.input<typeof AdminCreateReimbursement>
export type EditReimbursementBody = z.input<typeof AdminUpdateReimbursement>
export type AdjustmentBody = z.input<typeof AdminCreateAdjustment>
export type UpdateInvoiceBody = z.input<typeof AdminUpdateInvoice>
export type ChaseNoteBody = z.input<typeof AdminCreateChaseNote>

export type ReviewListParams = {
  status?: ReviewStatus
  order_id?: string
  limit?: number
  offset?: number
}
