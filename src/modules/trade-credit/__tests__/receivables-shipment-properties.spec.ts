import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { ORDER_OPERATIONS } from "../constants"
import type TradeCreditModuleService from "../service"
import { invoiceState } from "../utils/settlement"
import { money, propertyActor, tradeCreditModule } from "./fixtures"

jest.setTimeout(600_000)

const actor = propertyActor
const RUNS = Number(process.env.RECEIVABLES_PROPERTY_RUNS ?? 60)

const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("order" as const), amount: money(1, 50_000), manual: fc.boolean(), ship_now: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("capture" as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("pay" as const), amount: money(1, 60_000), named: fc.option(fc.nat(), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("bounce" as const), amount: money(1, 40_000), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("adjust" as const), amount: money(-20_000, 20_000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("refund" as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("ship" as const), pick: fc.nat(), twice: fc.boolean() }) }
)

const EXPECTED_REFUSAL = /must not be zero|Nothing is charged|more than the .* still|was given back when it was canceled|no on-account authorization|was not paid on account/

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  moduleOptions: { invoice_at: "shipment" },
  testSuite: ({ service }) => {
    it(`invoicing at shipment: keeps invoices, outstanding orders, allocations and the ledger in step over ${RUNS} random sequences`, async () => {
      let run = 0
      // What the sequences reached, so the property can't pass by refusing everything.
      const seen = new Set<string>()
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (ops) => {
          run++
          const { account } = await service.openAccount({
            customer_group_id: `cusgroup_rprop_${run}`,
            currency_code: "eur",
            credit_limit: 1_000_000,
            payment_terms: { type: "net_days", net_days: 30 },
            actor,
          })
          const sessions: string[] = []
          let justShipped: string | null = null
          const payments: Array<{ amount: string; reference: string }> = []
          let n = 0
          const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined)

          for (const op of ops) {
            n++
            try {
              switch (op.kind) {
                case "order": {
                  const session = `ps_${run}_${n}`
                  sessions.push(session)
                  await service.authorizeOnAccount({
                    account_id: account.id,
                    payment_session_id: session,
                    amount: op.amount,
                    currency_code: "eur",
                    order_id: `order_${session}`,
                    capture: !op.manual,
                    default_over_limit_policy: "hold",
                    actor,
                  })
                  if (op.ship_now) {
                    // Shipped at once (about half the orders): invoiced now; the others wait for a "ship" step.
                    await service.invoiceShippedOrder({ payment_session_ids: [session] })
                    justShipped = session
                  }
                  break
                }
                case "capture": {
                  const session = pick(sessions, op.pick)
                  if (!session) break
                  const entries = await service.listTradeCreditLedgerEntries({ payment_session_id: session })
                  const reserved = entries.reduce((s, e) => MathBN.add(s, e.raw_reserved_delta as never), MathBN.convert(0))
                  const amount = MathBN.div(MathBN.mult(reserved, op.share), 100).decimalPlaces(2, 1)
                  await service.captureOnAccount({ payment_session_id: session, capture_id: `capt_${run}_${n}`, amount: amount.toString(), actor })
                  break
                }
                case "pay": {
                  const invoices = await service.listTradeCreditInvoices({ account_id: account.id })
                  const named = op.named === null ? null : pick(invoices, op.named)
                  const reference = `BANK-${run}-${n}`
                  payments.push({ amount: op.amount, reference })
                  await service.postLedgerEntry({
                    account_id: account.id,
                    operation: "reimbursed",
                    amount: op.amount,
                    reference,
                    invoice_id: named?.id ?? null,
                    actor,
                  })
                  break
                }
                case "bounce": {
                  // A bounced transfer: a negative reimbursement naming an earlier payment by its reference.
                  const paid = pick(payments, op.pick)
                  await service.postLedgerEntry({
                    account_id: account.id,
                    operation: "reimbursed",
                    amount: `-${paid?.amount ?? op.amount}`,
                    reference: paid?.reference ?? null,
                    actor,
                  })
                  break
                }
                case "adjust":
                  await service.postLedgerEntry({ account_id: account.id, operation: "adjusted", amount: op.amount, comment: "correction", actor })
                  break
                case "cancel": {
                  const session = pick(sessions, op.pick)
                  if (!session) break
                  await service.revertOnAccount({ payment_session_id: session, actor })
                  break
                }
                case "ship": {
                  const session = pick(sessions, op.pick)
                  if (!session) break
                  const ship = () => service.invoiceShippedOrder({ payment_session_ids: [session] })
                  const results = op.twice ? await Promise.all([ship(), ship()]) : [await ship()]
                  // At most one of two racing deliveries invoices anything.
                  expect(results.filter((r) => r.invoiced_entry_ids.length).length).toBeLessThanOrEqual(1)
                  justShipped = session
                  break
                }
                case "refund": {
                  const session = pick(sessions, op.pick)
                  if (!session) break
                  const entries = await service.listTradeCreditLedgerEntries({ payment_session_id: session })
                  const posted = entries.reduce((s, e) => MathBN.sub(s, e.raw_amount as never), MathBN.convert(0))
                  const amount = MathBN.div(MathBN.mult(posted, op.share), 100).decimalPlaces(2, 1)
                  await service.refundOnAccount({ payment_session_id: session, refund_id: `ref_${run}_${n}`, amount: amount.toString(), actor })
                  break
                }
              }
            } catch (e) {
              // Only the ledger's ordinary refusals; never "invoices and ledger disagree".
              expect(String((e as Error).message)).toMatch(EXPECTED_REFUSAL)
            }

            // The invariant, recomputed here from the rows themselves.
            const after = await service.retrieveTradeCreditAccount(account.id)
            const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id })
            const invoices = await service.listTradeCreditInvoices({ account_id: account.id })
            const allocations = await service.listTradeCreditInvoiceAllocations({ account_id: account.id })
            const sum = (rows: Array<Record<string, unknown>>, field = "raw_amount") =>
              rows.reduce((s, r) => MathBN.add(s, r[field] as never), MathBN.convert(0))
            const isDebit = (e: (typeof entries)[number]) =>
              (ORDER_OPERATIONS as readonly string[]).includes(e.operation) && MathBN.lt(e.raw_amount as never, 0)

            // Every order debit has exactly one invoice of that amount, or waits for its order's
            // shipment: then its order has no invoice at all, and was not shipped while it owed.
            const invoicedSession = new Set(invoices.map((i) => i.payment_session_id))
            const pendingDebits = entries.filter((e) => isDebit(e) && !invoices.some((i) => i.entry_id === e.id))
            for (const e of entries.filter(isDebit)) {
              const billed = invoices.filter((i) => i.entry_id === e.id)
              if (!billed.length) {
                expect(invoicedSession.has(e.payment_session_id)).toBe(false)
                continue
              }
              expect(billed).toHaveLength(1)
              expect(MathBN.eq(billed[0].raw_amount as never, MathBN.mult(e.raw_amount as never, -1))).toBe(true)
            }
            const pendingSessions = new Set(pendingDebits.map((e) => e.payment_session_id))
            const pendingCredits = entries.filter(
              (e) =>
                (ORDER_OPERATIONS as readonly string[]).includes(e.operation) &&
                MathBN.gt(e.raw_amount as never, 0) &&
                pendingSessions.has(e.payment_session_id) &&
                !allocations.some((a) => a.entry_id === e.id)
            )
            const outstandingOf = (session: string | null) =>
              MathBN.mult(
                sum([...pendingDebits, ...pendingCredits].filter((e) => e.payment_session_id === session) as never),
                -1
              )
            for (const session of pendingSessions) {
              expect(MathBN.gte(outstandingOf(session), 0)).toBe(true)
            }
            if (justShipped) {
              // Right after its shipment nothing of the order is outstanding any more.
              expect(MathBN.eq(outstandingOf(justShipped), 0)).toBe(true)
              justShipped = null
            }
            const outstanding = MathBN.mult(sum([...pendingDebits, ...pendingCredits] as never), -1)
            const outstandingOrders = [...pendingSessions].filter((s) => MathBN.gt(outstandingOf(s), 0)).length
            expect(MathBN.eq(after.raw_outstanding_orders_total as never, outstanding)).toBe(true)
            expect(after.outstanding_orders_count).toBe(outstandingOrders)
            if (outstandingOrders) seen.add("outstanding")
            // Each invoice's columns are its allocations.
            for (const inv of invoices) {
              const mine = allocations.filter((a) => a.invoice_id === inv.id)
              const paid = sum(mine.filter((a) => a.kind === "payment") as never)
              const credited = sum(mine.filter((a) => a.kind === "credit_note") as never)
              expect(MathBN.eq(inv.raw_amount_paid as never, paid)).toBe(true)
              expect(MathBN.eq(inv.raw_amount_credited as never, credited)).toBe(true)
              const state = invoiceState({ amount: inv.raw_amount as never, amount_credited: credited, amount_paid: paid })
              expect(MathBN.eq(inv.raw_amount_open as never, state.amount_open)).toBe(true)
              expect(inv.status).toBe(state.status)
            }
            // open invoices + outstanding orders - unallocated credit = what the ledger says is owed.
            const credits = MathBN.sub(sum(entries.filter((e) => !isDebit(e)) as never), sum(pendingCredits as never))
            const unallocated = MathBN.sub(credits, sum(allocations as never))
            // The account row's running total is that sum of the history.
            expect(MathBN.eq(after.raw_unallocated_credit as never, unallocated)).toBe(true)
            const open = sum(invoices as never, "raw_amount_open")
            expect(MathBN.eq(MathBN.sub(MathBN.add(open, outstanding), unallocated), MathBN.mult(after.raw_balance as never, -1))).toBe(true)
            invoices.forEach((i) => seen.add(i.status))
            allocations.forEach((a) => seen.add(`${a.kind}${MathBN.lt(a.raw_amount as never, 0) ? "-" : "+"}`))
            // Unallocated credit is never left beside an invoice it could pay.
            if (MathBN.gt(unallocated, 0)) {
              expect(invoices.filter((i) => i.status === "open" || i.status === "partially_paid")).toEqual([])
            }
          }
        }),
        { numRuns: RUNS, verbose: 1 }
      )
      expect([...seen].sort()).toEqual(["credit_note+", "open", "outstanding", "paid", "partially_paid", "payment+", "payment-", "void"])
    })
  },
})
