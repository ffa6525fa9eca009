import type { BigNumberInput, Context, InferEntityType } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import Account from "./models/account"
import LedgerEntry from "./models/ledger-entry"
import CreditReview from "./models/credit-review"
import ConfirmFailure from "./models/confirm-failure"
import EntryEdit from "./models/entry-edit"
import CaptureRecord from "./models/capture-record"
import {
  DEFAULT_OVER_LIMIT_POLICY,
  DEFAULT_PAGE_SIZE as DEFAULT_ENTRY_PAGE,
  DEFAULT_PAYMENT_TERMS,
  MAX_ACCOUNT_REFERENCE_LENGTH as MAX_REFERENCE,
  MAX_COMMENT_LENGTH as MAX_COMMENT,
  MAX_ENTRY_REFERENCE_LENGTH as MAX_ENTRY_REFERENCE,
  MAX_PAGE_SIZE as MAX_ENTRY_PAGE,
} from "./constants"
import type {
  AccountSettingsChanges,
  AccountStatus,
  OverLimitPolicy,
  Actor,
  AuthorizeOnAccountInput,
  NameOrderOfSessionInput,
  RevertOnAccountInput,
  AuthorizeOnAccountResult,
  DecideReviewInput,
  CaptureOnAccountInput,
  EditLedgerEntryNoteInput,
  EntryEditChanges,
  EntryPageInput,
  Idempotency,
  LedgerOperation,
  OpenAccountInput,
  PostLedgerEntryInput,
  TradeCreditModuleOptions,
  UpdateAccountSettingsInput,
} from "./types"
import { availableCredit } from "./utils/available-credit"
import { currencyDecimals, parseAmount } from "./utils/money"
import { normalizePaymentTerms } from "./utils/payment-terms"
import { decodeEntryCursor, encodeEntryCursor } from "./utils/entry-cursor"
import { type CardPaymentOptions, normalizeCardPaymentOptions } from "./utils/card-payments"
import { assertPlainText } from "./utils/text"
import { internalIdempotencyKey } from "./utils/idempotency-keys"

type AccountRecord = InferEntityType<typeof Account>
type LedgerEntryRecord = InferEntityType<typeof LedgerEntry>
type CreditReviewRecord = InferEntityType<typeof CreditReview>
type EntryEditRecord = InferEntityType<typeof EntryEdit>

