import type { Context, InferEntityType } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import type LedgerEntry from "./models/ledger-entry"
import type CreditReview from "./models/credit-review"
import type {
  AuthorizeOnAccountInput,
  AuthorizeOnAccountResult,
  CaptureOnAccountInput,
  NameOrderOfSessionInput,
  RefundOnAccountInput,
  RevertOnAccountInput,
} from "./types"
import { currencyDecimals, parseAmount } from "./utils/money"
import { internalIdempotencyKey } from "./utils/idempotency-keys"
import { decideAuthorization } from "./utils/authorization"
import { asRow, authorized, decidedBy } from "./utils/posting"
import { mayUseAccount } from "./utils/paying-account"
import {
  ACCOUNT_BUSY_MESSAGE,
  ACCOUNT_NO_LONGER_USABLE_MESSAGE,
  AUTHORIZATION_RELEASED_MESSAGE,
  CANCEL_AFTER_CAPTURE_MESSAGE,
  CAPTURE_AFTER_CANCEL_MESSAGE,
  currencyMismatchMessage,
  NOTHING_TO_REFUND_MESSAGE,
  overdueHoldComment,
  paymentRefusal,
  refundTooLargeMessage,
} from "./utils/refusals"
import { isAccountBusy, lockAccount, writeOrderOfSession } from "./repositories/ledger-locks"
import { lockAccountAndReadSession, newEntryId } from "./repositories/ledger-writes"
import { CreditControlService } from "./credit-control-service"

export { ACCOUNT_BUSY_MESSAGE } from "./utils/refusals"
export { isAccountBusy } from "./repositories/ledger-locks"
export { DEFAULT_ENTRY_PAGE, MAX_ENTRY_PAGE, type PostingResult } from "./ledger-service"

type LedgerEntryRecord = InferEntityType<typeof LedgerEntry>
type CreditReviewRecord = InferEntityType<typeof CreditReview>

/**
 * The trade credit module: the operations of pay on account at checkout, on
 * top of the ledger (`LedgerService`), the accounts (`AccountService`), the
 * customer's balance (`BalanceService`) and credit control
 * (`CreditControlService`). Each runs in ONE transaction under the
 * locks it needs (the order's purchase entry, then the account row) and decides
 * with the pure rules in `utils/`, so racing checkouts, captures and cancels in
 * any number of processes serialize and one of two contradicting requests wins.
 */
