/**
 * One card payment can release at most what it pays for, across processes:
 * two buyers of one company each have an order held for credit review, the
 * account is 0.01 short of covering one of them, and each buyer pays 0.01 by
 * card naming their own held order, both completing at the same moment on two
 * Medusa servers. The credit then covers exactly one order: exactly one is
 * released, the other stays held, and available credit never goes below zero.
 *
 * Real processes on one database (scripts/lib/medusa-server.js), the test card
 * provider (integration-tests/helpers/test-card-provider) enabled in the
 * region. Several rounds, each on a fresh company; each round's outcome is
 * logged before the assertions.
 *
 *   npm test -- multiprocess integration-tests/multi-process/card-payment-release-race.spec.ts
 */
import path from "path"
import { MathBN } from "@medusajs/framework/utils"

import * as client from "../../scripts/lib/api-client"
import { APPROVED_TOKEN, TEST_CARD } from "../helpers/test-card"
import { eventually } from "../helpers/eventually"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")

const ROUNDS = 4
const LOG_DIR = path.join(medusa.ROOT, ".test-artifacts", "multi-process-card-race")

jest.setTimeout(600_000)

const log = (message: string) => process.stdout.write(`[card-race] ${message}\n`)
const cents = (value: unknown) => MathBN.convert(value as any, 2)

describe("card payments releasing held orders on two Medusa processes", () => {
  let store: any
  let adminHeaders: Record<string, string>
  let shop: { regionId: string; variantIds: string[] }
  let shippingOptionId: string

  const url = (i: number) => store.servers[i % store.servers.length].url as string

  beforeAll(async () => {
    store = await medusa.launchStore({
      servers: 2,
      workers: 1,
      logDir: LOG_DIR,
      log: (s: string) => log(`  ${s}`),
      env: { TRADE_CREDIT_TEST_CARD_PROVIDER: "1" },
    })
    shop = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    adminHeaders = await client.adminLogin(url(0), store.seed.admin)
    const { region } = await client.get(url(0), `/admin/regions/${shop.regionId}?fields=id,*payment_providers`, { headers: adminHeaders })
    const providers = region.payment_providers.map((p: any) => p.id)
    await client.post(url(0), `/admin/regions/${shop.regionId}`, { payment_providers: [...providers, TEST_CARD] }, { headers: adminHeaders })
  }, 420_000)

  afterAll(async () => {
    await store?.stop()
  }, 60_000)

  /** One round: returns what happened, asserting nothing (the test asserts over all rounds). */
  const round = async (r: number) => {
    const slug = `race-${r}`
    // No credit at all: both orders are held for review.
    const { buyers, account } = await client.companyOfBuyers(url(0), adminHeaders, store.seed.publishableKey, {
      slug,
      count: 2,
      account: { credit_limit: 0, over_limit_policy: "hold" },
      concurrency: 2,
      targetOf: url,
    })
    const orders: any[] = []
    for (const [i, b] of buyers.entries()) {
      const cart = await client.cartReadyToPay(url(i), b.headers, shop, {
        providerId: client.ON_ACCOUNT,
        ...(shippingOptionId ? { shippingOptionId } : { shippingOptionName: client.STANDARD_SHIPPING }),
      })
      shippingOptionId = cart.shipping_option_id
      const placed = await client.completeCart(url(i), b.headers, cart.id)
      if (placed.status !== 200 || placed.data.type !== "order") {
        throw new Error(`round ${r}: checkout ${i} answered ${placed.status} ${JSON.stringify(placed.data)}`)
      }
      orders.push(placed.data.order)
    }
    const total = cents(orders[0].total)
    // 0.01 short of covering one order.
    await client.reimburse(url(0), adminHeaders, account.id, { amount: total.minus("0.01").toFixed(2) })
    const payments = await Promise.all(
      buyers.map((b, i) =>
        client.startCardPayment(url(i), b.headers, account.id, { amount: "0.01", provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } })
      )
    )
    // Both completions at the same moment, one per server, each naming its own held order.
    const answers = await Promise.all(
      buyers.map((b, i) =>
        client.completeCardPayment(url(i), b.headers, account.id, payments[i].id, { release_order_id: orders[i].id }, { allowError: true })
      )
    )
    const after = await client.getAccount(url(0), adminHeaders, account.id)
    const entries = await client.allEntries(url(0), adminHeaders, account.id)
    const released = await client.accountReviews(url(0), adminHeaders, account.id, "released")
    const pending = await client.accountReviews(url(0), adminHeaders, account.id, "pending")
    const outcome = {
      round: r,
      statuses: answers.map((a: any) => a.status),
      released_order_ids: answers.map((a: any) => a.data?.released_order_id ?? null),
      reasons: answers.map((a: any) => a.data?.reason ?? a.data?.message ?? null),
      available_credit: after.available_credit,
      lowest_available_after: entries.reduce((low: any, e: any) => MathBN.min(low, e.available_credit_after), MathBN.convert(after.available_credit)).toFixed(2),
      reviews: { released: released.count, pending: pending.count },
      credited: entries.filter((e: any) => e.operation === "reimbursed").length,
    }
    log(JSON.stringify(outcome))
    return { outcome, orders, total }
  }

  it(`${ROUNDS} rounds: two buyers pay 0.01 each at the same moment on two servers, credit for one held order: exactly one is released`, async () => {
    const rounds: any[] = []
    for (let r = 1; r <= ROUNDS; r++) {
      rounds.push(await round(r))
    }
    const failed = rounds.filter(({ outcome }) => outcome.reviews.released !== 1 || MathBN.lt(outcome.lowest_available_after, 0))
    log(`${failed.length} of ${ROUNDS} rounds released more (or less) than the credit covers`)
    for (const { outcome, orders } of rounds) {
      // Both payments are credited (3 reimbursements: the admin's and the two cards).
      expect(outcome.statuses).toEqual([200, 200])
      expect(outcome.credited).toBe(3)
      // Exactly one order released, by the answer that names it; the other says why not.
      expect(outcome.reviews).toEqual({ released: 1, pending: 1 })
      const releasedIds = outcome.released_order_ids.filter(Boolean)
      expect(releasedIds).toHaveLength(1)
      expect(orders.map((o: any) => o.id)).toContain(releasedIds[0])
      const refusedAt = outcome.released_order_ids.indexOf(null)
      expect(outcome.reasons[refusedAt]).toMatch(/available credit/i)
      // Never below zero, not even in one entry.
      expect(MathBN.gte(outcome.lowest_available_after, 0)).toBe(true)
      expect(MathBN.gte(outcome.available_credit, 0)).toBe(true)
    }
  })

  it("ends with the ledger reconciled with itself and with Medusa's payments (GET /admin/trade-credit/reconciliation)", async () => {
    // grace_seconds=0: the rounds are over; retried while subscribers still record Medusa's captures.
    const result = await eventually(async () => {
      const r = await client.reconciliation(url(1), adminHeaders, { grace_seconds: 0 })
      expect(r.differences).toEqual([])
      return r
    }, 60_000, 1000)
    log(`reconciliation: ok, ${result.accounts_checked} accounts, ${result.sessions_checked} checkouts, ${result.payments_checked} payments`)
    expect(result.ok).toBe(true)
    expect(result.accounts_checked).toBeGreaterThanOrEqual(ROUNDS)
  })
})
