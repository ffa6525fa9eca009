import type { BigNumberInput, Context, InferEntityType } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type Account from "./models/account"
import type LedgerEntry from "./models/ledger-entry"
import type CreditReview from "./models/credit-review"
import type { DecideReviewInput, LedgerOperation, OpenAccountInput, UpdateAccountSettingsInput } from "./types"
import { availableCredit } from "./utils/available-credit"
import { parseAmount, roundToCurrency } from "./utils/money"
import { ACCOUNT_NOT_USABLE_MESSAGE, noAccountMessage, NOT_LOGGED_IN_MESSAGE, ON_STOP_MESSAGE } from "./utils/refusals"
import { normalizePaymentTerms } from "./utils/payment-terms"
import { actorFields, asRow, decidedBy, idempotencyFields } from "./utils/posting"
import { diffSettings, holderOf, normalizeBillingEmail, MAX_COMMENT, MAX_REFERENCE, normalizeCurrency, normalizeText } from "./utils/account-settings"
import { choosePayingAccount, usableAccountFilter } from "./utils/paying-account"
import { countEntries, deleteAccountWithEntries, lockAccount, lockHolderCurrency } from "./repositories/ledger-locks"
import { LedgerService, type PostingResult } from "./ledger-service"
import { DEFAULT_OVERDUE_POLICY } from "./constants"

type AccountRecord = InferEntityType<typeof Account>
type LedgerEntryRecord = InferEntityType<typeof LedgerEntry>
type CreditReviewRecord = InferEntityType<typeof CreditReview>

/** Who may use an account: a customer and the customer groups (companies) they belong to. */
export type AccountUser = { customer_id: string; customer_group_ids?: string[] }

/**
 * The accounts themselves: opening, settings, which account pays for a
 * customer, and the admin's decisions on held orders.
 */
export class AccountService extends LedgerService {
  /** Opens an account for a customer or a customer group and records it as `allocated`. */
  @InjectTransactionManager()
  async openAccount(input: OpenAccountInput, @MedusaContext() sharedContext: Context = {}): Promise<PostingResult> {
    const holder = holderOf(input)
    const currency = normalizeCurrency(input.currency_code)
    const creditLimit = parseAmount(input.credit_limit ?? 0, currency, "credit_limit", {
      allowNegative: false,
      allowZero: true,
    })
    const terms = normalizePaymentTerms(input.payment_terms ?? this.options_.defaultPaymentTerms)
    const reference = normalizeText(input.reference, "reference", MAX_REFERENCE)
    const comment = normalizeText(input.comment, "comment", MAX_COMMENT)

    const existing = await lockHolderCurrency(sharedContext, holder, currency)
    if (existing) {
      const replay = await this.findReplay_(existing, input.idempotency, sharedContext)
      if (replay) {
        return replay
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This ${holder.label} already has a ${currency.toUpperCase()} credit account (${existing}).`
      )
    }

    const available = availableCredit({ credit_limit: creditLimit, balance: 0, reserved: 0 })
    const account = await this.createTradeCreditAccounts(
      asRow({
        customer_id: holder.column === "customer_id" ? holder.id : null,
        customer_group_id: holder.column === "customer_group_id" ? holder.id : null,
        currency_code: currency,
        credit_limit: creditLimit.toString(),
        balance: 0,
        reserved: 0,
        available_credit: available.toString(),
        allow_exceed: input.allow_exceed ?? false,
        over_limit_policy: input.over_limit_policy ?? null,
        overdue_policy: input.overdue_policy ?? DEFAULT_OVERDUE_POLICY,
        billing_email: normalizeBillingEmail(input.billing_email),
        reminders_paused: input.reminders_paused ?? false,
        status: input.status ?? "normal",
        terms_type: terms.type,
        terms_net_days: terms.net_days,
        terms_grace_days: terms.grace_days ?? 0,
        reference,
        metadata: input.metadata ?? null,
      }),
      sharedContext
    )
    const entry = await this.createEntry_(
      asRow({
        account_id: account.id,
        operation: "allocated",
        amount: 0,
        reserved_delta: 0,
        balance_after: 0,
        reserved_after: 0,
        available_credit_after: available.toString(),
        credit_limit_after: creditLimit.toString(),
        currency_code: currency,
        comment,
        changes: {
          credit_limit: { from: null, to: creditLimit.toString() },
          allow_exceed: { from: null, to: account.allow_exceed },
          status: { from: null, to: account.status },
          payment_terms: { from: null, to: terms },
        },
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      }),
      sharedContext
    )
    return { account, entry, replayed: false }
  }

  /**
   * Changes limit, allow-exceed, over-limit policy, status, terms, reference or
   * metadata. Writes `allocated` when the first positive limit is set, else
   * `updated`, with the reason as comment and the before/after of each field.
   * A request that changes nothing writes nothing and returns `entry: null`.
   */
  @InjectTransactionManager()
  async updateAccountSettings(
    input: UpdateAccountSettingsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ account: AccountRecord; entry: LedgerEntryRecord | null; replayed: boolean }> {
    const reason = normalizeText(input.reason, "reason", MAX_COMMENT)
    if (!reason) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required: say why the account's settings change.")
    }
    const row = await lockAccount(sharedContext, input.account_id)
    const replay = await this.findReplay_(row.id, input.idempotency, sharedContext)
    if (replay) {
      return replay
    }
    const { update, changes } = diffSettings(row, input.changes)
    if (!Object.keys(changes).length) {
      const account = await this.retrieveTradeCreditAccount(row.id, {}, sharedContext)
      return { account, entry: null, replayed: false }
    }
    const creditLimit = update.credit_limit ?? row.credit_limit
    const available = availableCredit({ credit_limit: creditLimit, balance: row.balance, reserved: row.reserved })
    // The first positive limit ever set allocates the credit; later changes update it.
    let operation: LedgerOperation = "updated"
    if (changes.credit_limit && MathBN.eq(row.credit_limit, 0) && MathBN.gt(creditLimit, 0)) {
      operation = (await countEntries(sharedContext, row.id, true)) === 0 ? "allocated" : "updated"
    }
    const account = await this.updateTradeCreditAccounts(
      asRow({ id: row.id, ...update, available_credit: available.toString() }),
      sharedContext
    )
    const entry = await this.createEntry_(
      asRow({
        account_id: row.id,
        operation,
        amount: 0,
        reserved_delta: 0,
        balance_after: row.balance,
        reserved_after: row.reserved,
        available_credit_after: available.toString(),
        credit_limit_after: creditLimit.toString(),
        currency_code: row.currency_code,
        comment: reason,
        changes,
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      }),
      sharedContext
    )
    return { account, entry, replayed: false }
  }

  /**
   * Removes an account opened by a workflow that then failed (compensation).
   * Only possible while its history holds nothing but the opening entry.
   */
  @InjectTransactionManager()
  async discardOpenedAccount(accountId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await lockAccount(sharedContext, accountId)
    if ((await countEntries(sharedContext, accountId)) > 1) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Account ${accountId} has postings and can't be discarded.`)
    }
    await deleteAccountWithEntries(sharedContext, accountId)
  }

