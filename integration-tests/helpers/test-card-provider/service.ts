import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"

/**
 * TEST ONLY: a card provider that models an external card processor, for the
 * HTTP and multi-process tests (medusa-config.ts registers it only when
 * TRADE_CREDIT_TEST_CARD_PROVIDER=1). Never part of the plugin's build.
 *
 * The "processor" decides, not the caller of authorize: the storefront's
 * confirmation with the processor is modelled by a card token in the session
 * data (as Stripe's test tokens):
 * - `tok_visa`: approved. With `capture_method: "automatic"` the processor
 *   captures at once and authorize answers `captured`; otherwise authorize
 *   answers `authorized` and the processor captures when Medusa asks.
 * - `tok_chargeDeclined`: declined (authorize answers `error`).
 * - no token: the buyer never confirmed the card (authorize answers `pending`).
 *
 * Webhooks: `POST /hooks/payment/test-card_<id>` with
 * `{type: "charge.captured", session_id, amount}` reports a capture the
 * processor made (a real provider verifies the processor's signature).
 */
export const APPROVED_TOKEN = "tok_visa"
export const DECLINED_TOKEN = "tok_chargeDeclined"

type ChargeData = {
  charge_id: string
  token?: string
  capture_method?: "automatic" | "manual"
  amount?: unknown
  currency_code?: string
  state?: "created" | "authorized" | "captured" | "declined" | "canceled" | "refunded"
  decline_code?: string
  session_id?: string
}

class TestCardProviderService extends AbstractPaymentProvider<Record<string, unknown>> {
  static identifier = "test-card"

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const given = (input.data ?? {}) as Record<string, unknown>
    const charge: ChargeData = {
      charge_id: `ch_test_${randomUUID()}`,
      token: typeof given.token === "string" ? given.token : undefined,
      capture_method: given.capture_method === "automatic" ? "automatic" : "manual",
      amount: input.amount,
      currency_code: input.currency_code,
      session_id: typeof given.session_id === "string" ? given.session_id : undefined,
      state: "created",
    }
    return { id: charge.charge_id, data: charge }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: { ...(input.data ?? {}), amount: input.amount, currency_code: input.currency_code } }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const charge = (input.data ?? {}) as ChargeData
    if (charge.state === "captured") {
      return { status: PaymentSessionStatus.CAPTURED, data: { ...charge } }
    }
    if (charge.token === DECLINED_TOKEN) {
      return {
        status: PaymentSessionStatus.ERROR,
        data: { ...charge, state: "declined", decline_code: "card_declined" },
      }
    }
    if (charge.token !== APPROVED_TOKEN) {
      return { status: PaymentSessionStatus.PENDING, data: { ...charge } }
    }
    if (charge.capture_method === "automatic") {
      return { status: PaymentSessionStatus.CAPTURED, data: { ...charge, state: "captured" } }
    }
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...charge, state: "authorized" } }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const charge = (input.data ?? {}) as ChargeData
    if (charge.state !== "authorized" && charge.state !== "captured") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Test card processor: charge ${charge.charge_id} is ${charge.state}, not authorized.`)
    }
    return { data: { ...charge, state: "captured" } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...(input.data ?? {}), state: "canceled" } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: { ...(input.data ?? {}), state: "refunded" } }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const charge = (input.data ?? {}) as ChargeData
    const status =
      charge.state === "captured"
        ? PaymentSessionStatus.CAPTURED
        : charge.state === "authorized"
          ? PaymentSessionStatus.AUTHORIZED
          : charge.state === "declined"
            ? PaymentSessionStatus.ERROR
            : PaymentSessionStatus.PENDING
    return { status, data: charge }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const event = (payload?.data ?? {}) as { type?: string; session_id?: string; amount?: number }
    if (event.type === "charge.captured" && event.session_id) {
      return { action: PaymentActions.SUCCESSFUL, data: { session_id: event.session_id, amount: event.amount ?? 0 } }
    }
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default TestCardProviderService
