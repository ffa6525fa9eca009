import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { isPayOnAccountProvider } from "../../providers/pay-on-account/provider-id"
import { capturesOnInvoicePaid } from "../../providers/pay-on-account/session"
import { withInvoiceCaptureLock } from "../../utils/invoice-capture-lock"
import { amountToCapture } from "../utils/invoice-capture"
import { addMissingOrderTransactions, onAccountTransactions, reducedByCreditNotes } from "../utils/on-account-transactions"

export const captureInvoicePaymentsStepId = "capture-invoice-payments"

export type CaptureInvoicePaymentsInput = {
  /** Invoices that just received payments (INVOICES_PAID_EVENT). */
  invoice_ids?: string[]
  /** Or the payment sessions of on-account orders (an order's confirmation, the job's sweep). */
  payment_session_ids?: string[]
}

export type InvoiceCapture = { payment_id: string; order_id: string | null; amount: string }

type Payment = {
  captures?: ({ id: string; raw_amount: Record<string, unknown> } | null)[] | null
  id: string
  provider_id: string
  currency_code: string
  raw_amount: Record<string, unknown>
  data?: Record<string, unknown> | null
  captured_at?: string | Date | null
  canceled_at?: string | Date | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * Captures, in Medusa, what the invoices of on-account orders were paid
 * (`capture: "on_invoice_paid"`): for each payment session, under its capture
 * lock, it reads what was paid (the invoices' `amount_paid`) and what Medusa
 * captured, and captures the difference with capturePaymentWorkflow (which
 * records the order transaction and emits payment.captured). The ledger
 * records that capture without posting (the order was debited at
 * authorization). It also keeps the order's transactions adding up to what
 * the order charges (on-account-transactions.ts). Idempotent: run again, or by two processes at once, it
 * captures nothing more. Payments of the other modes are left alone. No
 * compensation: a capture, like Medusa's own capture step, is not undone;
 * each capture is its own transaction, and a failed one is retried by the
 * next event or the confirm-orders job.
 */
export const captureInvoicePaymentsStep = createStep(
  captureInvoicePaymentsStepId,
  async (input: CaptureInvoicePaymentsInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const sessions = new Set(input.payment_session_ids ?? [])
    if (input.invoice_ids?.length) {
      const invoices = await tradeCredit.listTradeCreditInvoices({ id: input.invoice_ids }, { select: ["id", "payment_session_id"] })
      invoices.forEach((i) => i.payment_session_id && sessions.add(i.payment_session_id))
    }
    const captures: InvoiceCapture[] = []
    const failures: string[] = []
    for (const session of sessions) {
      // One payment's failure doesn't stop the others'; it is retried by the next event or sweep.
      const captured = await withInvoiceCaptureLock(container, session, async () => {
        const read = async () => {
          const { data } = await query.graph({
            entity: "payment",
            fields: [
              "id", "provider_id", "currency_code", "raw_amount", "data", "captured_at", "canceled_at",
              "captures.id", "captures.raw_amount", "payment_collection.order.id",
            ],
            filters: { payment_session_id: session },
          })
          return (data as Payment[]).find((p) => isPayOnAccountProvider(p.provider_id) && !p.canceled_at)
        }
        let payment = await read()
        if (!payment || !capturesOnInvoicePaid(payment.data)) {
          return null
        }
        const orderId = payment.payment_collection?.order?.id ?? null
        let made: InvoiceCapture | null = null
        if (!payment.captured_at) {
          const invoices = await tradeCredit.listTradeCreditInvoices(
            { payment_session_id: session, status: { $ne: "void" } } as never,
            { select: ["id", "amount_paid", "raw_amount_paid"] }
          )
          // The stored decimal (raw_*), never the float Medusa also answers.
          const paid = invoices.reduce((sum, i) => MathBN.add(sum, (i.raw_amount_paid ?? i.amount_paid) as never), MathBN.convert(0))
          const credited = paid.gt(0) ? await reducedByCreditNotes(container, orderId) : MathBN.convert(0)
          const already = (payment.captures ?? []).reduce((sum, c) => (c ? MathBN.add(sum, c.raw_amount as never) : sum), MathBN.convert(0))
          const amount = paid.lte(0) ? null : amountToCapture({
            authorized: payment.raw_amount as never,
            captured: already,
            paid,
            credited,
            currency_code: payment.currency_code,
          })
          if (amount) {
            await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, amount } })
            made = { payment_id: payment.id, order_id: orderId, amount }
            payment = (await read()) ?? payment
          }
        }
        if (orderId) {
          await addMissingOrderTransactions(container, orderId, onAccountTransactions(orderId, payment as never))
        }
        return made
      }).catch((error: Error) => {
        failures.push(`payment session ${session}: ${error?.message ?? String(error)}`)
        return null
      })
      if (captured) {
        captures.push(captured)
      }
    }
    if (failures.length) {
      throw new Error(`Capturing paid invoices failed for ${failures.length} payment(s) (${captures.length} captured): ${failures.join("; ")}`)
    }
    return new StepResponse(captures)
  }
)