  /**
   * Records an admin's decision on a pending credit review. Deciding the same
   * way twice returns the review (a retried release goes on authorizing);
   * deciding otherwise is refused.
   */
  @InjectTransactionManager()
  async decideReview(
    input: DecideReviewInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ review: CreditReviewRecord; previous_status: string }> {
    const [found] = await this.listTradeCreditReviews({ id: input.review_id }, { take: 1 }, sharedContext)
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit review ${input.review_id} was not found.`)
    }
    await lockAccount(sharedContext, found.account_id)
    const [review] = await this.listTradeCreditReviews({ id: input.review_id }, { take: 1 }, sharedContext)
    if (review.status === input.decision) {
      return { review, previous_status: review.status }
    }
    if (review.status !== "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Credit review ${review.id} is already ${review.status}.`)
    }
    const updated = await this.updateTradeCreditReviews(
      asRow({
        id: review.id,
        status: input.decision,
        comment: normalizeText(input.comment, "comment", MAX_COMMENT),
        decided_at: new Date(),
        ...decidedBy(input.actor),
      }),
      sharedContext
    )
    return { review: updated, previous_status: review.status }
  }

  /** Compensation of a decision that could not be carried out. */
  @InjectTransactionManager()
  async reopenReview(reviewId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.updateTradeCreditReviews(
      asRow({ id: reviewId, status: "pending", decided_at: null, decided_by_type: null, decided_by_id: null, decided_by_name: null }),
      sharedContext
    )
  }

  /** The accounts a customer may use: their own and their customer groups' (their companies'), oldest first. */
  @InjectManager()
  async listUsableAccounts(
    input: AccountUser & { currency_code?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AccountRecord[]> {
    const filters: Record<string, unknown> = usableAccountFilter(input.customer_id, input.customer_group_ids)
    if (input.currency_code) {
      filters.currency_code = input.currency_code.toLowerCase()
    }
    return await this.listTradeCreditAccounts(filters as never, { order: { created_at: "ASC" } }, sharedContext)
  }

  /**
   * Which account pays for this customer in a currency: the requested one
   * only if the customer may use it, otherwise their company's account
   * first, else their personal one. Null when none. The checkout, the
   * store API and the admin's order panel all ask this.
   */
  @InjectManager()
  async payingAccount(
    input: AccountUser & { currency_code: string; requested_account_id?: unknown },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AccountRecord | null> {
    const usable = await this.listUsableAccounts(input, sharedContext)
    return choosePayingAccount(usable, input.requested_account_id)
  }

  /**
   * The start of a pay-on-account payment session: the paying account of a
   * logged-in customer, refused when there is none or it is on stop, and the
   * amount to charge (a total with tax may carry more decimals than the
   * currency: the amount that can be paid).
   */
  async startOnAccountSession(
    input: { customer_id?: string | null; customer_group_ids?: string[]; currency_code: string; amount: BigNumberInput; requested_account_id?: unknown }
  ): Promise<{ account_id: string; customer_id: string; amount: string; currency_code: string }> {
    if (!input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, NOT_LOGGED_IN_MESSAGE)
    }
    const account = await this.payingAccount({ ...input, customer_id: input.customer_id })
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        input.requested_account_id ? ACCOUNT_NOT_USABLE_MESSAGE : noAccountMessage(input.currency_code)
      )
    }
    if (account.status === "on_stop") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, ON_STOP_MESSAGE)
    }
    return {
      account_id: account.id,
      customer_id: input.customer_id,
      amount: roundToCurrency(input.amount, input.currency_code),
      currency_code: input.currency_code.toLowerCase(),
    }
  }
}
