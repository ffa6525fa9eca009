/**
 * The core promise of pay on account: however many checkouts of one
 * company complete at once, on however many Medusa processes, the account
 * never gives more credit than its limit, and one cart never pays twice.
 *
 * Real processes, real database: a fresh database on the PostgreSQL that
 * scripts/test.js provides (DB_* env), `medusa db:migrate`, the seed in
 * ./seed.ts, and TWO Medusa servers on it (scripts/lib/medusa-server.js),
 * sharing their locks through Medusa's Redis locking provider (REDIS_URL), as
 * a store with several processes must.
 * Everything goes through HTTP (scripts/lib/api-client.js), alternating the
 * two servers. The servers are stopped and the database dropped at the end,
 * also on failure. Server logs: .test-artifacts/multi-process/.
 *
 * The carts hold an item without inventory management (see seed.ts), so the
 * company's account is the one row all checkouts fight over. The plugin also
 * copes when duplicate completions of one cart run side by side and one is
 * rolled back (Medusa 2.21's postgres locking provider let them through).
 *
 *   npm run test:topology
 *   DATABASE_URL=postgres://user:pass@host:5432/db REDIS_URL=redis://host:6379 npm run test:topology
 */
import path from "path"
import { MathBN } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"

import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")
const { phaseTimer, phaseReport } = require("../../scripts/lib/phase-timer")

const BUYERS = 40
const FITS = 15
const DUPLICATE_COMPLETES = 10
/** Parallel requests while preparing buyers and carts (not the measured bursts). */
const PREP_CONCURRENCY = 8
const LOG_DIR = path.join(medusa.ROOT, ".test-artifacts", "multi-process")

// Preparing 40 buyers and carts is slow on a loaded 2-core machine: a bound on liveness, not speed.
jest.setTimeout(600_000)

const log = (message: string) => process.stdout.write(`[multi-process] ${message}\n`)
const cents = (value: unknown) => MathBN.convert(value as any, 2)
const sum = (values: unknown[]) => values.reduce((acc: any, v) => MathBN.add(acc, v as any), MathBN.convert(0)) as any

