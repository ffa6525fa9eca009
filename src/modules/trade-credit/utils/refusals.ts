import { MedusaError } from "@medusajs/framework/utils"
import { currencyDecimals } from "./money"
import type BigNumberJS from "bignumber.js"

/**
 * Every refusal the ledger words for a buyer or a merchant, in one place:
 * the module, the provider and the routes throw these, never their own copy.
 */

/** A lock wait ran out: the request fails alone and may simply be retried. */
export const ACCOUNT_BUSY_MESSAGE = "The account is busy with another payment; try again."

/** The account is on stop: no new order on account, and no held order released by a buyer. */
export const ON_STOP_MESSAGE =
  "This trade credit account is on stop: new orders on account are paused. Please contact us or choose another payment method."
export const ON_STOP_RELEASE_MESSAGE =
  "This account is on stop: a held order can't be released until the account is back in normal status. Please contact us."

export const NOT_LOGGED_IN_MESSAGE =
  "Pay on account is for logged-in trade customers: log in, or choose another payment method."
export const ACCOUNT_NOT_USABLE_MESSAGE = "That trade credit account can't be used by this customer."
export const NOT_STARTED_HERE_MESSAGE = "This payment session was not started by pay on account; start the payment again."
export const ACCOUNT_NO_LONGER_USABLE_MESSAGE = "This customer may no longer pay with that trade credit account."
/** A payment session whose authorization was given back (canceled, or released by the orphaned-authorization sweep). */
export const AUTHORIZATION_RELEASED_MESSAGE =
  "This payment on account was released because the checkout did not complete; choose pay on account again to place the order."

export function noAccountMessage(currency: string): string {
  return `You have no trade credit account in ${currency.toUpperCase()}: choose another payment method or ask us to open one.`
}

export function currencyMismatchMessage(orderCurrency: string, accountCurrency: string): string {
  return `This order is in ${orderCurrency.toUpperCase()}, but the trade credit account is in ${accountCurrency.toUpperCase()}.`
}

export function reviewClosedMessage(status: string): string {
  return `This order's credit review was ${status}; it can't be paid on account.`
}

type Amount = { toFixed(decimals: number): string }

/**
 * Not enough available credit. `for`: a checkout (`order`), a buyer's
 * release of a held order (`release`), or a posting that must stay within
 * the limit (`posting`).
 */
export function notEnoughCreditMessage(
  available: Amount,
  over: Amount,
  currency: string,
  kind: "order" | "release" | "posting"
): string {
  const d = currencyDecimals(currency)
  const code = currency.toUpperCase()
  switch (kind) {
    case "release":
      return `Not enough available credit to release this order: ${available.toFixed(d)} ${code} available, the order is ${over.toFixed(d)} over the limit.`
    case "order":
      return `Not enough available credit: ${available.toFixed(d)} ${code} available, this order is ${over.toFixed(d)} over the limit.`
    default:
      return `Not enough available credit: ${available.toFixed(d)} ${code} available, ${over.toFixed(d)} over the limit.`
  }
}

/** An invoice overdue past its grace days, as a refusal names it. */
export type OverdueInvoice = { number: string; amount_open: Amount; days_overdue: number }

function overdueList(invoices: OverdueInvoice[], currency: string): string {
  const d = currencyDecimals(currency)
  const code = currency.toUpperCase()
  return invoices
    .map((i) => `${i.number} (${i.amount_open.toFixed(d)} ${code} open, ${i.days_overdue} ${i.days_overdue === 1 ? "day" : "days"} overdue)`)
    .join(", ")
}

/** Pay on account refused while invoices are overdue (policy `block`, or a buyer's release under `hold`). */
export function overdueMessage(invoices: OverdueInvoice[], currency: string): string {
  const what = invoices.length === 1 ? "an invoice is overdue" : `${invoices.length} invoices are overdue`
  return `Pay on account is paused because ${what}: ${overdueList(invoices, currency)}. Pay ${invoices.length === 1 ? "it" : "them"} to order on account again, or choose another payment method.`
}

/** The note on an order held for review because of overdue invoices. */
export function overdueHoldComment(invoices: OverdueInvoice[], currency: string): string {
  return `Held: overdue invoices ${overdueList(invoices, currency)}`
}

/** A refusal the storefront shows the buyer as worded (Medusa returns it with the cart). */
export function paymentRefusal(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, message)
}

export const CAPTURE_AFTER_CANCEL_MESSAGE =
  "This order's credit was given back when it was canceled, so its payment can't be captured."
export const CANCEL_AFTER_CAPTURE_MESSAGE =
  "This order's payment on account was captured a moment ago: cancel the order again and it will be refunded to the account."

export const NOTHING_TO_REFUND_MESSAGE =
  "Nothing is charged to the account for this order any more, so there is nothing to refund."

/** A refund larger than what the order still has charged to the account. */
export function refundTooLargeMessage(amount: BigNumberJS, charged: BigNumberJS, currency: string): string {
  const decimals = currencyDecimals(currency)
  return `Refund of ${amount.toFixed(decimals)} ${currency.toUpperCase()} is more than the ${charged.toFixed(decimals)} still charged to the account for this order.`
}
