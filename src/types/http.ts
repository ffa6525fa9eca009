/**
 * The JSON the plugin's HTTP routes answer with (`/admin/trade-credit/*` and
 * `/store/trade-credit/*`): the route formatters (`src/api/utils/format.ts`,
 * `src/api/utils/reviews.ts`) build these shapes and the admin dashboard reads
 * them, so both sides change together. Amounts are JSON numbers in the
 * currency's major units; dates are ISO strings.
 *
 * Browser-safe: types only.
 */
import type {
  AccountStatus,
  ActorType,
  AgingBucket,
  AllocationKind,
  HolderType,
  InvoiceStatus,
  LedgerOperation,
  OverLimitPolicy,
  OverduePolicy,
  PaymentTermsType,
  ReminderStatus,
  ReviewReason,
  ReviewStatus,
} from "../modules/trade-credit/constants"

/** A money amount in the currency's major units (`10.5` is 10.50). */
export type Amount = number
/** A date as JSON carries it (ISO 8601). */
export type DateString = string

export type { PaymentTerms } from "../modules/trade-credit/types"
import type { CreditControlRunSummary, PaymentTerms } from "../modules/trade-credit/types"

/** Who holds an account: a customer, or a customer group (a company). */
export type AccountHolder = {
  type: HolderType
  id: string
  name: string | null
  email: string | null
}

/** An account as the admin sees it. */
export type AdminTradeCreditAccount = {
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
  /** Checkout while an invoice is overdue past grace: `block`, `hold` or `allow`. */
  overdue_policy: OverduePolicy
  status: AccountStatus
  payment_terms: PaymentTerms
  reference: string | null
  metadata: Record<string, unknown> | null
  /** Where reminders go (comma-separated); null: the company's buyers or the customer. */
  billing_email: string | null
  /** No reminder e-mails while true. */
  reminders_paused: boolean
  /** Credit control: when the account was last chased (its latest chase note), and when to chase next. */
  last_chased_at: DateString | null
  next_chase_at: DateString | null
  /**
   * Outstanding orders (plugin option `invoice_at: "shipment"`): orders paid
   * on account, in the balance, not invoiced yet because they have not
   * shipped (net of refunds), and how many. 0 under `placement`.
   */
  outstanding_orders_total: Amount
  outstanding_orders_count: number
  created_at: DateString
  updated_at: DateString
}

/** What a buyer sees of an account: no internal reference, metadata, policies, billing or credit-control fields. */
export type StoreTradeCreditAccount = Omit<
  AdminTradeCreditAccount,
  | "reference"
  | "metadata"
  | "over_limit_policy"
  | "overdue_policy"
  | "billing_email"
  | "reminders_paused"
  | "last_chased_at"
  | "next_chase_at"
>

/** A credit-control note on an account. */
export type AdminChaseNote = {
  id: string
  account_id: string
  body: string
  next_chase_at: DateString | null
  actor: EntryActor
  created_at: DateString
}
export type AdminChaseNoteResponse = { chase_note: AdminChaseNote; account: AdminTradeCreditAccount }
export type AdminChaseNoteListResponse = { chase_notes: AdminChaseNote[] }

/** What a credit-control run did (POST /admin/trade-credit/reminders/run, the daily job). */
export type AdminCreditControlRunResponse = CreditControlRunSummary

/** Who did it ("Updated by" in the credit history). */
export type EntryActor = {
  type: ActorType
  id: string | null
  name: string | null
}

/** One side of a settings change: the value before and after. */
export type FieldChange = { from: unknown; to: unknown }

/** `{reference?: {from, to}, comment?: {from, to}}`: what one correction of a reimbursement's note changed. */
export type EntryEditChanges = Partial<Record<"reference" | "comment", { from: string | null; to: string | null }>>

/** One correction of a reimbursement's note: who, when, and each changed field's before and after. */
export type EntryEdit = {
  actor: EntryActor
  created_at: DateString
  changes: EntryEditChanges
}

/** A ledger entry as the admin sees it. */
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
  /** For a `reverted` or `refunded` entry: the entry whose money it gives back. */
  reverses_entry_id: string | null
  reference: string | null
  comment: string | null
  /** For `allocated` / `updated`: each changed setting's before and after. */
  changes: Record<string, FieldChange> | null
  actor: EntryActor
  created_at: DateString
  /** Corrections of a reimbursement's reference or comment, newest first (credit history only). */
  edits?: EntryEdit[]
}

/** An entry in the credit history, with its corrections. */
export type AdminLedgerEntry = LedgerEntry & { edits: EntryEdit[] }

