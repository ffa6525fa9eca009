import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { orphanReleaseComment } from "../modules/trade-credit/utils/orphaned-authorizations"
import { releaseOrphanedAuthorizationWorkflow } from "../workflows/release-orphaned-authorization"

/** How far back, beyond the TTL, the sweep looks (older orphans are left to the reconciliation report). */
export const ORPHAN_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000
/** Purchases read per query. */
export const ORPHAN_PAGE_SIZE = 100

/**
 * The checkouts among `purchases` that are not orphaned: their payment
 * collection has an order AND Medusa has a payment for their session; or,
 * for a session Medusa no longer knows (a balance debit's `<cart>:balance:<n>`
 * key, a session replaced after the order) or one with a payment, the order
 * their entry names exists. A session without a payment is orphaned even when an order exists:
 * Medusa 2.21 creates the order before it authorizes the payment, so a
 * process killed in between leaves an order with no payment while the ledger
 * holds the credit (the reconciliation's `entries_without_payment`).
 */
async function sessionsWithOrder(
  container: MedusaContainer,
  purchases: { payment_session_id: string; order_id: string | null }[]
): Promise<Set<string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["id", "payment.id", "payment_collection.order.id"],
    filters: { id: purchases.map((p) => p.payment_session_id) },
  })
  type Row = { id: string; payment?: { id?: string } | null; payment_collection?: { order?: { id?: string } | null } | null }
  const known = new Map<string, Row>(sessions.map((s: Row) => [s.id, s]))
  const withOrder = new Set<string>(
    sessions.filter((s: Row) => !!s.payment?.id && !!s.payment_collection?.order?.id).map((s: Row) => s.id)
  )
  // The order the entry names counts for a session Medusa no longer knows, or one with a payment.
  const named = purchases.filter((p) => {
    const session = known.get(p.payment_session_id)
    return p.order_id && !withOrder.has(p.payment_session_id) && (!session || !!session.payment?.id)
  })
  if (named.length) {
    const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: named.map((p) => p.order_id!) } })
    const existing = new Set(orders.map((o: { id: string }) => o.id))
    for (const p of named) {
      if (existing.has(p.order_id!)) {
        withOrder.add(p.payment_session_id)
      }
    }
  }
  return withOrder
}

/**
 * The orphaned-authorization sweep: releases the credit of on-account
 * authorizations (`purchased` entries) older than the plugin option
 * `orphanedAuthorizationTtlMinutes` whose checkout never became an order (the
 * cart was abandoned after its payment was authorized, or the process stopped
 * between the ledger's authorization and the order), with a `reverted` entry
 * by the system, and retires their Medusa payment or session. Reads the
 * purchases a page at a time in ledger order. Safe on several workers at once
 * (a session is reverted once). Returns the released payment session ids.
 */
export async function releaseOrphanedAuthorizations(
  container: MedusaContainer,
  now: Date = new Date(),
  { pageSize = ORPHAN_PAGE_SIZE }: { pageSize?: number } = {}
): Promise<string[]> {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ttlMinutes = tradeCredit.getOptions().orphanedAuthorizationTtlMinutes
  const cutoff = new Date(now.getTime() - ttlMinutes * 60_000)
  const comment = orphanReleaseComment(ttlMinutes)
  const released: string[] = []
  let afterSeq = 0
  for (;;) {
    const page = (await tradeCredit.listTradeCreditLedgerEntries(
      {
        operation: "purchased",
        payment_session_id: { $ne: null },
        created_at: { $lt: cutoff, $gte: new Date(cutoff.getTime() - ORPHAN_LOOKBACK_MS) },
        seq: { $gt: afterSeq },
      } as never,
      { take: pageSize, order: { seq: "ASC" }, select: ["id", "seq", "payment_session_id", "order_id"] }
    )) as { seq: number; payment_session_id: string; order_id: string | null }[]
    if (!page.length) {
      break
    }
    afterSeq = page[page.length - 1].seq
    const reverted = await tradeCredit.listTradeCreditLedgerEntries(
      { operation: "reverted", payment_session_id: page.map((p) => p.payment_session_id) },
      { select: ["payment_session_id"] }
    )
    const done = new Set(reverted.map((e) => e.payment_session_id))
    const open = page.filter((p) => !done.has(p.payment_session_id))
    const withOrder = open.length ? await sessionsWithOrder(container, open) : new Set<string>()
    for (const purchase of open.filter((p) => !withOrder.has(p.payment_session_id))) {
      try {
        await releaseOrphanedAuthorizationWorkflow(container).run({
          input: { payment_session_id: purchase.payment_session_id, comment },
        })
        released.push(purchase.payment_session_id)
      } catch (error) {
        // Left for the next run (and visible in the reconciliation report meanwhile).
        logger.warn(
          `Trade credit: could not release the orphaned authorization of payment session ${purchase.payment_session_id}: ${(error as Error)?.message ?? error}`
        )
      }
    }
    if (page.length < pageSize) {
      break
    }
  }
  if (released.length) {
    logger.info(`Trade credit: released ${released.length} on-account authorization(s) whose checkout never became an order.`)
  }
  return released
}

export default async function releaseOrphanedAuthorizationsJob(container: MedusaContainer) {
  await releaseOrphanedAuthorizations(container)
}

export const config = {
  name: "trade-credit-release-orphaned-authorizations",
  schedule: "*/10 * * * *",
}
