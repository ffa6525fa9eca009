import type { BigNumberInput } from "@medusajs/framework/types"

import type {
  AccountStatus,
  ActorType,
  InvoiceAt,
  LedgerOperation,
  OverLimitPolicy,
  OverduePolicy,
  PaymentTermsType,
  RefundDestination,
  ReviewDecision,
} from "./constants"

export type {
  AccountStatus,
  ActorType,
  HolderType,
  InvoiceAt,
  InvoiceStatus,
  LedgerOperation,
  OverLimitPolicy,
  OverduePolicy,
  PaymentTermsType,
  ReviewDecision,
  ReviewReason,
  ReviewStatus,
} from "./constants"

import type { ReminderStageOption } from "./utils/reminder-stages"
import type { ReminderTemplatesOption } from "./utils/reminder-templates"

export type { ReminderStageOption, ReminderStage } from "./utils/reminder-stages"
export type { ReminderTemplatesOption, ReminderTemplateData, RenderedEmail } from "./utils/reminder-templates"

export type PaymentTerms = {
  type: PaymentTermsType
  net_days?: number | null
  grace_days?: number | null
}

/** Who did it: shown as "Updated by" in the credit history. */
export type Actor = {
  type: ActorType
  id?: string | null
  name?: string | null
}

/** Replay protection carried from the `Idempotency-Key` header. */
export type Idempotency = {
  key?: string | null
  /** Fingerprint of the request body: the same key with another body is refused. */
  request_hash?: string | null
}

/** The settings an account is opened with and an admin changes later. */
export type AccountSettingsChanges = {
  credit_limit?: BigNumberInput
  allow_exceed?: boolean
  over_limit_policy?: OverLimitPolicy | null
  overdue_policy?: OverduePolicy
  status?: AccountStatus
  payment_terms?: PaymentTerms
  reference?: string | null
  metadata?: Record<string, unknown> | null
  /** Where reminders go (comma-separated addresses); null: the company's buyers or the customer. */
  billing_email?: string | null
  /** No reminder e-mails for the account while true. */
  reminders_paused?: boolean
}

export type OpenAccountInput = AccountSettingsChanges & {
  customer_id?: string | null
  customer_group_id?: string | null
  currency_code: string
  comment?: string | null
  actor: Actor
  idempotency?: Idempotency
}

export type UpdateAccountSettingsInput = {
  account_id: string
  changes: AccountSettingsChanges
  /** Required: the credit controller's reason for the change, kept as the entry's comment. */
  reason: string
  actor: Actor
  idempotency?: Idempotency
}

/**
 * The posting primitive: every movement of money or reservation goes through
 * it. `amount` changes the balance, `reserved_delta` the reserved total.
 */
export type PostLedgerEntryInput = {
  account_id: string
  operation: LedgerOperation
  amount?: BigNumberInput
  reserved_delta?: BigNumberInput
  order_id?: string | null
  order_display_id?: number | null
  /** The on-account payment session this posting belongs to (checkout). */
  payment_session_id?: string | null
  reference?: string | null
  comment?: string | null
  actor: Actor
  idempotency?: Idempotency
  /**
   * When true the posting is refused (NOT_ALLOWED) if it would leave the
   * account's available credit below zero and the account doesn't allow
   * exceeding. Checked under the row lock, so two concurrent postings can't
   * both pass.
   */
  enforce_limit?: boolean
  /**
   * A credit (reimbursement) that pays this invoice of the account first; by
   * default an invoice whose number is the posting's reference is paid first.
   */
  invoice_id?: string | null
  /** Allow going over the limit anyway (an admin released a held order); the entry is flagged. */
  force_over_limit?: boolean
}

export type EditLedgerEntryNoteInput = {
  account_id: string
  entry_id: string
  reference?: string | null
  comment?: string | null
  /** Who corrects it: kept with the before and after values in the entry's edit history. */
  actor: Actor
  idempotency?: Idempotency
}

/** `{reference?: {from, to}, comment?: {from, to}}`: what one correction changed. */
export type EntryEditChanges = Partial<Record<"reference" | "comment", { from: string | null; to: string | null }>>

