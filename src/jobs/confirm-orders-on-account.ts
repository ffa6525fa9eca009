import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { escapeLikePattern } from "../modules/trade-credit/utils/text"
import { isPayOnAccountProvider, payOnAccountProviderId } from "../providers/pay-on-account/provider-id"
import { confirmOrderOnAccountWorkflow } from "../workflows/confirm-order-on-account"
import { captureInvoicePaymentsWorkflow } from "../workflows/capture-invoice-payments"
import type { QueryPayment } from "../types/query"
import { capturesOnInvoicePaid } from "../providers/pay-on-account/session"

/** Orders placed more recently are still the order.placed subscriber's. */
export const CONFIRM_AFTER_MS = 2 * 60 * 1000
/** How far back the job looks for orders the subscriber missed. */
export const CONFIRM_WITHIN_MS = 7 * 24 * 60 * 60 * 1000
/** Payments read per query: the job never loads a week of payments at once. */
export const CONFIRM_PAGE_SIZE = 100
/**
 * Runs of the job that may fail to capture one payment before it gives up on
 * it (about 50 minutes at one run every 10): a capture that failed this often
 * needs a person, who sees why on the order.
 */
export const MAX_CONFIRM_ATTEMPTS = 5

/**
 * Catches up on orders paid on account whose order.placed subscriber never
 * ran to the end (the process stopped, or the event was lost with the local
 * event bus): their payment was posted to the balance at authorization but
 * Medusa has no capture of it yet. Reads the uncaptured on-account payments a
 * page at a time (in id order), skips those it gave up on, and
 * records each failure (`trade_credit_confirm_failure`): after
 * MAX_CONFIRM_ATTEMPTS it stops retrying and the admin's order page says why.
 * Returns the orders it confirmed.
 */
export async function confirmMissedOrdersOnAccount(
  container: MedusaContainer,
  now: Date = new Date(),
  { pageSize = CONFIRM_PAGE_SIZE }: { pageSize?: number } = {}
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const window = {
    $gte: new Date(now.getTime() - CONFIRM_WITHIN_MS),
    $lte: new Date(now.getTime() - CONFIRM_AFTER_MS),
  }
  const confirmed: string[] = []
  let afterId: string | null = null
  for (;;) {
    // Keyset paging on the id (Medusa's ids are ULIDs: unique, in creation
    // order): captured payments leave the result set while the job runs,
    // which would make offsets skip others.
    const { data } = await query.graph({
      entity: "payment",
      fields: ["id", "provider_id", "data", "payment_collection.order.id"],
      filters: {
        captured_at: null,
        canceled_at: null,
        provider_id: { $like: `${escapeLikePattern(payOnAccountProviderId(""))}%` },
        created_at: window,
        ...(afterId ? { id: { $gt: afterId } } : {}),
      } as never,
      pagination: { take: pageSize, order: { id: "ASC" } },
    })
    const page: QueryPayment[] = data
    if (!page.length) {
      break
    }
    afterId = page[page.length - 1].id

    const candidates = page.filter(
      (p) =>
        p.payment_collection?.order?.id && isPayOnAccountProvider(p.provider_id) && p.data?.posted === true && !capturesOnInvoicePaid(p.data)
    )
    const failures = candidates.length
      ? await tradeCredit.listTradeCreditConfirmFailures({ payment_id: candidates.map((p) => p.id) })
      : []
    const failureOf = new Map(failures.map((f) => [f.payment_id, f]))
    for (const payment of candidates) {
      const order_id = payment.payment_collection!.order!.id
      const failure = failureOf.get(payment.id)
      if (failure?.gave_up_at) {
        continue
      }
      try {
        await confirmOrderOnAccountWorkflow(container).run({ input: { order_id } })
        confirmed.push(order_id)
        if (failure) {
          await tradeCredit.deleteTradeCreditConfirmFailures(failure.id)
        }
      } catch (error) {
        const message = (error as Error)?.message ?? String(error)
        const attempts = (failure?.attempts ?? 0) + 1
        const gaveUp = attempts >= MAX_CONFIRM_ATTEMPTS
        const record = { order_id, payment_id: payment.id, attempts, last_error: message, gave_up_at: gaveUp ? now : null }
        try {
          if (failure) {
            await tradeCredit.updateTradeCreditConfirmFailures({ id: failure.id, ...record })
          } else {
            await tradeCredit.createTradeCreditConfirmFailures(record)
          }
        } catch (recordError) {
          // E.g. another run recorded it first (unique per payment): the next run counts on.
          logger.warn(`Trade credit: could not record the failed capture of order ${order_id}: ${(recordError as Error).message}`)
        }
        logger.warn(
          gaveUp
            ? `Trade credit: gave up recording Medusa's capture of order ${order_id} paid on account after ${attempts} attempts: ${message}. Capture it from the order's payment section.`
            : `Trade credit: order ${order_id} paid on account still has no capture (attempt ${attempts} of ${MAX_CONFIRM_ATTEMPTS}): ${message}`
        )
      }
    }
    if (page.length < pageSize) {
      break
    }
  }
  if (confirmed.length) {
    logger.info(`Trade credit: recorded Medusa's capture of ${confirmed.length} order(s) paid on account.`)
  }
  return confirmed
}

/**
 * `capture: "on_invoice_paid"`: captures what paid invoices still lack in
 * Medusa (the invoices-paid event was lost, or its capture failed). Reads the
 * invoices paid (in part or in full) that changed within CONFIRM_WITHIN_MS, a
 * page at a time, and runs the capture workflow for their payment sessions:
 * it captures only what is missing, under each payment's capture lock, so
 * running beside the event's subscriber captures nothing twice. Returns the
 * captures it made.
 */
export async function captureMissedInvoicePayments(
  container: MedusaContainer,
  now: Date = new Date(),
  { pageSize = CONFIRM_PAGE_SIZE }: { pageSize?: number } = {}
) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const made: { payment_id: string; order_id: string | null; amount: string }[] = []
  let afterId: string | null = null
  for (;;) {
    const page = await tradeCredit.listTradeCreditInvoices(
      {
        status: ["partially_paid", "paid"],
        payment_session_id: { $ne: null },
        updated_at: { $gte: new Date(now.getTime() - CONFIRM_WITHIN_MS) },
        ...(afterId ? { id: { $gt: afterId } } : {}),
      } as never,
      { select: ["id", "payment_session_id"], take: pageSize, order: { id: "ASC" } }
    )
    if (!page.length) {
      break
    }
    afterId = page[page.length - 1].id
    const sessions = [...new Set(page.map((i) => i.payment_session_id as string))]
    try {
      const { result } = await captureInvoicePaymentsWorkflow(container).run({ input: { payment_session_ids: sessions } })
      made.push(...result)
    } catch (error) {
      logger.warn(`Trade credit: capturing paid invoices failed (retried on the next run): ${(error as Error).message}`)
    }
    if (page.length < pageSize) {
      break
    }
  }
  if (made.length) {
    logger.info(`Trade credit: captured ${made.length} payment(s) of paid invoices the event had missed.`)
  }
  return made
}

export default async function confirmOrdersOnAccountJob(container: MedusaContainer) {
  await confirmMissedOrdersOnAccount(container)
  await captureMissedInvoicePayments(container)
}

export const config = {
  name: "trade-credit-confirm-orders-on-account",
  schedule: "*/10 * * * *",
}
