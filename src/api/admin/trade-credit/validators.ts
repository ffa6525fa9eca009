import { z } from "@medusajs/framework/zod"
import {
  ACCOUNT_STATUSES,
  BALANCE_SIGNS,
  DEFAULT_PAGE_SIZE,
  DEFAULT_RECONCILIATION_GRACE_SECONDS,
  MAX_RECONCILIATION_GRACE_SECONDS,
  HOLDER_TYPES,
  INVOICE_STATUSES,
  LEDGER_OPERATIONS,
  MAX_PAGE_SIZE,
  MAX_REFUND_REASON_LENGTH,
  OVER_LIMIT_POLICIES,
  OVERDUE_POLICIES,
  PAYMENT_TERMS_TYPES,
  REVIEW_STATUSES,
} from "../../../modules/trade-credit/constants"
import { ACCOUNT_FIELDS } from "../../utils/format"
import { idText, jsonRecord, listParams, plainText, selectFields } from "../../utils/validators"
import { ACCOUNT_ORDERABLE, INVOICE_FIELDS, INVOICE_ORDERABLE, REVIEW_FIELDS, REVIEW_ORDERABLE } from "./query-config"

/**
 * Amounts arrive as JSON numbers (as everywhere in Medusa) or decimal
 * strings; the module checks them against the currency's minor units, so a
 * value is never rounded on its way in.
 */
const amount = z.union([z.number(), z.string()])
const status = z.enum(ACCOUNT_STATUSES)
const overLimitPolicy = z.enum(OVER_LIMIT_POLICIES)
const overduePolicy = z.enum(OVERDUE_POLICIES)
const operation = z.enum(LEDGER_OPERATIONS)

export const PaymentTerms = z
  .object({
    type: z.enum(PAYMENT_TERMS_TYPES),
    net_days: z.number().int().nullish(),
    grace_days: z.number().int().nullish(),
  })
  .strict()

/** The settings an admin sets when opening an account and changes later. */
const accountSettings = {
  credit_limit: amount.optional(),
  allow_exceed: z.boolean().optional(),
  over_limit_policy: overLimitPolicy.nullish(),
  overdue_policy: overduePolicy.optional(),
  status: status.optional(),
  payment_terms: PaymentTerms.optional(),
  reference: plainText("reference").nullish(),
  metadata: jsonRecord("metadata").nullish(),
  /** Where reminders go (comma-separated); null: the company's buyers or the customer. */
  billing_email: plainText("billing_email").nullish(),
  reminders_paused: z.boolean().optional(),
}

export type AdminCreateAccountType = z.infer<typeof AdminCreateAccount>
export const AdminCreateAccount = z
  .object({
    customer_id: idText("customer_id").optional(),
    customer_group_id: idText("customer_group_id").optional(),
    currency_code: plainText("currency_code"),
    ...accountSettings,
    comment: plainText("comment").nullish(),
  })
  .strict()

export type AdminUpdateAccountType = z.infer<typeof AdminUpdateAccount>
export const AdminUpdateAccount = z
  .object({
    ...accountSettings,
    reason: plainText("reason").trim().min(1, "reason is required: say why the account's settings change"),
  })
  .strict()

export type AdminCreateReimbursementType = z.infer<typeof AdminCreateReimbursement>
export const AdminCreateReimbursement = z
  .object({
    amount,
    reference: plainText("reference").nullish(),
    comment: plainText("comment").nullish(),
    /** An invoice of the account this payment pays first (else one whose number is the reference, else the oldest due). */
    invoice_id: idText("invoice_id").nullish(),
  })
  .strict()

export type AdminUpdateReimbursementType = z.infer<typeof AdminUpdateReimbursement>
export const AdminUpdateReimbursement = z
  .object({
    reference: plainText("reference").nullish(),
    comment: plainText("comment").nullish(),
  })
  .strict()

export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>
export const AdminCreateAdjustment = z
  .object({
    amount,
    comment: plainText("comment").trim().min(1, "comment is required: say why the balance is adjusted"),
  })
  .strict()

export type AdminRefundToBalanceType = z.infer<typeof AdminRefundToBalance>
/**
 * `POST /admin/trade-credit/orders/:id/refund-to-balance`: what the order owes
 * the customer goes to their balance (their personal account, or `account_id`:
 * an account of their company in the order's currency).
 */
export const AdminRefundToBalance = z
  .object({
    amount,
    reason: plainText("reason")
      .trim()
      .min(1, "reason is required: say why the order is refunded to the balance")
      .max(MAX_REFUND_REASON_LENGTH, `reason must be at most ${MAX_REFUND_REASON_LENGTH} characters`),
    note: plainText("note").nullish(),
    account_id: idText("account_id").nullish(),
  })
  .strict()

/** One id or several (`?order_id=a&order_id=b`). */
function ids(field: string) {
  return z.union([idText(field), z.array(idText(field))]).optional()
}

const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number")
const amountRange = z
  .object({ lt: decimalText, lte: decimalText, gt: decimalText, gte: decimalText })
  .partial()
  .strict()