/**
 * A ledger entry as a buyer sees it: never the changed settings, the reason for
 * a change, or which admin user or integration did it (that is "the merchant").
 */
export type StoreLedgerEntry = {
  id: string
  operation: LedgerOperation
  amount: Amount
  currency_code: string
  balance_after: Amount
  available_credit_after: Amount
  credit_limit_after: Amount
  order_id: string | null
  order_display_id: number | null
  reference: string | null
  comment: string | null
  actor: { type: "customer" | "merchant"; id: string | null; name: string | null }
  created_at: DateString
}

/** A person or company a review names. */
export type ReviewParty = { id: string | null; name: string | null; email?: string | null }

/** A held order's credit review, with the account's available credit now and at the order. */
export type CreditReview = {
  id: string
  order_id: string | null
  order_display_id: number | null
  status: ReviewStatus
  /** Why the order was held: over the limit, or invoices overdue (overdue policy `hold`). */
  reason: ReviewReason
  account_id: string
  currency_code: string
  customer: ReviewParty | null
  company: ReviewParty | null
  account_status: AccountStatus | null
  order_total: Amount
  available_credit: Amount
  amount_over: Amount
  available_credit_at_order: Amount
  amount_over_at_order: Amount
  comment: string | null
  decided_by: EntryActor | null
  decided_at: DateString | null
  created_at: DateString
}

/** Offset paging of a list route. */
export type PageMeta = { count: number; limit: number; offset: number }

/** Keyset paging of the credit history. */
export type EntryPage<E> = { entries: E[]; next_cursor: string | null; has_more: boolean }

// Admin routes
export type AdminAccountResponse = { account: AdminTradeCreditAccount }
export type AdminAccountListResponse = { accounts: AdminTradeCreditAccount[] } & PageMeta
/** An account after a posting, with the entry it wrote (null when a settings change changed nothing). */
export type AdminAccountMutationResponse = { account: AdminTradeCreditAccount; entry: LedgerEntry | null }
export type AdminEntryPageResponse = EntryPage<AdminLedgerEntry>
export type AdminEntryResponse = { entry: AdminLedgerEntry }
/** The account that pays for an order on account; `known` when its payment session names it. */
export type AdminPayingAccountResponse = { account: AdminTradeCreditAccount | null; known: boolean }
export type AdminReviewResponse = { review: CreditReview }
export type AdminReviewListResponse = { reviews: CreditReview[] } & PageMeta

/**
 * `GET /admin/trade-credit/reconciliation`: the reconciliation's result as the
 * module returns it (`ok`, the counts, and one difference per disagreement,
 * amounts in major units); declared once, beside the checks that build it.
 */
export type { ReconciliationDifference } from "../modules/trade-credit/utils/reconciliation"
export type { ReconciliationResult as AdminReconciliationResponse } from "../modules/trade-credit/reconciliation"

// Store routes
export type StoreAccountListResponse = { accounts: StoreTradeCreditAccount[]; count: number }
export type StoreEntryPageResponse = EntryPage<StoreLedgerEntry>
/** `GET /store/trade-credit/balance`: what the customer's personal account can pay in that currency. */
export type StoreBalanceResponse = {
  balance: { currency_code: string; amount: Amount; account_id: string | null }
}
export type StoreCardPaymentCompletedResponse = {
  account: StoreTradeCreditAccount
  entry: StoreLedgerEntry | null
  released_order_id: string | null
  /** Why the named held order was not released, when it wasn't. */
  reason: string | null
}

/**
 * An invoice: what an account owes for an order paid on account, due by its
 * terms. `amount_open = amount - amount_credited - amount_paid`; `overdue`
 * once the end of (due date + grace days) passed in the store's time zone
 * (plugin option `timezone`), and `days_overdue` counts days since the due
 * date (0 when not overdue).
 */
export type Invoice = {
  id: string
  number: string
  account_id: string
  order_id: string | null
  order_display_id: number | null
  currency_code: string
  amount: Amount
  /** Taken off by refunds (credit notes); the whole amount when the order was canceled. */
  amount_credited: Amount
  amount_paid: Amount
  amount_open: Amount
  issued_at: DateString
  /** The due day in the store's time zone, `YYYY-MM-DD`. */
  due_date: string
  /** The instant the due day begins in the store's time zone. */
  due_at: DateString
  grace_days: number
  terms: { type: PaymentTermsType; net_days: number | null }
  status: InvoiceStatus
  overdue: boolean
  days_overdue: number
}

