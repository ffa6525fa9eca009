/**
 * The trade credit vocabulary: every operation, status, terms type, policy and
 * limit the ledger knows, written once. The data models' enums, the HTTP
 * validators, the module's types and the admin's types and label maps all
 * derive from these lists, so a value added here that some part doesn't handle
 * (an operation without an admin label, say) fails to compile.
 *
 * Browser-safe: plain values only (the admin dashboard imports this file).
 */

/**
 * What a ledger entry did. Settings: `allocated` (account opened), `updated`
 * (settings changed). Orders: `purchased` (authorized or posted), `captured`
 * (a reserved authorization became money owed), `reverted` (canceled),
 * `refunded`. Money in and corrections: `reimbursed` (a payment received),
 * `adjusted` (a manual correction).
 */
export const LEDGER_OPERATIONS = [
  "allocated",
  "updated",
  "purchased",
  "captured",
  "reimbursed",
  "refunded",
  "reverted",
  "adjusted",
] as const
export type LedgerOperation = (typeof LEDGER_OPERATIONS)[number]

/** Entries of an order (the history links them to it). */
export const ORDER_OPERATIONS: readonly LedgerOperation[] = ["purchased", "captured", "reverted", "refunded"]

/** Settings entries: their reference and comment are the merchant's own, never shown to the buyer. */
export const SETTINGS_OPERATIONS: readonly LedgerOperation[] = ["allocated", "updated"]

/**
 * `normal`: orders on account go through; `query`: they go through and admins
 * are alerted; `on_stop`: no new orders on account.
 */
export const ACCOUNT_STATUSES = ["normal", "query", "on_stop"] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

/** A held order's review: open, or how it was closed. */
export const REVIEW_STATUSES = ["pending", "released", "rejected", "canceled"] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** The two decisions a credit controller takes on a held order. */
export const REVIEW_DECISIONS = ["released", "rejected"] as const satisfies readonly ReviewStatus[]
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** Payment terms: pay before delivery, net N days, or end of next month. */
export const PAYMENT_TERMS_TYPES = ["prepayment", "net_days", "end_of_next_month"] as const
export type PaymentTermsType = (typeof PAYMENT_TERMS_TYPES)[number]

/**
 * An invoice: `open` (nothing paid), `partially_paid`, `paid`, or `void` (its
 * order was canceled or refunded in full: credit notes bring it to zero).
 */
export const INVOICE_STATUSES = ["open", "partially_paid", "paid", "void"] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** Invoices that still owe money: settled by credits, counted as overdue. */
export const OWING_INVOICE_STATUSES: readonly InvoiceStatus[] = ["open", "partially_paid"]

/**
 * An allocation: `payment` (a credit to the account paid part of the
 * invoice; negative when a bounced payment or a refund undoes it) or
 * `credit_note` (a refund or cancel of the invoice's order reduced it).
 */
export const ALLOCATION_KINDS = ["payment", "credit_note"] as const
export type AllocationKind = (typeof ALLOCATION_KINDS)[number]

/** When an order paid on account is invoiced: when it is placed (captured), or when it ships. */
export const INVOICE_AT = ["placement", "shipment"] as const
export type InvoiceAt = (typeof INVOICE_AT)[number]

/**
 * Pay on account's capture modes (provider option `capture`):
 * `on_invoice_paid` (default): posted to the balance at authorization, and
 * Medusa's payment is captured as the order's invoice is paid (partial
 * payments are partial captures); `on_authorize`: captured right after the
 * order is placed; `manual`: reserved until an admin captures it.
 */
export const CAPTURE_MODES = ["on_invoice_paid", "on_authorize", "manual"] as const
export type CaptureMode = (typeof CAPTURE_MODES)[number]
export const DEFAULT_CAPTURE_MODE: CaptureMode = "on_invoice_paid"

/** Emitted after commit when payments were allocated to invoices of on-account orders: their payments get captured. */
export const INVOICES_PAID_EVENT = "trade_credit.invoices.paid"

/** Invoice numbers: prefix, year of issue and a gapless per-year sequence, `INV-2026-000123`. */
export const DEFAULT_INVOICE_PREFIX = "INV-"
export const MAX_INVOICE_PREFIX_LENGTH = 20
export const INVOICE_SEQUENCE_DIGITS = 6

/** An on-account order over the limit: held for an admin's review, or refused. */
export const OVER_LIMIT_POLICIES = ["hold", "block"] as const
export type OverLimitPolicy = (typeof OVER_LIMIT_POLICIES)[number]

/**
 * An account with an invoice overdue past its grace days, at checkout:
 * `block` (refused, naming the invoices), `hold` (placed and held for credit
 * review, reason "overdue invoices") or `allow`.
 */
export const OVERDUE_POLICIES = ["block", "hold", "allow"] as const
export type OverduePolicy = (typeof OVERDUE_POLICIES)[number]
export const DEFAULT_OVERDUE_POLICY: OverduePolicy = "block"