export default class TradeCreditModuleService extends CreditControlService {
  /**
   * Pay on account: decides an order's authorization in ONE transaction under
   * the account's row lock, so two carts of one company completing at once in
   * any number of processes can't both spend the same credit. The decision
   * table is `decideAuthorization`. Retries of the same payment session
   * return the first decision.
   */
  async authorizeOnAccount(
    input: AuthorizeOnAccountInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuthorizeOnAccountResult> {
    // Without a caller's transaction the authorization runs in its own, which its posting may commit (writePosting_).
    return await this.authorizeOnAccount_(input, !sharedContext.transactionManager, sharedContext)
  }

  @InjectTransactionManager()
  protected async authorizeOnAccount_(
    input: AuthorizeOnAccountInput,
    ownTransaction: boolean,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuthorizeOnAccountResult> {
    // The caller that checks the customer (customer_group_ids) has them refused, not told "not found".
    const checksCustomer = !!input.customer_id && !!input.customer_group_ids
    // At checkout a busy account is a refusal the storefront shows the buyer. The lock and what the
    // session already has come in one round trip (the read sees the checkout that held the lock
    // before); the overdue invoices only when the account's policy can act on them.
    const now = new Date()
    const entryId = newEntryId()
    const { row, purchase, reverted, review, overdue } = await lockAccountAndReadSession<LedgerEntryRecord, CreditReviewRecord>(
      sharedContext,
      input.account_id,
      input.payment_session_id,
      now
    ).catch((e) => {
      if (checksCustomer && (e as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        throw paymentRefusal(ACCOUNT_NO_LONGER_USABLE_MESSAGE)
      }
      throw isAccountBusy(e) ? paymentRefusal(ACCOUNT_BUSY_MESSAGE) : e
    })
    // Membership may have changed since the payment session began: asked of the row just locked
    // (`mayUseAccount`: the rule of `payingAccount`'s list), not by listing the accounts again.
    if (checksCustomer && !mayUseAccount(row, input.customer_id as string, input.customer_group_ids)) {
      throw paymentRefusal(ACCOUNT_NO_LONGER_USABLE_MESSAGE)
    }
    const currency = row.currency_code
    if (String(input.currency_code).toLowerCase() !== currency) {
      throw paymentRefusal(currencyMismatchMessage(String(input.currency_code), currency))
    }
    const amount = parseAmount(input.amount, currency, "amount", { allowNegative: false })
    if (purchase) {
      // Credit given back (a cancel, the orphaned-authorization sweep) is never handed out again for free.
      if (reverted) {
        throw paymentRefusal(AUTHORIZATION_RELEASED_MESSAGE)
      }
      return authorized(row.id, purchase)
    }
    const decision = decideAuthorization({
      row,
      amount,
      review: review ?? null,
      actor: input.actor,
      default_over_limit_policy: input.default_over_limit_policy,
      overdue: overdue ? this.receivables_.overdue(row, now, overdue) : null,
    })
    if (decision.kind === "refuse") {
      throw paymentRefusal(decision.message)
    }
    if (decision.kind === "pending") {
      // Only a session's own review is ever pending.
      const pending = review as CreditReviewRecord
      if (!pending.order_id && input.order_id) {
        await this.updateTradeCreditReviews(
          { id: pending.id, order_id: input.order_id, order_display_id: input.order_display_id ?? null },
          sharedContext
        )
      }
      return { status: "pending_authorization", account_id: row.id, review_id: pending.id, posted: false, over_limit: true }
    }
    if (decision.kind === "hold") {
      const created = await this.createTradeCreditReviews(
        asRow({
          account_id: row.id,
          payment_session_id: input.payment_session_id,
          order_id: input.order_id ?? null,
          order_display_id: input.order_display_id ?? null,
          customer_id: input.customer_id ?? null,
          currency_code: currency,
          amount: amount.toString(),
          available_credit: decision.available.toString(),
          amount_over: decision.over.toString(),
          reason: decision.reason,
          comment: decision.overdue ? overdueHoldComment(decision.overdue, currency) : null,
        }),
        sharedContext
      )
      return { status: "pending_authorization", account_id: row.id, review_id: created.id, posted: false, over_limit: true }
    }
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
        comment: decision.comment,
        actor: decision.actor,
        idempotency: { key: internalIdempotencyKey("authorize", input.payment_session_id) },
      },
      sharedContext,
      { endsOwnTransaction: ownTransaction, entryId }
    )
    return authorized(row.id, entry)
  }

  /**
   * Names the placed order on a payment session's postings and credit review.
   * They normally name it already; but two completions of one cart can run
   * side by side, and the first to reach the ledger may be the attempt that
   * is rolled back.
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
    const [entries, reviews, invoices] = await Promise.all([
      this.listTradeCreditLedgerEntries({ payment_session_id: input.payment_session_id }, select, sharedContext),
      this.listTradeCreditReviews({ payment_session_id: input.payment_session_id }, select, sharedContext),
      this.listTradeCreditInvoices({ payment_session_id: input.payment_session_id }, select, sharedContext),
    ])
    if (entries.every(named) && reviews.every(named) && invoices.every(named)) {
      return { entries: 0, reviews: 0 }
    }
    return await this.nameOrderOfSession_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async nameOrderOfSession_(
    input: NameOrderOfSessionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: number; reviews: number }> {
    return await writeOrderOfSession(sharedContext, input)
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
  @InjectTransactionManager()
  async captureOnAccount(
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
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CAPTURE_AFTER_CANCEL_MESSAGE)
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
      const row = await lockAccount(sharedContext, purchase.account_id)
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
   * `reverted` entry naming the purchase it reverses, once; and closes a
   * pending credit review.
   */
  @InjectTransactionManager()
  async revertOnAccount(
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
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, CANCEL_AFTER_CAPTURE_MESSAGE)
      }
    }
    const row = await lockAccount(sharedContext, accountId)
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
        reverses_entry_id: purchase.id,
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
   * still charged, naming the purchase it gives back. Medusa cancels a
   * captured order by refunding it in full; when the caller says the order
   * shipped nothing (`order_unfulfilled`), a refund of everything still
   * charged is that cancel and is `reverted`.
   */
  @InjectTransactionManager()
  async refundOnAccount(
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
    const row = await lockAccount(sharedContext, purchase.account_id)
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
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, NOTHING_TO_REFUND_MESSAGE)
    }
    if (amount.gt(posted)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, refundTooLargeMessage(amount, posted, row.currency_code))
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
        reverses_entry_id: purchase.id,
        reference: input.refund_id,
        actor: input.actor,
        idempotency: { key },
      },
      sharedContext
    )
    return { entry }
  }
}