export type CaptureOnAccountInput = {
  payment_session_id: string
  /** Medusa's capture id: each capture is recorded once. */
  capture_id: string
  /**
   * The amount Medusa captured, exactly (more decimals than the currency
   * allows is refused). Null: the capture that completes Medusa's payment,
   * which takes all that is still reserved.
   */
  amount: BigNumberInput | null
  actor: Actor
}

export type EntryPageInput = {
  account_id: string
  limit?: number
  cursor?: string | null
  operation?: LedgerOperation | LedgerOperation[]
}

/** Options of the ledger and checkout; reminders have theirs in ReminderModuleOptions. */
export type TradeCreditModuleOptions = {
  /** What happens to an on-account order over the limit when the account doesn't say. Default `hold`. */
  defaultOverLimitPolicy?: OverLimitPolicy
  /** Terms of a new account when none are given. Default net 30, no grace. */
  defaultPaymentTerms?: PaymentTerms
  /**
   * Payment provider ids buyers may use to pay toward an account by card
   * (e.g. `["pp_stripe_stripe"]`). Default none: card payments toward accounts
   * are refused. Medusa's system provider and pay on account can never be listed.
   */
  cardPaymentProviders?: string[]
  /**
   * Per currency, how much an account may hold in advance after a card
   * payment (e.g. `{ eur: 5000 }`). Default none: a card payment can pay what
   * the account owes and its held orders need, no more.
   */
  cardPaymentMaxPrepayment?: Record<string, BigNumberInput>
  /**
   * Minutes after which an on-account authorization whose checkout never
   * became an order (the cart was abandoned after authorization, or the
   * process stopped in between) is released by the scheduled sweep, with a
   * `reverted` entry by the system. Default 60, at least 5.
   */
  orphanedAuthorizationTtlMinutes?: number
  /** IANA time zone that decides on which day an invoice was issued and when a day ends. Default `UTC`. */
  timezone?: string
  /** Invoice numbers start with it, then the year and a 6-digit sequence: `INV-2026-000123`. Default `INV-`. */
  invoice_prefix?: string
  /**
   * When an order paid on account is invoiced: `placement` (default) when it
   * is posted to the balance, or `shipment` when its first fulfillment is
   * shipped (until then it is an outstanding order on the account).
   */
  invoice_at?: InvoiceAt
  /**
   * Overdue invoices adding up to at most this much (in the account's
   * currency) don't stop pay on account: one amount for every currency, or
   * per currency (`{ eur: 1 }`). Default 0: any overdue amount counts.
   */
  overdue_threshold?: BigNumberInput | Record<string, BigNumberInput>
  /**
   * Apply a logged-in customer's positive balance (their personal account in
   * the cart's currency) to their carts by itself, as a `trade-credit` cart
   * credit line. Default true. Off: only `POST /store/carts/:id/trade-credit`
   * applies it.
   */
  auto_apply_balance?: boolean
  /**
   * Where the refund of a received return goes when the admin didn't choose on
   * the return (`metadata.refund_to`): `original` (Medusa's refund to the paying
   * provider; the default) or `balance` (the customer's balance). Orders paid
   * on account are left to the on-account flow.
   */
  refund_returns_to?: RefundDestination
  /**
   * A small over- or underpayment of an order (Medusa's pending difference) of
   * at most this much is settled to the customer's balance by itself: credited
   * when overpaid, debited when underpaid. One amount for every currency or
   * per currency (`{ eur: 0.05 }`). Default 0: nothing is settled.
   */
  settle_tolerance?: BigNumberInput | Record<string, BigNumberInput>
} & ReminderModuleOptions &
  CreditControlModuleOptions

/** Options of the credit-control run (utils/credit-control-options.ts reads and checks them). */
export type CreditControlModuleOptions = {
  /**
   * Puts an account `on_stop` once its oldest overdue invoice is this many
   * days overdue (and back to `normal` when nothing is overdue any more, if
   * the run stopped it). Default unset: the run never changes a status.
   */
  auto_stop_after_days?: number | null
  /**
   * Who gets the weekly debtors report e-mail (summary and the aging CSV
   * attached), Mondays from 07:00 in `timezone`, through the reminders'
   * channel. Default none: no weekly e-mail.
   */
  report_recipients?: string[]
}