describe("pay on account across two Medusa processes", () => {
  let store: any
  let adminHeaders: Record<string, string>
  let shop: { regionId: string; variantIds: string[] }
  let shippingOptionId: string
  /** What one test cart costs, rounded to cents as the account is charged. */
  let charged: any
  const { timed, timings } = phaseTimer(log)
  const started = Date.now()

  const url = (i: number) => store.servers[i % store.servers.length].url as string
  const admin = () => url(0)

  beforeAll(async () => {
    store = await timed("setup (database, migrate, seed + 2 servers)", () =>
      // This suite checks the capture right after checkout: `capture: "on_authorize"`.
      medusa.launchStore({ servers: 2, logDir: LOG_DIR, log: (s: string) => log(`  ${s}`), env: { TRADE_CREDIT_CAPTURE: "on_authorize" } })
    )
    // Both servers really share Redis locking (medusa-config.ts with REDIS_URL).
    for (const server of store.servers) {
      expect(server.logTail(400)).toMatch(/Connection to Redis in "locking-redis" provider established/)
    }
    // The item without inventory management (see seed.ts): the account is the only shared resource.
    shop = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    adminHeaders = await client.adminLogin(admin(), store.seed.admin)
    // Every test cart is the same: price it once (cards, not credit, so no account needed).
    const probe = await client.registerBuyer(url(1), store.seed.publishableKey, "probe@multi-process.example")
    const cart = await client.cartReadyToPay(url(1), probe.headers, shop, {
      providerId: client.SYSTEM,
      shippingOptionName: client.STANDARD_SHIPPING,
    })
    shippingOptionId = cart.shipping_option_id
    charged = cents(cart.total)
    log(`one cart: total ${cart.total} ${cart.currency_code}, charged ${charged.toFixed(2)}`)
  }, 420_000)

  afterAll(async () => {
    await store?.stop()
    if (store) {
      timings["teardown (stop servers, drop database)"] = store.timings.stop ?? 0
    }
    log(phaseReport(timings, started, 48))
  }, 60_000)

  /** A company (customer group) of `count` buyers registered and logged in through the store API, with its EUR account. */
  const company = (slug: string, count: number, account: Record<string, unknown>) =>
    timed(`${slug}: register + log in ${count} buyers, open the account`, () =>
      client.companyOfBuyers(admin(), adminHeaders, store.seed.publishableKey, { slug, count, account, concurrency: PREP_CONCURRENCY, targetOf: url })
    )

  const prepareCarts = (slug: string, buyers: any[]) =>
    timed<any[]>(`${slug}: ${buyers.length} carts up to the payment session`, () =>
      client.mapLimit(buyers, PREP_CONCURRENCY, (b: any, i: number) =>
        client.cartReadyToPay(url(i), b.headers, shop, { providerId: client.ON_ACCOUNT, shippingOptionId })
      )
    )

  /**
   * Completes cart i on server i % 2, all at once, while sampling the account:
   * available credit must never go below zero, not even in passing.
   */
  const completeAllAtOnce = async (slug: string, buyers: any[], carts: any[], accountId: string) => {
    let sampling = true
    const samples: any[] = []
    const sampler = (async () => {
      while (sampling) {
        samples.push(await client.getAccount(url(1), adminHeaders, accountId))
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const results = await timed<any[]>(`${slug}: ${carts.length} completes at once`, () =>
      Promise.all(carts.map((cart: any, i: number) => client.completeCart(url(i), buyers[i].headers, cart.id)))
    ).finally(() => (sampling = false))
    await sampler
    const ms = results.map((r: any) => r.ms).filter((m: number) => !Number.isNaN(m)).sort((a: number, b: number) => a - b)
    log(`  ${slug}: latency min ${Math.round(ms[0])} / median ${Math.round(ms[Math.floor(ms.length / 2)])} / max ${Math.round(ms[ms.length - 1])} ms; ${samples.length} account samples`)
    return { results, samples }
  }

  /** Ledger invariants after a burst: limit respected at every entry, history sums to the running totals. */
  const checkLedger = async (accountId: string, limit: any) => {
    const account = await client.getAccount(admin(), adminHeaders, accountId)
    const entries = await client.allEntries(admin(), adminHeaders, accountId)
    expect(MathBN.gte(account.available_credit, 0)).toBe(true)
    expect(MathBN.lte(MathBN.sub(account.reserved, account.balance), limit)).toBe(true)
    for (const entry of entries) {
      expect(MathBN.gte(entry.available_credit_after, 0)).toBe(true)
      expect(entry.over_limit).toBe(false)
    }
    expect(sum(entries.map((e: any) => e.amount)).toFixed(2)).toBe(cents(account.balance).toFixed(2))
    expect(sum(entries.map((e: any) => e.reserved_delta)).toFixed(2)).toBe(cents(account.reserved).toFixed(2))
    return { account, entries, purchased: entries.filter((e: any) => e.operation === "purchased") }
  }

  const statusesOf = (results: any[]) =>
    results.reduce((acc: Record<string, number>, r: any) => {
      const key = `${r.status}${r.data?.type ? ` ${r.data.type}` : ""}`
      acc[key] = (acc[key] ?? 0) + 1
      return acc
    }, {})

  it.each([
    ["hold", "held for review"],
    ["block", "refused"],
  ])(
    `%s: ${BUYERS} buyers of one company complete at once; exactly ${FITS} get credit, the rest are %s`,
    async (policy) => {
      const slug = `${policy}-co`
      const limit = MathBN.mult(charged, FITS)
      const { buyers, account } = await company(slug, BUYERS, { credit_limit: limit.toFixed(2), over_limit_policy: policy })
      const carts = await prepareCarts(slug, buyers)
      for (const cart of carts) {
        expect(cents(cart.total).toFixed(2)).toBe(charged.toFixed(2))
      }

      const { results, samples } = await completeAllAtOnce(slug, buyers, carts, account.id)
      log(`  ${slug}: answers ${JSON.stringify(statusesOf(results))}`)

      // No 5xx, no dropped connection: every attempt got an answer the storefront understands.
      expect(results.filter((r: any) => r.status === 0 || r.status >= 500).map((r: any) => [r.status, r.data])).toEqual([])
      expect(results.every((r: any) => r.status === 200)).toBe(true)
      for (const sample of samples) {
        expect(MathBN.gte(sample.available_credit, 0)).toBe(true)
      }

      const orders = results.filter((r: any) => r.data.type === "order").map((r: any) => r.data.order.id)
      const { account: after, purchased, entries } = await checkLedger(account.id, limit)
      expect(purchased).toHaveLength(FITS)
      for (const entry of purchased) {
        expect(cents(entry.amount).toFixed(2)).toBe(charged.negated().toFixed(2))
      }
      expect(entries.filter((e: any) => e.operation === "reverted")).toEqual([])
      expect(cents(after.balance).toFixed(2)).toBe(limit.negated().toFixed(2))
      expect(after.reserved).toBe(0)
      expect(after.available_credit).toBe(0)
      const creditedOrders = purchased.map((e: any) => e.order_id)
      expect(new Set(creditedOrders).size).toBe(FITS)

      const { reviews, count } = await client.accountReviews(admin(), adminHeaders, account.id, "pending")
      if (policy === "hold") {
        // Every checkout became an order: 15 paid on account, 25 awaiting a credit controller.
        expect(orders).toHaveLength(BUYERS)
        expect(count).toBe(BUYERS - FITS)
        const heldOrders = reviews.map((r: any) => r.order_id)
        expect(new Set([...creditedOrders, ...heldOrders])).toEqual(new Set(orders))
      } else {
        // 15 orders; 25 carts refused with a readable message, no order, no review.
        expect(orders).toHaveLength(FITS)
        expect(new Set(creditedOrders)).toEqual(new Set(orders))
        const refused = results.filter((r: any) => r.data.type === "cart")
        expect(refused).toHaveLength(BUYERS - FITS)
        for (const r of refused) {
          expect(r.data.error.message).toMatch(/Not enough available credit/)
        }
        expect(count).toBe(0)
      }
    },
    240_000
  )

  it(`one cart completed ${DUPLICATE_COMPLETES} times at once on two servers: one order, paid once`, async () => {
    const slug = "duplicate-co"
    const limit = MathBN.mult(charged, 100)
    const { buyers, account } = await company(slug, 1, { credit_limit: limit.toFixed(2), over_limit_policy: "hold" })
    const [buyer] = buyers
    const [cart] = await prepareCarts(slug, buyers)

    const results = await timed<any[]>(`${slug}: the same cart completed ${DUPLICATE_COMPLETES} times at once`, () =>
      Promise.all(
        Array.from({ length: DUPLICATE_COMPLETES }, (_, i) => client.completeCart(url(i), buyer.headers, cart.id))
      )
    )
    log(`  ${slug}: answers ${JSON.stringify(statusesOf(results))}`)
    for (const r of results.filter((r: any) => r.status !== 200)) {
      log(`    ${r.status}: ${r.data?.message ?? JSON.stringify(r.data)}`)
    }

    // Every attempt answers without a server error: the same order, or a 4xx (409 "already being completed").
    expect(results.filter((r: any) => r.status === 0 || r.status >= 500).map((r: any) => [r.status, r.data])).toEqual([])
    const ok = results.filter((r: any) => r.status === 200)
    expect(ok.length).toBeGreaterThan(0)
    expect(ok.map((r: any) => r.data.type)).toEqual(ok.map(() => "order"))
    const orderIds = new Set(ok.map((r: any) => r.data.order.id))
    expect(orderIds.size).toBe(1)
    const [orderId] = [...orderIds]

    const { orders } = await client.get(url(0), "/store/orders?fields=id", { headers: buyer.headers })
    expect(orders.map((o: any) => o.id)).toEqual([orderId])

    // Paid exactly once, and still paid: no revert of the one purchase by a losing attempt.
    const { account: after, purchased, entries } = await checkLedger(account.id, limit)
    expect(entries.map((e: any) => e.operation).sort()).toEqual(["allocated", "purchased"])
    expect(purchased).toHaveLength(1)
    expect(cents(after.balance).toFixed(2)).toBe(charged.negated().toFixed(2))
    // The attempts may run side by side (Medusa 2.21's postgres locking lets
    // racing callers through), and the first to reach the ledger may be one
    // that is rolled back: once the order is placed, the entry names it.
    const named = await eventually(async () => {
      const { entries: now } = await checkLedger(account.id, limit)
      const entry = now.find((e: any) => e.operation === "purchased")
      expect(entry.order_id).toBe(orderId)
      return entry
    })
    expect(named.id).toBe(purchased[0].id)
    log(
      purchased[0].order_id === orderId
        ? "  the purchase entry named the placed order from the start"
        : `  the purchase entry first named ${purchased[0].order_id} (an attempt rolled back), then the placed order ${orderId}`
    )
    await eventually(async () => {
      const order = await client.get(admin(), `/admin/orders/${orderId}?fields=id,status,payment_status`, { headers: adminHeaders })
      expect(order.order.status).toBe("pending")
      expect(order.order.payment_status).toBe("captured")
    })
  })

  it("ends with the ledger reconciled with itself and with Medusa's payments (GET /admin/trade-credit/reconciliation)", async () => {
    // grace_seconds=0: the bursts are over; retried while subscribers still record Medusa's captures.
    const result = await eventually(async () => {
      const r = await client.reconciliation(url(1), adminHeaders, { grace_seconds: 0 })
      expect(r.differences).toEqual([])
      return r
    }, 60_000, 1000)
    log(`reconciliation: ok, ${result.accounts_checked} accounts, ${result.sessions_checked} checkouts, ${result.payments_checked} payments`)
    expect(result.ok).toBe(true)
    expect(result.accounts_checked).toBeGreaterThanOrEqual(3)
    expect(result.payments_checked).toBeGreaterThanOrEqual(2 * FITS + 1)
  })
})
