import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { roundToCurrency } from "../../modules/trade-credit/utils/money"

/**
 * How much of an on-account payment to capture now (`capture:
 * "on_invoice_paid"`): what its invoices were paid, less what Medusa already
 * captured, never more than is left uncaptured. Once the invoices are paid in
 * full (at least the authorized amount, rounded to the currency), the rest of
 * the payment is taken, whatever decimals Medusa's total carries. What a
 * bounced payment later takes back off an invoice stays captured (Medusa
 * can't un-capture): the level is only ever raised. Null: nothing to capture.
 */
export function amountToCapture(input: {
  authorized: BigNumberInput
  captured: BigNumberInput
  paid: BigNumberInput
  /** What credit notes took off the invoices without a Medusa refund (an order edit or return of the unpaid part). */
  credited?: BigNumberInput
  currency_code: string
}): string | null {
  const { currency_code } = input
  // What the order still charges: Medusa's authorized amount less the credit notes.
  const charged = MathBN.sub(input.authorized, input.credited ?? 0)
  const uncaptured = MathBN.sub(charged, input.captured)
  if (MathBN.lte(roundToCurrency(uncaptured, currency_code), 0)) {
    return null
  }
  const paidInFull = MathBN.gte(roundToCurrency(input.paid, currency_code), roundToCurrency(charged, currency_code))
  const due = paidInFull ? uncaptured : MathBN.sub(input.paid, input.captured)
  if (MathBN.lte(roundToCurrency(due, currency_code), 0)) {
    return null
  }
  return MathBN.min(due, uncaptured).toString()
}