type RefundOnAccountInput = {
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

/** The account row as read under lock: numerics as exact strings. */
type LockedAccountRow = {
  id: string
  currency_code: string
  credit_limit: string
  balance: string
  reserved: string
  allow_exceed: boolean
  over_limit_policy: OverLimitPolicy | null
  status: AccountStatus
  terms_type: string
  terms_net_days: number | null
  terms_grace_days: number
  reference: string | null
  metadata: Record<string, unknown> | null
}

export type PostingResult = {
  account: AccountRecord
  entry: LedgerEntryRecord
  /** True when the idempotency key matched an earlier posting that is returned unchanged. */
  replayed: boolean
}

const ACCOUNT_TABLE = "trade_credit_account"
const ENTRY_TABLE = "trade_credit_ledger_entry"
const REVIEW_TABLE = "trade_credit_review"
/**
 * The longest any of our statements waits for a lock (PostgreSQL's
 * lock_timeout really cancels the wait): the request then fails alone with
 * ACCOUNT_BUSY_MESSAGE instead of holding its connection while the pool runs dry.
 */
const LOCK_TIMEOUT = "10s"
/** SQLSTATE lock_not_available: lock_timeout cancelled a wait. */
const LOCK_NOT_AVAILABLE = "55P03"
export const ACCOUNT_BUSY_MESSAGE = "The account is busy with another payment; try again."

/**
 * The trade credit ledger. Exposes domain operations only: nothing outside this
 * class writes `balance`, `reserved` or `available_credit`. Each operation
 * locks the account row (SELECT ... FOR UPDATE) in its own transaction, decides
 * on the committed totals, and writes the new totals together with exactly one
 * ledger entry, so concurrent requests in any number of processes serialize on
 * the account and never lose an update.
 */
export default class TradeCreditModuleService extends MedusaService({
  TradeCreditAccount: Account,
  TradeCreditLedgerEntry: LedgerEntry,
  TradeCreditReview: CreditReview,
  TradeCreditConfirmFailure: ConfirmFailure,
  TradeCreditEntryEdit: EntryEdit,
  TradeCreditCapture: CaptureRecord,
}) {
  protected readonly options_: Required<TradeCreditModuleOptions>
  protected readonly cardPayments_: CardPaymentOptions

  constructor(container: Record<string, unknown>, options: TradeCreditModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.cardPayments_ = normalizeCardPaymentOptions(options)
    this.options_ = {
      defaultOverLimitPolicy: options.defaultOverLimitPolicy ?? DEFAULT_OVER_LIMIT_POLICY,
      defaultPaymentTerms: normalizePaymentTerms(
        options.defaultPaymentTerms ?? DEFAULT_PAYMENT_TERMS
      ),
      cardPaymentProviders: this.cardPayments_.providers,
      cardPaymentMaxPrepayment: this.cardPayments_.maxPrepayment,
    }
  }

  getOptions(): Required<TradeCreditModuleOptions> {
    return this.options_
  }

  /** Which providers may pay toward an account, and the prepayment allowed per currency. */
  getCardPaymentOptions(): CardPaymentOptions {
    return this.cardPayments_
  }

  /** Opens an account for a customer or a customer group and records it as `allocated`. */
  @InjectManager()
  async openAccount(
    input: OpenAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostingResult> {
    return await this.openAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async openAccount_(
    input: OpenAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostingResult> {
    const holder = holderOf(input)
    const currency = normalizeCurrency(input.currency_code)
    const creditLimit = parseAmount(input.credit_limit ?? 0, currency, "credit_limit", {
      allowNegative: false,
      allowZero: true,
    })
    const terms = normalizePaymentTerms(input.payment_terms ?? this.options_.defaultPaymentTerms)
    const reference = normalizeText(input.reference, "reference", MAX_REFERENCE)
    const comment = normalizeText(input.comment, "comment", MAX_COMMENT)

    const knex = transactionKnex(sharedContext)
    // Serialize openings for one holder and currency, so that a retried request
    // finds the first one's account instead of racing it to the unique index.
    await boundLockWaits(knex)
    await knex
      .raw("SELECT pg_advisory_xact_lock(hashtext(?))", [`trade_credit:${holder.column}:${holder.id}:${currency}`])
      .catch(rethrowLockTimeout)
    const [existing] = await knex(ACCOUNT_TABLE)
      .where({ [holder.column]: holder.id, currency_code: currency })
      .whereNull("deleted_at")
      .select("id")
    if (existing) {
      const replay = await this.findReplay_(existing.id, input.idempotency, sharedContext)
      if (replay) {
        return replay
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This ${holder.label} already has a ${currency.toUpperCase()} credit account (${existing.id}).`
      )
    }

    const totals = { credit_limit: creditLimit, balance: 0, reserved: 0 }
    const available = availableCredit(totals)
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
  @InjectManager()
  async updateAccountSettings(
    input: UpdateAccountSettingsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ account: AccountRecord; entry: LedgerEntryRecord | null; replayed: boolean }> {
    return await this.updateAccountSettings_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateAccountSettings_(
    input: UpdateAccountSettingsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ account: AccountRecord; entry: LedgerEntryRecord | null; replayed: boolean }> {
    const reason = normalizeText(input.reason, "reason", MAX_COMMENT)
    if (!reason) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "reason is required: say why the account's settings change."
      )
    }
    const row = await this.lockAccount_(input.account_id, sharedContext)
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
    const available = availableCredit({
      credit_limit: creditLimit,
      balance: row.balance,
      reserved: row.reserved,
    })
    let operation: LedgerOperation = "updated"
    if (changes.credit_limit && MathBN.eq(row.credit_limit, 0) && MathBN.gt(creditLimit, 0)) {
      const [{ count }] = await transactionKnex(sharedContext)(ENTRY_TABLE)
        .where({ account_id: row.id })
        .andWhere("credit_limit_after", ">", 0)
        .count({ count: "*" })
      operation = Number(count) === 0 ? "allocated" : "updated"
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
   * The posting primitive: moves `amount` into the balance and
   * `reserved_delta` into the reserved total of one account, atomically, with
   * its ledger entry. Reimbursements, adjustments and the checkout's
   * purchases, reverts and refunds all go through here.
   */
  @InjectManager()
  async postLedgerEntry(
    input: PostLedgerEntryInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostingResult> {
    return await this.postLedgerEntry_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async postLedgerEntry_(
    input: PostLedgerEntryInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostingResult> {
    const row = await this.lockAccount_(input.account_id, sharedContext)
    const replay = await this.findReplay_(row.id, input.idempotency, sharedContext)
    if (replay) {
      return replay
    }
    return await this.writePosting_(row, input, sharedContext)
  }

  /**
   * Writes a posting on an account whose row this transaction has locked:
   * new totals and the entry, or a refusal that changes nothing. Checkout
   * operations call it directly, having already locked and checked replays.
   */
  protected async writePosting_(
    row: LockedAccountRow,
    input: PostLedgerEntryInput,
    sharedContext: Context
  ): Promise<PostingResult> {
    const currency = row.currency_code
    const amount = parseAmount(input.amount ?? 0, currency, "amount", { allowZero: true })
    const reservedDelta = parseAmount(input.reserved_delta ?? 0, currency, "reserved_delta", {
      allowZero: true,
    })
    if (amount.isZero() && reservedDelta.isZero()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must not be zero.")
    }
    const reference = normalizeText(input.reference, "reference", MAX_ENTRY_REFERENCE)
    const comment = normalizeText(input.comment, "comment", MAX_COMMENT)

    const balance = MathBN.add(row.balance, amount)
    const reserved = MathBN.add(row.reserved, reservedDelta)
    if (reserved.isNegative()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cannot release ${reservedDelta.negated().toString()} ${currency.toUpperCase()}: only ${row.reserved} is reserved on this account.`
      )
    }
    const available = availableCredit({ credit_limit: row.credit_limit, balance, reserved })
    const takesCredit = amount.isNegative() || reservedDelta.isPositive()
    const overLimit = takesCredit && available.isNegative()
    if (overLimit && input.enforce_limit && !row.allow_exceed && !input.force_over_limit) {
      const before = availableCredit(row)
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Not enough available credit: ${before.toFixed(currencyDecimals(currency))} ${currency.toUpperCase()} available, ${available.negated().toFixed(currencyDecimals(currency))} over the limit.`
      )
    }

    const account = await this.updateTradeCreditAccounts(
      asRow({
        id: row.id,
        balance: balance.toString(),
        reserved: reserved.toString(),
        available_credit: available.toString(),
      }),
      sharedContext
    )
    const entry = await this.createEntry_(
      asRow({
        account_id: row.id,
        operation: input.operation,
        amount: amount.toString(),
        reserved_delta: reservedDelta.toString(),
        balance_after: balance.toString(),
        reserved_after: reserved.toString(),
        available_credit_after: available.toString(),
        credit_limit_after: row.credit_limit,
        currency_code: currency,
        over_limit: overLimit,
        order_id: input.order_id ?? null,
        order_display_id: input.order_display_id ?? null,
        payment_session_id: input.payment_session_id ?? null,
        reference,
        comment,
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      }),
      sharedContext
    )
    return { account, entry, replayed: false }
  }

  /**
   * Corrects the custom reference number and comment of a reimbursement: the
   * only change ever made to a posted entry (its amounts never change). Each
   * correction is kept, with who made it and the values before and after, as
   * an edit of the entry (not a ledger entry: no money moves). An
   * `Idempotency-Key` replays the first correction; another body is 409.
   */
  @InjectManager()
  async editLedgerEntryNote(
    input: EditLedgerEntryNoteInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord; edit: EntryEditRecord | null; replayed: boolean }> {
    return await this.editLedgerEntryNote_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async editLedgerEntryNote_(
    input: EditLedgerEntryNoteInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord; edit: EntryEditRecord | null; replayed: boolean }> {
    const knex = transactionKnex(sharedContext)
    await knex.raw(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`)
    // Corrections of one entry serialize, so each edit's "from" is the previous edit's "to".
    await knex(ENTRY_TABLE).where({ id: input.entry_id, account_id: input.account_id }).forUpdate().select("id")
    const [entry] = await this.listTradeCreditLedgerEntries(
      { id: input.entry_id, account_id: input.account_id },
      { take: 1 },
      sharedContext
    )
    if (!entry) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Ledger entry ${input.entry_id} was not found on account ${input.account_id}.`
      )
    }
    if (entry.operation !== "reimbursed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only reimbursements can be edited; ${input.entry_id} is a "${entry.operation}" entry.`
      )
    }
    if (input.idempotency?.key) {
      const [earlier] = await this.listTradeCreditEntryEdits(
        { account_id: input.account_id, idempotency_key: input.idempotency.key },
        { take: 1 },
        sharedContext
      )
      if (earlier) {
        if (earlier.entry_id !== entry.id || (earlier.request_hash ?? null) !== (input.idempotency.request_hash ?? null)) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Idempotency-Key "${input.idempotency.key}" was already used for a different request.`
          )
        }
        return { entry, edit: earlier, replayed: true }
      }
    }
    const patch: Record<string, string | null> = {}
    const changes: EntryEditChanges = {}
    const note = { reference: entry.reference ?? null, comment: entry.comment ?? null }
    const fields = [
      ["reference", input.reference, MAX_ENTRY_REFERENCE],
      ["comment", input.comment, MAX_COMMENT],
    ] as const
    for (const [field, value, max] of fields) {
      if (value === undefined) {
        continue
      }
      const to = normalizeText(value, field, max)
      if (to !== note[field]) {
        patch[field] = to
        changes[field] = { from: note[field], to }
      }
    }
    if (!Object.keys(patch).length) {
      return { entry, edit: null, replayed: false }
    }
    await this.updateTradeCreditLedgerEntries(asRow({ id: entry.id, ...patch }), sharedContext)
    const edit = await this.createTradeCreditEntryEdits(
      asRow({
        entry_id: entry.id,
        account_id: entry.account_id,
        changes,
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      }),
      sharedContext
    )
    const updated = await this.retrieveTradeCreditLedgerEntry(entry.id, {}, sharedContext)
    return { entry: updated, edit, replayed: false }
  }

  /** Compensation of a correction that could not be completed: the old note back, the edit gone. */
  @InjectTransactionManager()
  async undoLedgerEntryEdit(editId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const [edit] = await this.listTradeCreditEntryEdits({ id: editId }, { take: 1 }, sharedContext)
    if (!edit) {
      return
    }
    const previous = Object.fromEntries(
      Object.entries((edit.changes ?? {}) as EntryEditChanges).map(([field, change]) => [field, change?.from ?? null])
    )
    await this.updateTradeCreditLedgerEntries(asRow({ id: edit.entry_id, ...previous }), sharedContext)
    await this.deleteTradeCreditEntryEdits(edit.id, sharedContext)
  }

  /** The corrections of these entries, newest first, keyed by entry id. */
  @InjectManager()
  async listEditsOfEntries(
    entryIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, EntryEditRecord[]>> {
    const byEntry = new Map<string, EntryEditRecord[]>()
    if (!entryIds.length) {
      return byEntry
    }
    const edits = await this.listTradeCreditEntryEdits(
      { entry_id: entryIds },
      { order: { created_at: "DESC", id: "DESC" } },
      sharedContext
    )
    for (const edit of edits) {
      byEntry.set(edit.entry_id, [...(byEntry.get(edit.entry_id) ?? []), edit])
    }
    return byEntry
  }

  /**
   * One page of an account's history, newest first. Keyset paging on the
   * entry sequence (no OFFSET): entries added while a client pages never shift
   * or repeat the pages it has not read yet.
   */
  @InjectManager()
  async listEntryPage(
    input: EntryPageInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: LedgerEntryRecord[]; next_cursor: string | null; has_more: boolean }> {
    const limit = Math.min(Math.max(1, input.limit ?? DEFAULT_ENTRY_PAGE), MAX_ENTRY_PAGE)
    const filters: Record<string, unknown> = { account_id: input.account_id }
    if (input.cursor) {
      filters.seq = { $lt: decodeEntryCursor(input.cursor) }
    }
    if (input.operation) {
      filters.operation = input.operation
    }
    const rows = await this.listTradeCreditLedgerEntries(
      filters,
      { take: limit + 1, order: { seq: "DESC" } },
      sharedContext
    )
    const has_more = rows.length > limit
    const entries = rows.slice(0, limit)
    return {
      entries,
      has_more,
      next_cursor: has_more ? encodeEntryCursor(entries[entries.length - 1].seq) : null,
    }
  }

  /**
   * Removes an account opened by a workflow that then failed (compensation).
   * Only possible while its history holds nothing but the opening entry.
   */
  @InjectTransactionManager()
  async discardOpenedAccount(
    accountId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = transactionKnex(sharedContext)
    await this.lockAccount_(accountId, sharedContext)
    const [{ count }] = await knex(ENTRY_TABLE).where({ account_id: accountId }).count({ count: "*" })
    if (Number(count) > 1) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Account ${accountId} has postings and can't be discarded.`
      )
    }
    // The append-only trigger lets entries go only with this transaction-local flag.
    await knex.raw("SELECT set_config('trade_credit.discard_account', ?, true)", [accountId])
    await knex(ENTRY_TABLE).where({ account_id: accountId }).delete()
    await knex(ACCOUNT_TABLE).where({ id: accountId }).delete()
  }

  /**
   * Pay on account: decides an order's authorization in ONE transaction under
   * the account's row lock, so two carts of one company completing at once in
   * any number of processes can't both spend the same credit.
   *
   * Fits (or allow_exceed) → `purchased` entry; over the limit → a pending
   * credit review (`hold`) or a refusal (`block`); `on_stop` → refusal.
   * A released review is authorized as the one who released it: over the
   * limit only when that is an admin user or the ERP; a buyer's release
   * obeys the same rules as a checkout, or is refused.
   * Retries of the same payment session return the first decision.
   */
  @InjectManager()
  async authorizeOnAccount(
    input: AuthorizeOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuthorizeOnAccountResult> {
    return await this.authorizeOnAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async authorizeOnAccount_(
    input: AuthorizeOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuthorizeOnAccountResult> {
    // At checkout a busy account is a refusal the storefront shows the buyer.
    const row = await this.lockAccount_(input.account_id, sharedContext).catch((e) => {
      throw isAccountBusy(e) ? paymentRefusal(ACCOUNT_BUSY_MESSAGE) : e
    })
    const currency = row.currency_code
    if (String(input.currency_code).toLowerCase() !== currency) {
      throw paymentRefusal(
        `This order is in ${String(input.currency_code).toUpperCase()}, but the trade credit account is in ${currency.toUpperCase()}.`
      )
    }
    const amount = parseAmount(input.amount, currency, "amount", { allowNegative: false })
    const [purchase] = await this.sessionEntries_(input.payment_session_id, "purchased", sharedContext)
    if (purchase) {
      return authorized(row.id, purchase)
    }

    const [review] = await this.listTradeCreditReviews(
      { payment_session_id: input.payment_session_id },
      { take: 1 },
      sharedContext
    )
    let actor = input.actor
    let releasedBy: string | null = null
    if (review) {
      if (review.status === "pending") {
        if (!review.order_id && input.order_id) {
          await this.updateTradeCreditReviews(
            { id: review.id, order_id: input.order_id, order_display_id: input.order_display_id ?? null },
            sharedContext
          )
        }
        return { status: "pending_authorization", account_id: row.id, review_id: review.id, posted: false, over_limit: true }
      }
      if (review.status !== "released") {
        throw paymentRefusal(`This order's credit review was ${review.status}; it can't be paid on account.`)
      }
      // Authorized as the one who released it.
      actor = {
        type: (review.decided_by_type ?? "user") as Actor["type"],
        id: review.decided_by_id,
        name: review.decided_by_name,
      }
      releasedBy = actor.name ?? actor.id ?? "an admin"
    }
    // Only a credit controller's release (admin user or ERP) may go over the
    // limit or through a stop; a buyer's release (they paid the part above the
    // limit by card) obeys every rule a checkout does, decided here under the
    // account lock, so two releases can't both spend the same credit.
    const adminRelease = !!review && (actor.type === "user" || actor.type === "erp")
    if (!adminRelease) {
      if (row.status === "on_stop") {
        throw paymentRefusal(
          review
            ? "This account is on stop: a held order can't be released until the account is back in normal status. Please contact us."
            : "This account is on stop: new orders on account are paused. Please contact us or choose another payment method."
        )
      }
      const available = availableCredit(row)
      if (available.lt(amount) && !row.allow_exceed) {
        const over = amount.minus(available)
        const policy = row.over_limit_policy ?? input.default_over_limit_policy
        const decimals = currencyDecimals(currency)
        if (review) {
          throw paymentRefusal(
            `Not enough available credit to release this order: ${available.toFixed(decimals)} ${currency.toUpperCase()} available, the order is ${over.toFixed(decimals)} over the limit.`
          )
        }
        if (policy === "block") {
          throw paymentRefusal(
            `Not enough available credit: ${available.toFixed(decimals)} ${currency.toUpperCase()} available, this order is ${over.toFixed(decimals)} over the limit.`
          )
        }
        const created = await this.createTradeCreditReviews(
          asRow({
            account_id: row.id,
            payment_session_id: input.payment_session_id,
            order_id: input.order_id ?? null,
            order_display_id: input.order_display_id ?? null,
            customer_id: input.customer_id ?? null,
            currency_code: currency,
            amount: amount.toString(),
            available_credit: available.toString(),
            amount_over: over.toString(),
          }),
          sharedContext
        )
        return { status: "pending_authorization", account_id: row.id, review_id: created.id, posted: false, over_limit: true }
      }
    }

    const comment = releasedBy
      ? `Released from credit review by ${releasedBy}${review?.comment ? `: ${review.comment}` : ""}`
      : row.status === "query"
        ? "Account on query: check this order before processing"
        : null
    const { entry } = await this.writePosting_(
      row,
      {
        account_id: row.id,
        operation: "purchased",
        amount: input.capture ? amount.negated().toString() : 0,
        reserved_delta: input.capture ? 0 : amount.toString(),
        order_id: input.order_id ?? review?.order_id ?? null,
        order_display_id: input.order_display_id ?? review?.order_display_id ?? null,
        payment_session_id: input.payment_session_id,
        comment,
        actor,
        idempotency: { key: internalIdempotencyKey("authorize", input.payment_session_id) },
      },
      sharedContext
    )
    return authorized(row.id, entry)
  }

  /**
   * Names the placed order on a payment session's postings and credit review.
   * They normally name it already; but two completions of one cart can run
   * side by side, and the first to reach the ledger may be the attempt that
   * is rolled back. Only the order reference changes (the append-only trigger
   * allows it for this session, in this transaction only).
   */
  @InjectManager()
  async nameOrderOfSession(
    input: NameOrderOfSessionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: number; reviews: number }> {
    // Runs for every order placed on account and almost always finds it named: read first.
    const named = (r: { order_id: string | null; order_display_id: number | null }) =>
      r.order_id === input.order_id && r.order_display_id === (input.order_display_id ?? null)
    const select = { select: ["id", "order_id", "order_display_id"] }
    const [entries, reviews] = await Promise.all([
      this.listTradeCreditLedgerEntries({ payment_session_id: input.payment_session_id }, select, sharedContext),
      this.listTradeCreditReviews({ payment_session_id: input.payment_session_id }, select, sharedContext),
    ])
    if (entries.every(named) && reviews.every(named)) {
      return { entries: 0, reviews: 0 }
    }
    return await this.nameOrderOfSession_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async nameOrderOfSession_(
    input: NameOrderOfSessionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: number; reviews: number }> {
    const knex = transactionKnex(sharedContext)
    await boundLockWaits(knex)
    const displayId = input.order_display_id ?? null
    const differs = (q: any) => // eslint-disable-line @typescript-eslint/no-explicit-any
      q.whereRaw("(order_id IS DISTINCT FROM ? OR order_display_id IS DISTINCT FROM ?)", [input.order_id, displayId])
    await knex.raw("SELECT set_config('trade_credit.name_order_of_session', ?, true)", [input.payment_session_id])
    const entries = await knex(ENTRY_TABLE)
      .where({ payment_session_id: input.payment_session_id })
      .andWhere(differs)
      .update({ order_id: input.order_id, order_display_id: displayId })
      .catch(rethrowLockTimeout)
    const reviews = await knex(REVIEW_TABLE)
      .where({ payment_session_id: input.payment_session_id })
      .whereNull("deleted_at")
      .andWhere(differs)
      .update({ order_id: input.order_id, order_display_id: displayId, updated_at: knex.fn.now() })
      .catch(rethrowLockTimeout)
    return { entries: Number(entries), reviews: Number(reviews) }
  }

  /**
   * Capture: records one Medusa capture of an on-account payment, once per
   * capture id. Under `capture: "manual"` it moves exactly the captured amount
   * from reserved to the balance (`captured`), the rest staying reserved until
   * captured or released by a cancel; an order posted at authorization moves
   * nothing. Either way the capture is recorded, and refused once the order's
   * credit was reverted, under the same (purchase entry) lock as the cancel, so
   * a capture and a cancel racing each other can't both succeed.
   */
  @InjectManager()
  async captureOnAccount(
    input: CaptureOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    return await this.captureOnAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async captureOnAccount_(
    input: CaptureOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    const purchase = await this.lockSessionPurchase_(input.payment_session_id, sharedContext)
    if (!purchase) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment session ${input.payment_session_id} has no on-account authorization to capture.`
      )
    }
    const [recorded] = await this.listTradeCreditCaptures({ capture_id: input.capture_id }, { take: 1 }, sharedContext)
    if (recorded) {
      const entry = recorded.entry_id ? await this.retrieveTradeCreditLedgerEntry(recorded.entry_id, {}, sharedContext) : null
      return { entry }
    }
    const { reserved, reverted } = await this.sessionOutstanding_(input.payment_session_id, sharedContext)
    if (reverted) {
      // A cancel won the race: Medusa must not record a capture of credit that was given back.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This order's credit was given back when it was canceled, so its payment can't be captured."
      )
    }
    const currency = purchase.currency_code
    let amount = reserved
    if (input.amount !== null && !reserved.isZero()) {
      amount = parseAmount(MathBN.convert(input.amount).toFixed(), currency, "Capture amount", { allowNegative: false })
      if (amount.gt(reserved)) {
        const decimals = currencyDecimals(currency)
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Capture of ${amount.toFixed(decimals)} ${currency.toUpperCase()} is more than the ${reserved.toFixed(decimals)} still reserved for this order.`
        )
      }
    }
    let entry: LedgerEntryRecord | null = null
    if (!amount.isZero()) {
      const row = await this.lockAccount_(purchase.account_id, sharedContext)
      ;({ entry } = await this.writePosting_(
        row,
        {
          account_id: purchase.account_id,
          operation: "captured",
          amount: amount.negated().toString(),
          reserved_delta: amount.negated().toString(),
          order_id: purchase.order_id,
          order_display_id: purchase.order_display_id,
          payment_session_id: input.payment_session_id,
          reference: input.capture_id,
          actor: input.actor,
          idempotency: { key: internalIdempotencyKey("capture", input.capture_id) },
        },
        sharedContext
      ))
    }
    // Posted at authorization: nothing moves, so the (possibly busy) account
    // row is not locked; the record alone tells a racing cancel it lost.
    await this.createTradeCreditCaptures(
      asRow({
        account_id: purchase.account_id,
        payment_session_id: input.payment_session_id,
        capture_id: input.capture_id,
        amount: amount.toString(),
        entry_id: entry?.id ?? null,
      }),
      sharedContext
    )
    return { entry }
  }

  /**
   * Cancel: gives back exactly what the order still takes from the account
   * (its reservation and/or its posted amount less refunds) in one
   * `reverted` entry, once; and closes a pending credit review.
   */
  @InjectManager()
  async revertOnAccount(
    input: RevertOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    return await this.revertOnAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertOnAccount_(
    input: RevertOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    const [review] = await this.listTradeCreditReviews(
      { payment_session_id: input.payment_session_id },
      { take: 1 },
      sharedContext
    )
    const purchase = await this.lockSessionPurchase_(input.payment_session_id, sharedContext)
    const accountId = purchase?.account_id ?? review?.account_id
    if (!accountId) {
      return { entry: null }
    }
    if (purchase && input.refuse_if_captured) {
      const [capture] = await this.listTradeCreditCaptures(
        { payment_session_id: input.payment_session_id },
        { take: 1, select: ["id"] },
        sharedContext
      )
      if (capture) {
        // Medusa canceled a payment it saw uncaptured, but its capture reached the ledger first.
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "This order's payment on account was captured a moment ago: cancel the order again and it will be refunded to the account."
        )
      }
    }
    const row = await this.lockAccount_(accountId, sharedContext)
    if (review?.status === "pending") {
      await this.updateTradeCreditReviews(
        asRow({ id: review.id, status: "canceled", comment: input.comment ?? "Order canceled", decided_at: new Date(), ...decidedBy(input.actor) }),
        sharedContext
      )
    }
    if (!purchase) {
      return { entry: null }
    }
    const { reserved, posted, reverted } = await this.sessionOutstanding_(input.payment_session_id, sharedContext)
    if (reserved.isZero() && posted.isZero()) {
      return { entry: reverted }
    }
    const { entry } = await this.writePosting_(
      row,
      {
        account_id: accountId,
        operation: "reverted",
        amount: posted.toString(),
        reserved_delta: reserved.negated().toString(),
        order_id: purchase.order_id,
        order_display_id: purchase.order_display_id,
        payment_session_id: input.payment_session_id,
        comment: input.comment ?? "Order canceled",
        actor: input.actor,
        idempotency: { key: internalIdempotencyKey("revert", input.payment_session_id) },
      },
      sharedContext
    )
    return { entry }
  }

  /**
   * A refund of a captured on-account payment: `refunded`, never more than is
   * still charged. Medusa cancels a captured order by refunding it in full;
   * when the caller says the order shipped nothing (`order_unfulfilled`), a
   * refund of everything still charged is that cancel and is `reverted`.
   */
  @InjectManager()
  async refundOnAccount(
    input: RefundOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord }> {
    return await this.refundOnAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async refundOnAccount_(
    input: RefundOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord }> {
    const [purchase] = await this.sessionEntries_(input.payment_session_id, "purchased", sharedContext)
    if (!purchase) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment session ${input.payment_session_id} was not paid on account.`
      )
    }
    const row = await this.lockAccount_(purchase.account_id, sharedContext)
    const key = internalIdempotencyKey("refund", input.refund_id)
    const [earlier] = await this.listTradeCreditLedgerEntries(
      { account_id: row.id, idempotency_key: key },
      { take: 1 },
      sharedContext
    )
    if (earlier) {
      return { entry: earlier }
    }
    const { posted, reserved } = await this.sessionOutstanding_(input.payment_session_id, sharedContext)
    // Medusa passes its refund as it was asked for: never rounded here.
    const amount =
      input.amount === null
        ? posted
        : parseAmount(MathBN.convert(input.amount).toFixed(), row.currency_code, "Refund amount", { allowNegative: false })
    if (amount.isZero()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Nothing is charged to the account for this order any more, so there is nothing to refund.`
      )
    }
    if (amount.gt(posted)) {
      const decimals = currencyDecimals(row.currency_code)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Refund of ${amount.toFixed(decimals)} ${row.currency_code.toUpperCase()} is more than the ${posted.toFixed(decimals)} still charged to the account for this order.`
      )
    }
    // A cancel gives back everything; a refund that leaves a part reserved is not one.
    const cancels = !!input.order_unfulfilled && amount.eq(posted) && reserved.isZero()
    const { entry } = await this.writePosting_(
      row,
      {
        account_id: row.id,
        operation: cancels ? "reverted" : "refunded",
        amount: amount.toString(),
        comment: cancels ? "Order canceled" : null,
        order_id: purchase.order_id,
        order_display_id: purchase.order_display_id,
        payment_session_id: input.payment_session_id,
        reference: input.refund_id,
        actor: input.actor,
        idempotency: { key },
      },
      sharedContext
    )
    return { entry }
  }

  /**
   * Records an admin's decision on a pending credit review. Deciding the same
   * way twice returns the review (a retried release goes on authorizing);
   * deciding otherwise is refused.
   */
  @InjectManager()
  async decideReview(
    input: DecideReviewInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ review: CreditReviewRecord; previous_status: string }> {
    return await this.decideReview_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async decideReview_(
    input: DecideReviewInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ review: CreditReviewRecord; previous_status: string }> {
    const [found] = await this.listTradeCreditReviews({ id: input.review_id }, { take: 1 }, sharedContext)
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit review ${input.review_id} was not found.`)
    }
    await this.lockAccount_(found.account_id, sharedContext)
    const [review] = await this.listTradeCreditReviews({ id: input.review_id }, { take: 1 }, sharedContext)
    if (review.status === input.decision) {
      return { review, previous_status: review.status }
    }
    if (review.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Credit review ${review.id} is already ${review.status}.`
      )
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

  protected async sessionEntries_(paymentSessionId: string, operation: LedgerOperation, sharedContext: Context) {
    return await this.listTradeCreditLedgerEntries(
      { payment_session_id: paymentSessionId, operation },
      { order: { seq: "ASC" } },
      sharedContext
    )
  }

  /**
   * What an order's postings still take from the account (reserved, and
   * posted to the balance), and its `reverted` entry if it was canceled.
   * Callers read it under a lock that every concurrent cancel, capture or
   * refund of the order also takes, so it sees those that committed first.
   */
  protected async sessionOutstanding_(paymentSessionId: string, sharedContext: Context) {
    const entries = await this.listTradeCreditLedgerEntries(
      { payment_session_id: paymentSessionId },
      { order: { seq: "ASC" } },
      sharedContext
    )
    let reserved = MathBN.convert(0)
    let posted = MathBN.convert(0)
    for (const e of entries) {
      reserved = MathBN.add(reserved, e.raw_reserved_delta as never)
      posted = MathBN.sub(posted, e.raw_amount as never)
    }
    const reverted = entries.find((e) => e.operation === "reverted") ?? null
    return { reserved, posted, reverted }
  }

  /** Inserts an entry and reads it back, so callers get its database-set `seq` and `created_at`. */
  protected async createEntry_(row: Record<string, unknown>, sharedContext: Context): Promise<LedgerEntryRecord> {
    const created = await this.createTradeCreditLedgerEntries(row as never, sharedContext)
    return await this.retrieveTradeCreditLedgerEntry(created.id, {}, sharedContext)
  }

  /**
   * Locks a payment session's `purchased` entry (a row lock only: the entry
   * is not changed) and returns it. Capture and revert of one order take it
   * first, so they are serialized without holding the account row, which the
   * company's other checkouts need. Lock order everywhere: entry, then account.
   */
  protected async lockSessionPurchase_(paymentSessionId: string, sharedContext: Context) {
    const knex = transactionKnex(sharedContext)
    await boundLockWaits(knex)
    await knex(ENTRY_TABLE)
      .where({ payment_session_id: paymentSessionId, operation: "purchased" })
      .forUpdate()
      .select("id")
      .catch(rethrowLockTimeout)
    const [purchase] = await this.sessionEntries_(paymentSessionId, "purchased", sharedContext)
    return purchase ?? null
  }

  protected async lockAccount_(id: string, sharedContext: Context): Promise<LockedAccountRow> {
    const knex = transactionKnex(sharedContext)
    await boundLockWaits(knex)
    const [row] = await knex(ACCOUNT_TABLE)
      .where({ id })
      .whereNull("deleted_at")
      .forUpdate()
      .select(
        "id",
        "currency_code",
        knex.raw("credit_limit::text AS credit_limit"),
        knex.raw("balance::text AS balance"),
        knex.raw("reserved::text AS reserved"),
        "allow_exceed",
        "over_limit_policy",
        "status",
        "terms_type",
        "terms_net_days",
        "terms_grace_days",
        "reference",
        "metadata"
      )
      .catch(rethrowLockTimeout)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${id} was not found.`)
    }
    return row as LockedAccountRow
  }

  /**
   * The earlier result of a request with the same idempotency key, or null.
   * The same key with a different request body is a client bug: 409.
   */
  protected async findReplay_(
    accountId: string,
    idempotency: Idempotency | undefined,
    sharedContext: Context
  ): Promise<PostingResult | null> {
    if (!idempotency?.key) {
      return null
    }
    const [entry] = await this.listTradeCreditLedgerEntries(
      { account_id: accountId, idempotency_key: idempotency.key },
      { take: 1 },
      sharedContext
    )
    if (!entry) {
      return null
    }
    if ((entry.request_hash ?? null) !== (idempotency.request_hash ?? null)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Idempotency-Key "${idempotency.key}" was already used for a different request.`
      )
    }
    const account = await this.retrieveTradeCreditAccount(accountId, {}, sharedContext)
    return { account, entry, replayed: true }
  }
}

type Holder = { column: "customer_id" | "customer_group_id"; id: string; label: string }

function holderOf(input: { customer_id?: string | null; customer_group_id?: string | null }): Holder {
  const hasCustomer = !!input.customer_id
  const hasGroup = !!input.customer_group_id
  if (hasCustomer === hasGroup) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Give exactly one holder: customer_id (a personal account) or customer_group_id (a company account)."
    )
  }
  return hasCustomer
    ? { column: "customer_id", id: input.customer_id!, label: "customer" }
    : { column: "customer_group_id", id: input.customer_group_id!, label: "customer group" }
}

function normalizeCurrency(code: string): string {
  if (typeof code !== "string" || !/^[a-zA-Z]{3}$/.test(code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `currency_code must be a three-letter ISO 4217 code, got ${JSON.stringify(code)}.`
    )
  }
  currencyDecimals(code)
  return code.toLowerCase()
}

function normalizeText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) {
    return null
  }
  const text = String(value).trim()
  assertPlainText(text, field)
  if (text.length > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be at most ${max} characters (got ${text.length}).`
    )
  }
  return text.length ? text : null
}

/** Field updates plus a `{field: {from, to}}` record of what really changes. */
function diffSettings(row: LockedAccountRow, input: AccountSettingsChanges) {
  const update: Record<string, unknown> & { credit_limit?: string } = {}
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  const record = (field: string, from: unknown, to: unknown, column = field, value = to) => {
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      update[column] = value
      changes[field] = { from, to }
    }
  }
  if (input.credit_limit !== undefined) {
    const limit = parseAmount(input.credit_limit, row.currency_code, "credit_limit", {
      allowNegative: false,
      allowZero: true,
    })
    if (!MathBN.eq(limit, row.credit_limit)) {
      update.credit_limit = limit.toString()
      changes.credit_limit = { from: row.credit_limit, to: limit.toString() }
    }
  }
  if (input.allow_exceed !== undefined) {
    record("allow_exceed", row.allow_exceed, !!input.allow_exceed)
  }
  if (input.over_limit_policy !== undefined) {
    record("over_limit_policy", row.over_limit_policy, input.over_limit_policy ?? null)
  }
  if (input.status !== undefined) {
    record("status", row.status, input.status)
  }
  if (input.payment_terms !== undefined) {
    const terms = normalizePaymentTerms(input.payment_terms)
    const current = {
      type: row.terms_type,
      net_days: row.terms_net_days,
      grace_days: row.terms_grace_days,
    }
    if (JSON.stringify(current) !== JSON.stringify(terms)) {
      update.terms_type = terms.type
      update.terms_net_days = terms.net_days
      update.terms_grace_days = terms.grace_days
      changes.payment_terms = { from: current, to: terms }
    }
  }
  if (input.reference !== undefined) {
    record("reference", row.reference, normalizeText(input.reference, "reference", MAX_REFERENCE))
  }
  if (input.metadata !== undefined) {
    record("metadata", row.metadata, input.metadata)
  }
  return { update, changes }
}