/** Why an order was held for credit review. */
export const REVIEW_REASONS = ["over_limit", "overdue_invoices"] as const
export type ReviewReason = (typeof REVIEW_REASONS)[number]

/** Who did it: an admin user, the buyer, a system job, an ERP integration. */
export const ACTOR_TYPES = ["user", "customer", "system", "erp"] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

/** Who holds an account: a customer (personal balance) or a customer group (a company). */
export const HOLDER_TYPES = ["customer", "customer_group"] as const
export type HolderType = (typeof HOLDER_TYPES)[number]

/** An account's external reference (ERP or wholesaler number). */
export const MAX_ACCOUNT_REFERENCE_LENGTH = 20
/** An entry's custom reference number (bank transfer id, ERP document...). */
export const MAX_ENTRY_REFERENCE_LENGTH = 100
/** A comment or a reason for a change. */
export const MAX_COMMENT_LENGTH = 2000
/** Net days and grace days of payment terms: at most a year. */
export const MAX_TERMS_DAYS = 365
/** Terms of a new account when neither the request nor the plugin options name any. */
export const DEFAULT_PAYMENT_TERMS = { type: "net_days", net_days: 30, grace_days: 0 } as const
/** Over-limit policy when neither the account nor the plugin options name one. */
export const DEFAULT_OVER_LIMIT_POLICY: OverLimitPolicy = "hold"
/** Page size of lists and the credit history when the request names none. */
export const DEFAULT_PAGE_SIZE = 20
/** Largest page a list or the credit history serves. */
export const MAX_PAGE_SIZE = 200

/**
 * The account's settings as stored (beside its holder and money totals): what
 * the ledger reads under the account lock and every account response carries.
 */
export const ACCOUNT_SETTING_FIELDS = [
  "allow_exceed",
  "over_limit_policy",
  "overdue_policy",
  "status",
  "terms_type",
  "terms_net_days",
  "terms_grace_days",
  "reference",
  "metadata",
  "billing_email",
  "reminders_paused",
] as const

/** A reminder intent (one per invoice and stage): claimed before the send, sent after, failed to retry. */
export const REMINDER_STATUSES = ["pending", "sent", "failed"] as const
export type ReminderStatus = (typeof REMINDER_STATUSES)[number]

/**
 * The weekly debtors report e-mail (option `report_recipients`): one intent
 * row per ISO week (`2026-W49`), claimed before the send like a reminder.
 */
export const REPORT_SEND_STATUSES = REMINDER_STATUSES
/** The `template` name of the debtors report notification. */
export const REPORT_NOTIFICATION_TEMPLATE = "trade-credit.debtors-report"
/** Most addresses the option `report_recipients` may list. */
export const MAX_REPORT_RECIPIENTS = 50

/** Longest chase note an admin can write. */
export const MAX_CHASE_NOTE_LENGTH = 4000
/** Longest `billing_email` (comma-separated addresses). */
export const MAX_BILLING_EMAIL_LENGTH = 1000
/** Who the credit-control job acts as in the ledger. */
export const CREDIT_CONTROL_ACTOR = { type: "system", id: "credit-control", name: "Credit control job" } as const

/**
 * Reminder e-mails. A stage is a day relative to an invoice's due date
 * (`days_after_due`: negative before, 0 on the day, positive after) and has a
 * kind, which picks the wording: `upcoming` (before due), `due` (on the due
 * date), `overdue` (after), `final_notice` (the last stage after due).
 */
export const REMINDER_STAGE_KINDS = ["upcoming", "due", "overdue", "final_notice"] as const
export type ReminderStageKind = (typeof REMINDER_STAGE_KINDS)[number]

/**
 * Stages when the plugin option `reminder_stages` names none: 3 days before
 * due, on the due date, 7, 14 and 30 days after (the last one the final notice).
 */
export const DEFAULT_REMINDER_STAGES = [
  { name: "upcoming", days_after_due: -3 },
  { name: "due", days_after_due: 0 },
  { name: "overdue_7", days_after_due: 7 },
  { name: "overdue_14", days_after_due: 14 },
  { name: "final_notice", days_after_due: 30 },
] as const satisfies readonly { name: string; days_after_due: number }[]

/** A stage's name: lower-case letters, digits and `_`, at most this long (it is stored with each sent reminder). */
export const MAX_REMINDER_STAGE_NAME_LENGTH = 40
/** How far before or after the due date a stage may be, in days. */
export const MAX_REMINDER_STAGE_DAYS = 365
/** The notification channel reminders are sent on when the option `reminder_channel` names none. */
export const DEFAULT_REMINDER_CHANNEL = "email"
/** The `template` name of reminder notifications (the SMTP provider sends their ready-made content). */
export const REMINDER_NOTIFICATION_TEMPLATE = "trade-credit.reminder"
/** The language of reminders when neither the option `reminder_locale` nor the store names one. */
export const DEFAULT_REMINDER_LOCALE = "en"
/** Bank details text (option `bank_details`): at most this long. */
export const MAX_BANK_DETAILS_LENGTH = 2000