/** The reminder options of the module (utils/reminder-options.ts reads and checks them). */
export type ReminderModuleOptions = {
  /**
   * Reminder e-mails by stage, relative to each invoice's due date. Default
   * DEFAULT_REMINDER_STAGES (3 days before, due date, 7, 14, 30 days after, the
   * last a final notice); `[]` sends none. See utils/reminder-stages.ts.
   */
  reminder_stages?: ReminderStageOption[]
  /**
   * The notification channel reminders are sent on. Default `email`; name
   * the channel of the SMTP provider's `channels` when it sits beside another
   * e-mail provider.
   */
  reminder_channel?: string
  /** How to pay, shown in every reminder (plain text, line breaks kept): bank, IBAN, BIC, reference to quote. */
  bank_details?: string
  /**
   * Overrides the reminder wording: template strings with `{{placeholders}}`
   * (per stage or for all), or a function of the formatted data. See
   * utils/reminder-templates.ts and the README.
   */
  reminder_templates?: ReminderTemplatesOption
  /** Language of reminders (BCP 47). Default: the store's first supported locale, else `en`. */
  reminder_locale?: string
}

export type AuthorizeOnAccountInput = {
  account_id: string
  payment_session_id: string
  amount: BigNumberInput
  currency_code: string
  customer_id?: string | null
  /**
   * The customer's groups (companies), when the caller checks that the
   * customer may still pay with this account: refused when they may not.
   */
  customer_group_ids?: string[]
  order_id?: string | null
  order_display_id?: number | null
  /** True: post the order to the balance at once; false: reserve it until capture. */
  capture: boolean
  /** Used when the account has no `over_limit_policy` of its own. */
  default_over_limit_policy: OverLimitPolicy
  actor: Actor
}

export type NameOrderOfSessionInput = {
  payment_session_id: string
  order_id: string
  order_display_id?: number | null
}

export type RevertOnAccountInput = {
  payment_session_id: string
  actor: Actor
  comment?: string | null
  /**
   * The cancel of a Medusa payment that Medusa saw uncaptured: refused once
   * the ledger recorded a capture of it, decided under the order's
   * purchase-entry lock that captures also take, so exactly one of a capture
   * and a cancel racing each other wins.
   */
  refuse_if_captured?: boolean
}

export type AuthorizeOnAccountResult = {
  status: "authorized" | "pending_authorization"
  account_id: string
  entry_id?: string
  review_id?: string
  /** True when the order was posted to the balance (captured) at authorization. */
  posted: boolean
  over_limit: boolean
}

export type DecideReviewInput = {
  review_id: string
  decision: ReviewDecision
  comment?: string | null
  actor: Actor
}

export type RefundOnAccountInput = {
  payment_session_id: string
  refund_id: string
  /**
   * The amount Medusa refunds, exactly (more decimals than the currency allows
   * is refused). Null: the refund of everything Medusa still has captured,
   * which gives back all that is still charged to the account.
   */
  amount: BigNumberInput | null
  /** The order has shipped nothing: a full refund is its cancellation. */
  order_unfulfilled?: boolean
  actor: Actor
}

/**
 * Money between an order and its customer's balance: `amount` > 0 credits the
 * balance (`refunded`: the order owed the customer), < 0 debits it (`adjusted`
 * naming the order: a small underpayment settled). Never more than `limit`
 * (what the order owes, or is owed, as Medusa's pending difference says).
 */
export type OrderBalanceInput = {
  order_id: string
  order_display_id?: number | null
  currency_code: string
  customer_id: string
  /** The account to credit; null: the customer's personal account, opened (limit 0) when they have none. */
  account_id?: string | null
  amount: BigNumberInput
  limit: BigNumberInput
  comment: string
  reference?: string | null
  actor: Actor
  idempotency?: Idempotency
}

/** What one credit-control run did: the daily job and `POST /admin/trade-credit/reminders/run` answer it. */
export type CreditControlRunSummary = {
  marked_overdue: number
  stopped: number
  released: number
  /** E-mails sent per stage name (one per account and stage). */
  emails_sent: Record<string, number>
  /** E-mails the server refused or that could not be sent: retried on the next run. */
  emails_failed: number
}