function authorized(accountId: string, entry: LedgerEntryRecord): AuthorizeOnAccountResult {
  return {
    status: "authorized",
    account_id: accountId,
    entry_id: entry.id,
    posted: !MathBN.eq(entry.raw_amount as never, 0),
    over_limit: entry.over_limit,
  }
}

/** A refusal the storefront shows the buyer as worded (Medusa returns it with the cart). */
function paymentRefusal(message: string) {
  return new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, message)
}

function decidedBy(actor: Actor) {
  return { decided_by_type: actor.type, decided_by_id: actor.id ?? null, decided_by_name: actor.name ?? null }
}

function actorFields(actor: Actor) {
  return {
    actor_type: actor.type,
    actor_id: actor.id ?? null,
    actor_name: actor.name ?? null,
  }
}

function idempotencyFields(idempotency?: Idempotency) {
  return {
    idempotency_key: idempotency?.key ?? null,
    request_hash: idempotency?.key ? idempotency.request_hash ?? null : null,
  }
}

/** Every lock wait in this transaction from here on gives up after LOCK_TIMEOUT. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function boundLockWaits(knex: any): Promise<void> {
  await knex.raw(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`)
}

/** True for the refusal of a lock wait that ran out (ours, or PostgreSQL's own error). */
export function isAccountBusy(error: unknown): boolean {
  const e = error as { code?: string; type?: string; message?: string } | null
  return e?.code === LOCK_NOT_AVAILABLE || (e?.type === MedusaError.Types.CONFLICT && e?.message === ACCOUNT_BUSY_MESSAGE)
}

/** A lock wait that ran out fails this one request with a 409 saying to retry, not a raw 500. */
function rethrowLockTimeout(error: unknown): never {
  if (isAccountBusy(error)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, ACCOUNT_BUSY_MESSAGE)
  }
  throw error
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function transactionKnex(sharedContext: Context): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const knex = (sharedContext.transactionManager as any)?.getTransactionContext?.()
  if (!knex) {
    // A FOR UPDATE outside a transaction would release its lock at once.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Trade credit postings must run inside a database transaction."
    )
  }
  return knex
}

/**
 * Money goes to the generated create/update methods as exact decimal strings;
 * their generated types only admit JS numbers for bigNumber fields.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function asRow(row: Record<string, unknown>): any {
  return row
}