export type AdminListAccountsType = z.infer<typeof AdminListAccounts>
export const AdminListAccounts = listParams({ allowed: ACCOUNT_FIELDS, orderable: ACCOUNT_ORDERABLE }).merge(
  z.object({
    q: plainText("q").trim().optional(),
    holder_type: z.enum(HOLDER_TYPES).optional(),
    customer_id: ids("customer_id"),
    customer_group_id: ids("customer_group_id"),
    currency_code: plainText("currency_code").optional(),
    status: z.union([status, z.array(status)]).optional(),
    /** A range (`balance[gt]=0`), or `positive` / `negative` (holders with money on their balance / who owe). */
    balance: z.union([z.enum(BALANCE_SIGNS), amountRange]).optional(),
    available_credit: amountRange.optional(),
    /** true: accounts whose next_chase_at is today (store time zone) or earlier. */
    due_for_chase: z.enum(["true", "false"]).optional(),
  })
)

export type AdminCreateChaseNoteType = z.infer<typeof AdminCreateChaseNote>
export const AdminCreateChaseNote = z
  .object({
    body: plainText("body").trim().min(1, "body is required: write what was agreed or said"),
    /** A day ("2026-12-24", in the store's time zone) or an ISO 8601 time; none clears the next chase. */
    next_chase_at: plainText("next_chase_at").nullish(),
  })
  .strict()

export type AdminUpdateInvoiceType = z.infer<typeof AdminUpdateInvoice>
export const AdminUpdateInvoice = z
  .object({
    /** An invoice under dispute: no reminders while true. */
    reminders_paused: z.boolean().optional(),
    dispute_note: plainText("dispute_note").nullish(),
  })
  .strict()

/** The run takes no parameters: it acts as of now. */
export const AdminRunCreditControl = z.object({}).strict()
export const AdminSendDebtorsReport = z.object({}).strict()

export const AdminGetAccount = z.object({ fields: selectFields(ACCOUNT_FIELDS) })

export type EntryPageType = z.infer<typeof EntryPage>
export const EntryPage = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: plainText("cursor").optional(),
  operation: z.union([operation, z.array(operation)]).optional(),
})

/**
 * The admin's credit history can also start at one entry (`from_entry`, then
 * older ones): a link to an entry opens the page it is on, at any depth.
 */
export type AdminEntryPageType = z.infer<typeof AdminEntryPage>
export const AdminEntryPage = EntryPage.extend({ from_entry: idText("from_entry").optional() }).refine(
  (q) => !(q.from_entry && q.cursor),
  { message: "Pass either cursor (the next page) or from_entry (the page starting at an entry), not both.", path: ["from_entry"] }
)

const reviewStatus = z.enum(REVIEW_STATUSES)

export type AdminListReviewsType = z.infer<typeof AdminListReviews>
export const AdminListReviews = listParams({ allowed: REVIEW_FIELDS, orderable: REVIEW_ORDERABLE }).merge(
  z.object({
    status: z.union([reviewStatus, z.array(reviewStatus)]).optional(),
    order_id: ids("order_id"),
    account_id: ids("account_id"),
  })
)

export type AdminDecideReviewType = z.infer<typeof AdminDecideReview>
export const AdminDecideReview = z.object({ comment: plainText("comment").nullish() }).strict()

export type AdminReconciliationType = z.infer<typeof AdminReconciliation>
/**
 * `grace_seconds`: checkouts and payments changed more recently than this are
 * not compared with each other (default 60; 0 once the store is quiet).
 */
export const AdminReconciliation = z.object({
  grace_seconds: z.coerce.number().int().min(0).max(MAX_RECONCILIATION_GRACE_SECONDS).default(DEFAULT_RECONCILIATION_GRACE_SECONDS),
})

const invoiceStatus = z.enum(INVOICE_STATUSES)
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD")

/** `status` and the due-date range of an invoice list (admin and store). */
const invoiceFilters = {
  status: z.union([invoiceStatus, z.array(invoiceStatus)]).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  /** Due on or before this day. */
  due_before: calendarDay.optional(),
  /** Due on or after this day. */
  due_after: calendarDay.optional(),
}

export type AdminListInvoicesType = z.infer<typeof AdminListInvoices>
export const AdminListInvoices = listParams({ allowed: INVOICE_FIELDS, orderable: INVOICE_ORDERABLE }).merge(
  z.object({
    ...invoiceFilters,
    account_id: ids("account_id"),
    order_id: ids("order_id"),
    number: plainText("number").trim().min(1).max(100).optional(),
  })
)

export const AdminGetInvoice = z.object({})

export type StoreListInvoicesType = z.infer<typeof StoreListInvoices>
export const StoreListInvoices = listParams({ allowed: INVOICE_FIELDS, orderable: INVOICE_ORDERABLE }).merge(
  z.object(invoiceFilters)
)

export type AdminAgingReportType = z.infer<typeof AdminAgingReport>
/** The debtors report: `as_of` (a day in the store's time zone, default today), `currency_code`, `format` (`json` | `csv`), JSON paging. */
export const AdminAgingReport = z
  .object({
    as_of: calendarDay
      .refine((day) => {
        const t = Date.parse(`${day}T00:00:00Z`)
        return !Number.isNaN(t) && new Date(t).toISOString().startsWith(day)
      }, "as_of must be a real date, YYYY-MM-DD")
      .optional(),
    currency_code: plainText("currency_code").trim().toLowerCase().regex(/^[a-z]{3}$/, "currency_code must be a 3-letter ISO 4217 code").optional(),
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number({ message: "limit must be a whole number" }).int("limit must be a whole number").min(1).max(MAX_PAGE_SIZE).default(50),
    offset: z.coerce.number({ message: "offset must be a whole number" }).int("offset must be a whole number").min(0).default(0),
  })
  .strict()
