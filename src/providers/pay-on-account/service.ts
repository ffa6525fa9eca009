import type {
  AuthorizePaymentInput,
  BigNumberInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  ProviderWebhookPayload,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  MathBN,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { roundToCurrency } from "../../modules/trade-credit/utils/money"
import { customerAccountFilter } from "../../utils/customer-account-filter"
import { PAY_ON_ACCOUNT_IDENTIFIER } from "./provider-id"

export const TRADE_CREDIT_MODULE_KEY = "trade_credit"
const QUERY_KEY = "query"

export type PayOnAccountOptions = {
  /**
   * `on_authorize` (default): the order is posted to the account's balance
   * when it is authorized, and Medusa's payment is captured right after the
   * order is placed. `manual`: it is reserved until an admin captures the
   * payment.
   */
  capture?: "on_authorize" | "manual"
}

/** What the provider keeps in the payment session. Written only by this provider. */
type SessionData = {
  account_id: string
  customer_id: string
  amount: string
  currency_code: string
  payment_session_id?: string
  entry_id?: string
  review_id?: string
  posted?: boolean
  over_limit?: boolean
}

const SETUP_HINT =
  'Add it to the payment module in medusa-config.ts: { resolve: "@medusajs/medusa/payment", dependencies: ["trade_credit", "query"], options: { providers: [{ resolve: "medusa-plugin-trade-credit/providers/pay-on-account", id: "on-account" }] } }.'

const SYSTEM_ACTOR = { type: "system" as const, name: "Pay on account" }

/**
 * Pay on account: a Medusa payment provider backed by the trade credit ledger.
 * Who pays is always derived from the authenticated customer (the payment
 * module passes it as `context.customer`), never from storefront data.
 */
class PayOnAccountProviderService extends AbstractPaymentProvider<PayOnAccountOptions> {
  static identifier = PAY_ON_ACCOUNT_IDENTIFIER

  protected readonly cradle_: Record<string, unknown>
  protected readonly options_: Required<PayOnAccountOptions>

  static validateOptions(options: Record<string, unknown>): void {
    const capture = options?.capture
    if (capture !== undefined && capture !== "on_authorize" && capture !== "manual") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Pay on account: option "capture" must be "on_authorize" or "manual", got ${JSON.stringify(capture)}.`
      )
    }
  }

  constructor(cradle: Record<string, unknown>, options: PayOnAccountOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>, PayOnAccountOptions]))
    this.cradle_ = cradle
    this.options_ = { capture: options.capture ?? "on_authorize" }
  }

  /** Resolved per call: the payment module may load before the trade credit module. */
  protected dependency<T>(key: string): T {
    let resolved: unknown
    try {
      resolved = this.cradle_[key]
    } catch {
      resolved = undefined
    }
    if (!resolved) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Pay on account can't reach "${key}" from the payment module. ${SETUP_HINT}`
      )
    }
    return resolved as T
  }

  protected get tradeCredit() {
    return this.dependency<TradeCreditModuleService>(TRADE_CREDIT_MODULE_KEY)
  }

  protected get query() {
    return this.dependency<{
      graph: (config: Record<string, unknown>) => Promise<{ data: Record<string, any>[] }> // eslint-disable-line @typescript-eslint/no-explicit-any
    }>(QUERY_KEY)
  }

  /**
   * The account a customer pays with in a currency: their company's (a
   * customer group of theirs with an account) if there is one, else their
   * own. `requested` may pick another account the customer may use.
   */
  protected async payingAccount(customerId: string, currencyCode: string, requested?: unknown) {
    const { $or } = await customerAccountFilter(this.query, customerId)
    const accounts = await this.tradeCredit.listTradeCreditAccounts(
      { $or, currency_code: currencyCode.toLowerCase() } as never,
      { order: { created_at: "ASC" } }
    )
    if (typeof requested === "string" && requested) {
      return accounts.find((a) => a.id === requested) ?? null
    }
    return accounts.find((a) => a.customer_group_id) ?? accounts[0] ?? null
  }

  protected async sessionData(
    customerId: string | undefined,
    amount: unknown,
    currencyCode: string,
    requestedAccount?: unknown
  ): Promise<SessionData> {
    if (!customerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Pay on account is for logged-in trade customers: log in, or choose another payment method."
      )
    }
    const account = await this.payingAccount(customerId, currencyCode, requestedAccount)
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        requestedAccount
          ? "That trade credit account can't be used by this customer."
          : `You have no trade credit account in ${currencyCode.toUpperCase()}: choose another payment method or ask us to open one.`
      )
    }
    if (account.status === "on_stop") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Your trade credit account is on stop: new orders on account are paused. Please contact us or choose another payment method."
      )
    }
    return {
      account_id: account.id,
      customer_id: customerId,
      // A total with tax carries more decimals than the currency: charge what can be paid.
      amount: roundToCurrency(amount as never, currencyCode),
      currency_code: currencyCode.toLowerCase(),
    }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = await this.sessionData(
      input.context?.customer?.id,
      input.amount,
      input.currency_code,
      input.data?.account_id
    )
    return { id: `${data.account_id}:${Date.now()}`, data }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const previous = (input.data ?? {}) as Partial<SessionData>
    const data = await this.sessionData(
      input.context?.customer?.id ?? previous.customer_id,
      input.amount,
      input.currency_code,
      previous.account_id
    )
    return { data }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = input.data as SessionData | undefined
    const sessionId = input.context?.idempotency_key
    if (!data?.account_id || !data.customer_id || !data.amount || !sessionId) {
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        "This payment session was not started by pay on account; start the payment again."
      )
    }
    // Membership may have changed since the session began; both look-ups are independent.
    const [account, order] = await Promise.all([
      this.payingAccount(data.customer_id, data.currency_code, data.account_id),
      this.orderOfSession(sessionId),
    ])
    if (!account) {
      throw new MedusaError(
        MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
        "This customer may no longer pay with that trade credit account."
      )
    }
    const result = await this.tradeCredit.authorizeOnAccount({
      account_id: data.account_id,
      payment_session_id: sessionId,
      amount: data.amount,
      currency_code: data.currency_code,
      customer_id: data.customer_id,
      order_id: order?.id ?? null,
      order_display_id: order?.display_id ?? null,
      capture: this.options_.capture === "on_authorize",
      default_over_limit_policy: this.tradeCredit.getOptions().defaultOverLimitPolicy,
      actor: { type: "customer", id: data.customer_id, name: order?.email ?? null },
    })
    const next: SessionData = {
      ...data,
      payment_session_id: sessionId,
      entry_id: result.entry_id,
      review_id: result.review_id,
      posted: result.posted,
      over_limit: result.over_limit,
    }
    // AUTHORIZED even when the order was posted to the balance (`posted`):
    // Medusa's capture of it runs once the order is placed (the
    // confirm-order-on-account workflow), so checkout doesn't wait for that
    // bookkeeping. The credit was taken here either way.
    const status =
      result.status === "pending_authorization"
        ? PaymentSessionStatus.PENDING_AUTHORIZATION
        : PaymentSessionStatus.AUTHORIZED
    return { status, data: next }
  }

  /** The order a payment session pays for (the link exists before authorization). */
  protected async orderOfSession(sessionId: string) {
    const { data } = await this.query.graph({
      entity: "payment_session",
      fields: [
        "id",
        "payment_collection.order.id",
        "payment_collection.order.display_id",
        "payment_collection.order.email",
        "payment_collection.order.fulfillments.id",
        "payment_collection.order.fulfillments.canceled_at",
      ],
      filters: { id: sessionId },
    })
    return (data[0]?.payment_collection?.order ?? null) as {
      id: string
      display_id: number
      email: string
      fulfillments?: ({ id: string; canceled_at: string | null } | null)[]
    } | null
  }

  /**
   * Medusa records its capture (the row exists, committed) before it asks the
   * provider, passes the capture id as idempotency key, and deletes the row
   * again when the provider throws. The ledger records exactly what Medusa
   * captured; the capture that completes the payment takes all that is still
   * reserved (the order total Medusa computed was rounded once, at
   * authorization).
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = input.data as SessionData
    if (!data?.payment_session_id) {
      return { data }
    }
    const captureId = input.context?.idempotency_key ?? `payment-session:${data.payment_session_id}`
    // Also for orders posted at authorization: the ledger records the capture,
    // and refuses it when a racing cancel already gave the credit back. Read
    // before the ledger's transaction: no lock is held while Query runs.
    const amount = data.posted || !input.context?.idempotency_key ? null : await this.partOfPayment("capture", captureId, data.currency_code)
    await this.tradeCredit.captureOnAccount({
      payment_session_id: data.payment_session_id,
      capture_id: captureId,
      amount,
      actor: SYSTEM_ACTOR,
    })
    return { data: { ...data, posted: data.posted || amount === null } }
  }

  /**
   * The amount of one Medusa capture or refund of a payment, or null when it
   * completes the payment (the last capture of what was authorized, or the
   * refund of everything still captured): Medusa computes those from totals
   * that may carry more decimals than the currency, and the ledger then takes
   * all that remains. Any other amount is passed on as Medusa recorded it, for
   * the ledger to accept to the cent or refuse.
   */
  protected async partOfPayment(entity: "capture" | "refund", id: string, currencyCode: string): Promise<BigNumberInput | null> {
    const { data } = await this.query.graph({ entity, fields: ["id", "raw_amount", "payment.id"], filters: { id } })
    const row = data[0]
    if (!row?.payment?.id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Medusa's ${entity} ${id} was not found.`)
    }
    // The payment's totals, this capture or refund included (Medusa saved it before asking us).
    const { data: payments } = await this.query.graph({
      entity: "payment",
      fields: ["id", "raw_amount", "captures.raw_amount", "refunds.raw_amount"],
      filters: { id: row.payment.id },
    })
    const payment = payments[0]
    const sum = (rows: { raw_amount: BigNumberInput }[] | undefined) =>
      (rows ?? []).reduce((total, r) => MathBN.add(total, r.raw_amount), MathBN.convert(0))
    const captured = sum(payment?.captures)
    const left =
      entity === "capture" ? MathBN.sub(payment?.raw_amount ?? 0, captured) : MathBN.sub(captured, sum(payment?.refunds))
    return MathBN.lte(roundToCurrency(left, currencyCode), 0) ? null : row.raw_amount
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = input.data as SessionData
    if (!data?.payment_session_id) {
      return { data }
    }
    // The payment module also calls cancelPayment when saving the Payment of a
    // successful authorization fails, e.g. a second completion of the same cart
    // racing the first ("Payment with payment_session_id ... already exists").
    // The authorization it rolls back is then the one the winner's live Payment
    // stands on: only a cancel of that Payment itself may revert it.
    const { data: payments } = await this.query.graph({
      entity: "payment",
      fields: ["id", "canceled_at"],
      filters: { payment_session_id: data.payment_session_id },
    })
    const paymentId = input.context?.idempotency_key
    const heldByAnother = payments.some((p) => !p.canceled_at && p.id !== paymentId)
    if (!heldByAnother) {
      // Medusa cancels a payment it saw uncaptured, but the capture that follows
      // an order's placement may have reached the ledger since: the ledger
      // refuses the cancel then, so exactly one of the two wins.
      await this.tradeCredit.revertOnAccount({
        payment_session_id: data.payment_session_id,
        actor: SYSTEM_ACTOR,
        refuse_if_captured: !!paymentId,
      })
    }
    return { data }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data as SessionData
    const refundId = input.context?.idempotency_key
    if (!data?.payment_session_id || !refundId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment was not paid on account.")
    }
    // Medusa records the refund before it asks the provider and deletes it
    // when the provider throws: a refund the ledger refuses (more decimals
    // than the currency, more than is charged) is recorded by neither.
    const [order, amount] = await Promise.all([
      this.orderOfSession(data.payment_session_id),
      this.partOfPayment("refund", refundId, data.currency_code),
    ])
    await this.tradeCredit.refundOnAccount({
      payment_session_id: data.payment_session_id,
      refund_id: refundId,
      amount,
      order_unfulfilled: order ? !(order.fulfillments ?? []).some((f) => f && !f.canceled_at) : false,
      actor: SYSTEM_ACTOR,
    })
    return { data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    // Nothing is taken from the account before authorization.
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = (input.data ?? {}) as Partial<SessionData>
    const status = data.posted
      ? PaymentSessionStatus.CAPTURED
      : data.entry_id
        ? PaymentSessionStatus.AUTHORIZED
        : data.review_id
          ? PaymentSessionStatus.PENDING_AUTHORIZATION
          : PaymentSessionStatus.PENDING
    return { status, data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  async createAccountHolder(input: CreateAccountHolderInput): Promise<CreateAccountHolderOutput> {
    return { id: input.context.customer.id }
  }

  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default PayOnAccountProviderService