/** An invoice as the admin sees it. */
export type AdminInvoice = Invoice & {
  reminders_paused: boolean
  dispute_note: string | null
  metadata: Record<string, unknown> | null
  created_at: DateString
  updated_at: DateString
}

/**
 * Which ledger entry paid (or credited) an invoice: `payment` (negative when
 * a bounced payment or a refund undid one) or `credit_note` (a refund or the
 * cancel of the invoice's order).
 */
export type InvoiceAllocation = {
  id: string
  kind: AllocationKind
  amount: Amount
  entry_id: string
  /** The entry's operation and reference (the bank transfer id of a reimbursement, say). */
  operation: LedgerOperation | null
  reference: string | null
  created_at: DateString
}

export type AdminInvoiceListResponse = { invoices: AdminInvoice[] } & PageMeta
/**
 * One reminder of an invoice (its history in the admin): the stage, whether
 * the e-mail went out (`sent`), is being sent (`pending`) or failed and is
 * retried on the next run (`failed`), to whom, and when.
 */
export type AdminInvoiceReminder = {
  id: string
  stage: string
  status: ReminderStatus
  recipients: string[]
  attempts: number
  last_error: string | null
  sent_at: DateString | null
  created_at: DateString
}

export type AdminInvoiceResponse = {
  invoice: AdminInvoice & { allocations: InvoiceAllocation[]; reminders: AdminInvoiceReminder[] }
}
export type StoreInvoiceListResponse = { invoices: Invoice[] } & PageMeta
export type StoreInvoiceResponse = { invoice: Invoice & { allocations: InvoiceAllocation[] } }

/** Open amounts by days past due (see `AGING_BUCKETS`). */
export type AgingBuckets = Record<AgingBucket, Amount>

/** One account with open invoices in the debtors report (`GET /admin/trade-credit/reports/aging`). */
export type AgingReportRow = {
  account_id: string
  holder: { type: HolderType; id: string; name: string | null }
  /** The customer's e-mail; for a company, its first buyer's. */
  email: string | null
  currency_code: string
  credit_limit: Amount
  status: AccountStatus
  open_invoices: number
  open_total: Amount
  /** Open on invoices overdue past their grace days. */
  overdue_total: Amount
  buckets: AgingBuckets
  /** The overdue invoice with the oldest due date. */
  oldest_overdue_invoice: { id: string; number: string; due_date: string; due_at: DateString; days_overdue: number } | null
  /** The newest payment (reimbursement or card payment toward the account) up to as_of. */
  last_payment_at: DateString | null
  /** Mean of issue day → day of the payment that settled it, over invoices paid in full in the 365 days ending on as_of. */
  average_days_to_pay: number | null
  /** Invoiced less credit notes in the DSO period (`dso_period_days` ending on as_of). */
  sales: Amount
  /** open_total / sales × dso_period_days; null without sales. */
  dso: number | null
}

/** The report's totals for one currency (all accounts in it: sales and days to pay count those with nothing open too). */
export type AgingReportTotals = {
  currency_code: string
  accounts: number
  open_invoices: number
  open_total: Amount
  overdue_total: Amount
  buckets: AgingBuckets
  average_days_to_pay: number | null
  sales: Amount
  dso: number | null
}

/** `POST /admin/trade-credit/reports/aging/send`: the debtors report e-mail went to these addresses. */
export type AdminSendDebtorsReportResponse = { sent: boolean; recipients: string[] }

export type AdminAgingReportResponse = {
  /** The report's day in the store's time zone, `YYYY-MM-DD`. */
  as_of: string
  timezone: string
  currency_code: string | null
  dso_period_days: number
  accounts: AgingReportRow[]
  /** One per currency (the filtered one only, with `currency_code`). */
  totals: AgingReportTotals[]
} & PageMeta

/**
 * `GET /admin/trade-credit/orders/:id/balance`: the customer balance on an
 * order: what it used at checkout, what was refunded to the balance (or
 * settled), what can still be refunded (what the order owes the customer, as
 * Medusa's pending difference says), and the ledger entries.
 */
export type AdminOrderBalanceResponse = {
  order_id: string
  currency_code: string
  /** The order was placed by a guest: nothing can be refunded to a balance. */
  guest: boolean
  /** The order's balance credit line (paid with the balance at checkout). */
  used: Amount
  /** What the order still owes the customer: the most a refund to balance can be. */
  refundable: Amount
  /** Medusa's `summary.pending_difference` (below 0: the customer is owed). */
  pending_difference: Amount
  /** The balance entries naming the order: checkout debits and their reverts, refunds to balance, settlements. */
  entries: LedgerEntry[]
}
