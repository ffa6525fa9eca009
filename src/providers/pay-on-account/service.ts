import type {
  AuthorizePaymentInput, AuthorizePaymentOutput, CancelPaymentInput, CancelPaymentOutput, CapturePaymentInput,
  CapturePaymentOutput, CreateAccountHolderInput, CreateAccountHolderOutput, DeletePaymentInput, DeletePaymentOutput,
  GetPaymentStatusInput, GetPaymentStatusOutput, InitiatePaymentInput, InitiatePaymentOutput, RefundPaymentInput,
  RefundPaymentOutput, RetrievePaymentInput, RetrievePaymentOutput, UpdatePaymentInput, UpdatePaymentOutput,
  Logger, ProviderWebhookPayload, WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, ContainerRegistrationKeys, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { NOT_LOGGED_IN_MESSAGE, NOT_STARTED_HERE_MESSAGE } from "../../modules/trade-credit/utils/refusals"
import { customerGroupIds } from "../../utils/customer-account-filter"
import { crashPoint } from "../../utils/test-crash-point"
import {
  checkoutOfSession, type GraphQuery, heldByAnotherPayment, orderOfSession, partOfPayment, shippedNothing, type SqlConnection,
} from "./medusa-payments"
import { DEFAULT_CAPTURE_MODE } from "../../modules/trade-credit/constants"
import { PAY_ON_ACCOUNT_IDENTIFIER } from "./provider-id"
import {
  optionalDependency, type PayOnAccountOptions, resolveDependency, type SessionData, sessionStatus, validatePayOnAccountOptions,
} from "./session"

export type { PayOnAccountOptions } from "./session"

export const TRADE_CREDIT_MODULE_KEY = "trade_credit"

const SYSTEM_ACTOR = { type: "system" as const, name: "Pay on account" }

/**
 * Pay on account: a Medusa payment provider backed by the trade credit ledger.
 * It maps payment-session data to the module's operations; the rules (which
 * account pays, the credit decision, races between capture and cancel) are
 * the module's. Who pays is always derived from the authenticated customer
 * (the payment module passes it as `context.customer`), never from storefront data.
 */
class PayOnAccountProviderService extends AbstractPaymentProvider<PayOnAccountOptions> {
  static identifier = PAY_ON_ACCOUNT_IDENTIFIER
  protected readonly cradle_: Record<string, unknown>
  protected readonly options_: Required<PayOnAccountOptions>

  static validateOptions(options: Record<string, unknown>): void {
    validatePayOnAccountOptions(options)
  }

  constructor(cradle: Record<string, unknown>, options: PayOnAccountOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>, PayOnAccountOptions]))
    this.cradle_ = cradle
    this.options_ = { capture: options.capture ?? DEFAULT_CAPTURE_MODE }
  }

  protected get tradeCredit() {
    return resolveDependency<TradeCreditModuleService>(this.cradle_, TRADE_CREDIT_MODULE_KEY)
  }

  protected get query() {
    return resolveDependency<GraphQuery>(this.cradle_, "query")
  }

  /** Set once Medusa's tables turned out not to be in the plugin's database: Query reads them from then on. */
  protected sqlUnavailable_ = false

  /** Where the authorization reads Medusa's records (`checkoutOfSession`): one SQL statement, or Query. */
  protected get medusaRecords() {
    const db = this.sqlUnavailable_ ? null : optionalDependency<SqlConnection>(this.cradle_, ContainerRegistrationKeys.PG_CONNECTION) ?? null
    const schemaMismatch = (why: string) => {
      this.sqlUnavailable_ = true
      optionalDependency<Logger>(this.cradle_, ContainerRegistrationKeys.LOGGER)?.warn(
        `Pay on account: reading the order and the buyer's groups through Query from now on (${why}).`
      )
    }
    return { db, query: this.query, schemaMismatch }
  }

  protected async startSession(customerId: string | undefined, input: { amount: unknown; currency_code: string }, requested?: unknown) {
    if (!customerId) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, NOT_LOGGED_IN_MESSAGE)
    }
    const groupIds = await customerGroupIds(this.query, customerId)
    const { currency_code, amount } = input
    return await this.tradeCredit.startOnAccountSession({
      customer_id: customerId, customer_group_ids: groupIds, currency_code, amount: amount as never, requested_account_id: requested,
    })
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = await this.startSession(input.context?.customer?.id, input, input.data?.account_id)
    return { id: `${data.account_id}:${Date.now()}`, data }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const previous = (input.data ?? {}) as Partial<SessionData>
    return { data: await this.startSession(input.context?.customer?.id ?? previous.customer_id, input, previous.account_id) }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = input.data as SessionData | undefined
    const sessionId = input.context?.idempotency_key
    if (!data?.account_id || !data.customer_id || !data.amount || !sessionId) {
      throw new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, NOT_STARTED_HERE_MESSAGE)
    }
    // Before the ledger's transaction (no lock is held while Medusa's records are read).
    const { order, customer_group_ids: groupIds } = await checkoutOfSession(this.medusaRecords, sessionId, data.customer_id)
    crashPoint("authorize:before-ledger")
    const result = await this.tradeCredit.authorizeOnAccount({
      account_id: data.account_id,
      payment_session_id: sessionId,
      amount: data.amount,
      currency_code: data.currency_code,
      customer_id: data.customer_id,
      customer_group_ids: groupIds,
      order_id: order?.id ?? null,
      order_display_id: order?.display_id ?? null,
      capture: this.options_.capture !== "manual",
      default_over_limit_policy: this.tradeCredit.getOptions().defaultOverLimitPolicy,
      actor: { type: "customer", id: data.customer_id, name: order?.email ?? null },
    })
    crashPoint("authorize:after-ledger")
    const { entry_id, review_id, posted, over_limit } = result
    // AUTHORIZED even when the order was posted to the balance (`posted`):
    // Medusa's capture of it runs once the order is placed (`on_authorize`),
    // or as its invoice is paid (`on_invoice_paid`). The credit was taken
    // here either way; a capture never posts to the ledger again.
    const status = result.status === "pending_authorization" ? PaymentSessionStatus.PENDING_AUTHORIZATION : PaymentSessionStatus.AUTHORIZED
    return { status, data: { ...data, payment_session_id: sessionId, entry_id, review_id, posted, over_limit, capture: this.options_.capture } }
  }

  /**
   * Medusa records its capture before it asks the provider, passes the capture
   * id as idempotency key, and deletes the capture again when the provider
   * throws. The ledger records each capture once, and refuses it when a
   * racing cancel already gave the credit back.
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = input.data as SessionData
    if (!data?.payment_session_id) {
      return { data }
    }
    const key = input.context?.idempotency_key
    // Read before the ledger's transaction: no lock is held while Query runs.
    const amount = data.posted || !key ? null : await partOfPayment(this.query, "capture", key, data.currency_code)
    await this.tradeCredit.captureOnAccount({
      payment_session_id: data.payment_session_id,
      capture_id: key ?? `payment-session:${data.payment_session_id}`,
      amount,
      actor: SYSTEM_ACTOR,
    })
    crashPoint("capture:after-ledger")
    return { data: { ...data, posted: data.posted || amount === null } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = input.data as SessionData
    const paymentId = input.context?.idempotency_key
    if (data?.payment_session_id && !(await heldByAnotherPayment(this.query, data.payment_session_id, paymentId))) {
      // A cancel of a payment Medusa saw uncaptured loses to a capture that
      // reached the ledger first: exactly one of the two wins.
      await this.tradeCredit.revertOnAccount({ payment_session_id: data.payment_session_id, actor: SYSTEM_ACTOR, refuse_if_captured: !!paymentId })
      crashPoint("cancel:after-ledger")
    }
    return { data }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data as SessionData
    const refundId = input.context?.idempotency_key
    if (!data?.payment_session_id || !refundId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment was not paid on account.")
    }
    // A refund the ledger refuses is deleted again by Medusa: recorded by neither.
    const session = data.payment_session_id
    const [order, amount] = await Promise.all([orderOfSession(this.query, session, { fulfillments: true }), partOfPayment(this.query, "refund", refundId, data.currency_code)])
    await this.tradeCredit.refundOnAccount({
      payment_session_id: data.payment_session_id,
      refund_id: refundId,
      amount,
      order_unfulfilled: shippedNothing(order),
      actor: SYSTEM_ACTOR,
    })
    crashPoint("refund:after-ledger")
    return { data }
  }

  /** Nothing is taken from the account before authorization. */
  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: sessionStatus((input.data ?? {}) as Partial<SessionData>), data: input.data }
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
