import type { IPaymentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import { currencyDecimals, roundToCurrency } from "../../modules/trade-credit/utils/money"
import { isPayOnAccountProvider } from "../../providers/pay-on-account/provider-id"
import { capturesOnInvoicePaid } from "../../providers/pay-on-account/session"
import { withInvoiceCaptureLock } from "../../utils/invoice-capture-lock"
import { addMissingOrderTransactions, CREDIT_NOTE_TRANSACTION, reducedByCreditNotes } from "../utils/on-account-transactions"

export const reduceUnpaidInvoiceStepId = "reduce-unpaid-on-account-invoice"

export type ReduceUnpaidInvoiceInput = { order_id: string; reason: "order_edit" | "return" }

export type ReducedInvoice = { order_id: string; payment_session_id: string; amount: string; entry_id: string } | null

const SYSTEM_ACTOR = { type: "system" as const, name: "Pay on account" }
const COMMENT = { order_edit: "Order edit: the unpaid invoice is reduced", return: "Return received: the unpaid invoice is reduced" }

/**
 * An order edit or a received return made an order paid on account
 * (`capture: "on_invoice_paid"`) cheaper than Medusa holds it charged for
 * (its summary's pending difference is negative): the part its invoice still
 * has open is credited to the account (`refunded`, naming the order, so
 * receivables write a credit note on its invoice) instead of a refund, and an
 * order transaction of minus that amount (`trade_credit_credit_note`) brings
 * the pending difference back, so the admin shows no refund due for it; the
 * payment collection's amount is lowered by as much, so the capture of the
 * reduced invoice completes it. What exceeds the invoice's open amount (a
 * partly paid order) stays a pending difference: a refund, as for any order.
 * Orders paid another way, or captured at once, are left alone. Runs under
 * the payment's capture lock; the ledger posting is idempotent per order
 * version, the transaction per ledger entry: running it again does nothing.
 * No compensation: the posting is the reduction's record, and nothing
 * follows it in the workflow that could fail.
 */
export const reduceUnpaidInvoiceStep = createStep(
  reduceUnpaidInvoiceStepId,
  async (input: ReduceUnpaidInvoiceInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const readOrder = async () => {
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "id", "display_id", "version", "currency_code", "summary",
          "payment_collections.id", "payment_collections.raw_amount",
          "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data",
          "payment_collections.payments.raw_amount", "payment_collections.payments.canceled_at",
          "payment_collections.payments.captures.raw_amount",
        ],
        filters: { id: input.order_id },
      })
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const order = data[0] as any
      for (const collection of order?.payment_collections ?? []) {
        for (const payment of collection?.payments ?? []) {
          if (payment && isPayOnAccountProvider(payment.provider_id) && !payment.canceled_at && capturesOnInvoicePaid(payment.data)) {
            return { order, collection, payment }
          }
        }
      }
      return null
    }
    const found = await readOrder()
    const session = found?.payment.data?.payment_session_id as string | undefined
    if (!found || !session) {
      return new StepResponse(null as ReducedInvoice)
    }
    const reduced = await withInvoiceCaptureLock(container, session, async (): Promise<ReducedInvoice> => {
      const now = await readOrder()
      if (!now) {
        return null
      }
      const { order, collection, payment } = now
      const currency = String(order.currency_code)
      const decimals = currencyDecimals(currency)
      const pending = MathBN.convert(order.summary?.raw_pending_difference ?? order.summary?.pending_difference ?? 0)
      const overCharged = pending.negated()
      const captured = (payment.captures ?? []).reduce(
        (sum: ReturnType<typeof MathBN.convert>, c: { raw_amount: never } | null) => (c ? MathBN.add(sum, c.raw_amount) : sum),
        MathBN.convert(0)
      )
      const uncaptured = MathBN.sub(MathBN.sub(payment.raw_amount, captured), await reducedByCreditNotes(container, order.id))
      const invoices = await tradeCredit.listTradeCreditInvoices(
        { payment_session_id: session, status: { $ne: "void" } } as never,
        { select: ["id", "amount_open", "raw_amount_open"] }
      )
      const open = invoices.reduce((sum, i) => MathBN.add(sum, (i.raw_amount_open ?? i.amount_open) as never), MathBN.convert(0))
      // The ledger charged the order's total rounded to the currency at
      // authorization: it now charges the new total, rounded the same way.
      const total = MathBN.convert(order.summary?.raw_current_order_total ?? order.summary?.current_order_total ?? 0)
      const ledgerOverCharged = MathBN.sub(roundToCurrency(MathBN.add(total, overCharged), currency), roundToCurrency(total, currency))
      // Not invoiced yet (`invoice_at: "shipment"`): nothing of it can have been paid, all of it is open.
      const unpaid = invoices.length ? open : MathBN.convert(roundToCurrency(uncaptured, currency))
      const amount = MathBN.min(ledgerOverCharged, MathBN.convert(roundToCurrency(uncaptured, currency)), unpaid)
      if (amount.lte(0)) {
        return null
      }
      // Medusa's side takes the exact difference when all of it is reduced, so nothing stays pending.
      const transaction = amount.eq(ledgerOverCharged) ? overCharged : amount
      const { entry } = await tradeCredit.postLedgerEntry({
        account_id: String(payment.data.account_id),
        operation: "refunded",
        amount: amount.toFixed(decimals),
        order_id: order.id,
        order_display_id: order.display_id ?? null,
        payment_session_id: session,
        comment: COMMENT[input.reason],
        actor: SYSTEM_ACTOR,
        idempotency: { key: internalIdempotencyKey("invoice-reduction", order.id, String(order.version ?? 0)) },
      })
      const credited = MathBN.convert(((entry as { raw_amount?: unknown }).raw_amount ?? entry.amount) as never)
      const added = await addMissingOrderTransactions(container, order.id, [
        {
          order_id: order.id,
          amount: transaction.negated().toString(),
          currency_code: currency,
          reference: CREDIT_NOTE_TRANSACTION,
          reference_id: entry.id,
        },
      ])
      if (added.length) {
        await payments.updatePaymentCollections(collection.id, { amount: MathBN.sub(collection.raw_amount, transaction).toString() } as never)
      }
      return { order_id: order.id, payment_session_id: session, amount: credited.toFixed(decimals), entry_id: entry.id }
    })
    return new StepResponse(reduced)
  }
)