/**
 * What the reconciliation check (`GET /admin/trade-credit/reconciliation`,
 * `src/scripts/reconcile.ts`) can find wrong. Account totals against the
 * credit history: `balance_mismatch`, `reserved_mismatch`,
 * `available_credit_mismatch`, `credit_limit_mismatch`. Reservations that
 * belong to no checkout: `reservation_without_payment_session`,
 * `negative_reservation`. A checkout's entries against Medusa's payment:
 * `duplicate_purchase`, `payment_without_entries`, `entries_without_payment`,
 * `canceled_payment_still_charged`, `reserved_without_live_authorization`,
 * `charged_more_than_payment`. The database: `append_only_trigger_missing`,
 * `append_only_trigger_disabled`. Invoices against the ledger:
 * `invoices_ledger_mismatch` (open invoices - unallocated credit is not what
 * the ledger says is owed), `unallocated_credit_beside_owing_invoices`,
 * `invoice_allocations_mismatch` (paid / credited / open amounts against the
 * allocation rows), `canceled_order_invoice_open`, `order_debit_without_invoice`,
 * `invoice_without_order_debit`, `invoice_amount_mismatch`. The running totals
 * postings read instead of the history (issue 12) against the history:
 * `unallocated_credit_mismatch`, `outstanding_orders_mismatch` (total or count).
 */
export const RECONCILIATION_KINDS = [
  "balance_mismatch",
  "reserved_mismatch",
  "available_credit_mismatch",
  "credit_limit_mismatch",
  "reservation_without_payment_session",
  "negative_reservation",
  "duplicate_purchase",
  "payment_without_entries",
  "entries_without_payment",
  "canceled_payment_still_charged",
  "reserved_without_live_authorization",
  "charged_more_than_payment",
  "append_only_trigger_missing",
  "append_only_trigger_disabled",
  "invoices_ledger_mismatch",
  "unallocated_credit_beside_owing_invoices",
  "invoice_allocations_mismatch",
  "canceled_order_invoice_open",
  "order_debit_without_invoice",
  "invoice_without_order_debit",
  "invoice_amount_mismatch",
  "unallocated_credit_mismatch",
  "outstanding_orders_mismatch",
] as const
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number]

/**
 * Seconds a checkout's entries and its Medusa payment must have been left alone
 * before the reconciliation compares them: a checkout, capture, cancel or
 * refund in progress writes the ledger and Medusa's payment one after the
 * other. Account totals are always compared (they change in one transaction).
 */
export const DEFAULT_RECONCILIATION_GRACE_SECONDS = 60
export const MAX_RECONCILIATION_GRACE_SECONDS = 86_400

/**
 * The debtors report (`GET /admin/trade-credit/reports/aging`): open amounts
 * aged by whole days past their due date, ERPNext-style: `current` (not yet
 * past due), `1_30`, `31_60`, `61_90`, `90_plus` (91 days and more).
 * The day ranges are `AGING_BUCKET_RANGES` in utils/aging.ts.
 */
export const AGING_BUCKETS = ["current", "1_30", "31_60", "61_90", "90_plus"] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]
/** DSO: open receivables / net sales invoiced over this many days (ending on `as_of`) × this many days. */
export const DSO_PERIOD_DAYS = 90
/** Average days to pay: over the invoices paid in full in this many days (ending on `as_of`). */
export const DAYS_TO_PAY_PERIOD_DAYS = 365
/** Rows the CSV export fetches from its database cursor at a time. */
export const AGING_CSV_BATCH = 500

/**
 * Money an order owes the customer going to their balance (issue 11). Plugin
 * option `refund_returns_to`: where a received return's refund goes when the
 * admin didn't choose on the return (`metadata.refund_to`): `original` (the
 * paying provider, Medusa's own refund; the default) or `balance`.
 */
export const REFUND_DESTINATIONS = ["original", "balance"] as const
export type RefundDestination = (typeof REFUND_DESTINATIONS)[number]
export const DEFAULT_REFUND_RETURNS_TO: RefundDestination = "original"
/** The key of a return's (or order's) metadata where an admin chooses the destination of its refund. */
export const REFUND_TO_METADATA_KEY = "refund_to"
/** `reference` of the order transactions the plugin adds when the balance takes or gives an order's difference. */
export const ORDER_BALANCE_TRANSACTION_REFERENCE = "trade_credit"
/** Why money moved between an order and the balance without an admin's request. */
export const AUTO_BALANCE_SOURCES = ["return", "tolerance"] as const
export type AutoBalanceSource = (typeof AUTO_BALANCE_SOURCES)[number]
/** A refund-to-balance's `reason`: at most this long (it is the entry's comment, with the note). */
export const MAX_REFUND_REASON_LENGTH = 200
/** `GET /admin/trade-credit/accounts?balance=positive|negative`: holders with money on their balance, or who owe (underpayments). */
export const BALANCE_SIGNS = ["positive", "negative"] as const
export type BalanceSign = (typeof BALANCE_SIGNS)[number]
