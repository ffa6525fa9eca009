import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import { CAPTURE_MODES, type CaptureMode } from "../../modules/trade-credit/constants"

export type PayOnAccountOptions = {
  /**
   * `on_invoice_paid` (default): the order is posted to the account's balance
   * when it is authorized, and Medusa's payment stays authorized until the
   * order's invoice is paid: each payment allocated to it is captured (a
   * partial payment is a partial capture). `on_authorize`: posted at
   * authorization and captured right after the order is placed. `manual`:
   * reserved until an admin captures the payment.
   */
  capture?: CaptureMode
}

export function validatePayOnAccountOptions(options: Record<string, unknown>): void {
  const capture = options?.capture
  if (capture !== undefined && !(CAPTURE_MODES as readonly unknown[]).includes(capture)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Pay on account: option "capture" must be one of ${CAPTURE_MODES.map((m) => `"${m}"`).join(", ")}, got ${JSON.stringify(capture)}.`
    )
  }
}

/** What the provider keeps in the payment session. Written only by the provider. */
export type SessionData = {
  account_id: string
  customer_id: string
  amount: string
  currency_code: string
  payment_session_id?: string
  entry_id?: string
  review_id?: string
  posted?: boolean
  over_limit?: boolean
  /** The provider's capture mode when it authorized (absent on sessions authorized before the option existed: `on_authorize`). */
  capture?: CaptureMode
}

/** Whether a payment's capture follows its invoice's payments (`capture: "on_invoice_paid"`). */
export function capturesOnInvoicePaid(data: { capture?: unknown } | null | undefined): boolean {
  return data?.capture === "on_invoice_paid"
}

/** Where a session stands, from what the provider wrote into it. */
export function sessionStatus(data: Partial<SessionData>) {
  // Under on_invoice_paid the payment is captured as its invoice is paid, not when posted.
  return data.posted && !capturesOnInvoicePaid(data)
    ? PaymentSessionStatus.CAPTURED
    : data.entry_id
      ? PaymentSessionStatus.AUTHORIZED
      : data.review_id
        ? PaymentSessionStatus.PENDING_AUTHORIZATION
        : PaymentSessionStatus.PENDING
}

const SETUP_HINT =
  'Add it to the payment module in medusa-config.ts: { resolve: "@medusajs/medusa/payment", dependencies: ["trade_credit", "query"], options: { providers: [{ resolve: "medusa-plugin-trade-credit/providers/pay-on-account", id: "on-account" }] } }.'

/**
 * A dependency of the provider, resolved per call from the payment module's
 * container (the payment module may load before the trade credit module),
 * with a setup hint when the store did not declare it.
 */
export function resolveDependency<T>(cradle: Record<string, unknown>, key: string): T {
  const resolved = optionalDependency<T>(cradle, key)
  if (!resolved) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Pay on account can't reach "${key}" from the payment module. ${SETUP_HINT}`)
  }
  return resolved as T
}

/** A dependency the provider can do without (the container's resolver throws for a missing one): undefined then. */
export function optionalDependency<T>(cradle: Record<string, unknown>, key: string): T | undefined {
  try {
    return (cradle[key] as T | undefined) ?? undefined
  } catch {
    return undefined
  }
}
