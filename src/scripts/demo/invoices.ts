/**
 * The demo's invoices in every state (upcoming, due today, overdue, paid),
 * for the dashboard, the reminders and the debtors report.
 *
 * Each invoice comes from a real order the company's first buyer places on
 * account (demo/orders.ts): the ledger entry, the invoice and its allocations
 * are written by the plugin as for any checkout. Then ONE demo-only SQL
 * update moves the new invoices back in time (issued_at, due_date, due_at,
 * overdue_at shifted together, so the due date still follows the terms) and
 * marks them `metadata.demo_backdated_days`. It changes no amount, entry or
 * allocation, so the receivables invariant (`receivablesViolation`) still
 * holds; the orders and ledger entries keep their real dates. A paid invoice
 * is then paid in full by a reimbursement naming it.
 *
 * Idempotent: an order is placed only when the account has no invoice of an
 * order with that `demo_seed` key, an invoice is back-dated once (its mark),
 * and the payment carries an idempotency key and is skipped once paid.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { addDays, calendarDay, daysBetween, overdueAt, startOfDay } from "../../modules/trade-credit/utils/due-dates"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import { SEED_ACTOR } from "./catalog"
import type { DemoCartSpec } from "./orders"
import { completeOnAccount, demoCart } from "./orders"
import type { DemoInvoice } from "./people"
import type { Ctx, Note } from "./storefront"

/* eslint-disable @typescript-eslint/no-explicit-any */

export type DemoInvoicesSpec = Omit<DemoCartSpec, "sku" | "quantity" | "metadata" | "shipping_option"> & {
  slug: string
  account_id: string
  invoices: DemoInvoice[]
}

const seedKey = (slug: string, key: string) => `invoice:${slug}:${key}`

/** The account's invoices by the `demo_seed` key of their order. */
async function demoInvoicesOf(container: Ctx, accountId: string): Promise<Map<string, any>> {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const invoices = await tradeCredit.listTradeCreditInvoices({ account_id: accountId })
  const orderIds = invoices.map((i) => i.order_id).filter((id): id is string => !!id)
  if (!orderIds.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "metadata"], filters: { id: orderIds } })
  const keyOf = new Map(orders.map((o: any) => [o.id, o.metadata?.demo_seed as string | undefined]))
  return new Map(invoices.filter((i) => keyOf.get(i.order_id!)).map((i) => [keyOf.get(i.order_id!)!, i]))
}

export async function ensureDemoInvoices(container: Ctx, spec: DemoInvoicesSpec, note: Note) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const { timezone } = tradeCredit.getOptions()
  const eur = (v: unknown) => MathBN.convert(v as BigNumberInput).toFixed(2)

  // 1. The orders, all placed before any invoice is back-dated (an overdue invoice would block them).
  let invoices = await demoInvoicesOf(container, spec.account_id)
  for (const inv of spec.invoices) {
    const key = seedKey(spec.slug, inv.key)
    if (invoices.has(key)) {
      continue
    }
    const { cart_id } = await demoCart(container, { ...spec, sku: inv.sku, quantity: inv.quantity, metadata: { demo_seed: key } })
    const order = await completeOnAccount(container, cart_id, spec.customer.id)
    note(`order #${order.display_id} on account for ${spec.slug} (${inv.key}, ${eur(order.total)} EUR)`, true)
  }
  invoices = await demoInvoicesOf(container, spec.account_id)

  // 2. Demo-only back-dating, one statement for all invoices not yet moved: due `due_in_days` from today.
  const today = calendarDay(new Date(), timezone)
  const moves = spec.invoices.flatMap((inv) => {
    const invoice = invoices.get(seedKey(spec.slug, inv.key))
    if (!invoice) {
      throw new Error(`Demo invoices: the order ${seedKey(spec.slug, inv.key)} has no invoice (was it held or refused?).`)
    }
    if (invoice.metadata?.demo_backdated_days !== undefined) {
      return []
    }
    const due = addDays(today, inv.due_in_days)
    const days = daysBetween(invoice.due_date, due)
    return [[invoice.id, new Date(new Date(invoice.issued_at).getTime() + days * 86_400_000), due, startOfDay(due, timezone), overdueAt(due, invoice.grace_days, timezone), days]]
  })
  if (moves.length) {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.raw(
      `UPDATE trade_credit_invoice AS i
          SET issued_at = v.issued_at, due_date = v.due_date, due_at = v.due_at, overdue_at = v.overdue_at,
              metadata = coalesce(i.metadata, '{}'::jsonb) || jsonb_build_object('demo_backdated_days', v.days)
         FROM (VALUES ${moves.map(() => "(?, ?::timestamptz, ?, ?::timestamptz, ?::timestamptz, ?::int)").join(", ")})
              AS v(id, issued_at, due_date, due_at, overdue_at, days)
        WHERE i.id = v.id AND i.deleted_at IS NULL`,
      moves.flat()
    )
    note(`${moves.length} invoices of ${spec.slug} back-dated (demo only)`, true)
    invoices = await demoInvoicesOf(container, spec.account_id)
  }

  // 3. The paid ones: a bank transfer naming the invoice pays it in full.
  for (const inv of spec.invoices.filter((i) => i.paid)) {
    const invoice = invoices.get(seedKey(spec.slug, inv.key))
    if (invoice.status === "paid") {
      continue
    }
    await tradeCredit.postLedgerEntry({
      account_id: spec.account_id,
      operation: "reimbursed",
      amount: MathBN.convert(invoice.raw_amount_open ?? invoice.amount_open).toFixed(2),
      reference: invoice.number,
      invoice_id: invoice.id,
      comment: `Bank transfer for ${invoice.number}.`,
      actor: SEED_ACTOR,
      idempotency: { key: internalIdempotencyKey("demo-seed", spec.slug, `pay-${inv.key}`) },
    })
    note(`payment of ${invoice.number} for ${spec.slug} (${eur(invoice.amount_open)} EUR)`, true)
  }
  const summary = (await demoInvoicesOf(container, spec.account_id)).values()
  return [...summary].map((i: any) => ({ number: i.number, status: i.status, due_date: i.due_date }))
}
