import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockOrConflictStep, type AcquireLockOrConflictInput } from "../../src/workflows/steps/acquire-lock-or-conflict"
import { adminHeaders, buyer, customerGroup } from "../helpers/fixtures"
import { cartReadyToPay, storefront } from "../helpers/checkout"
import { mapLimit } from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A burst of checkouts of ONE stocked product on ONE company account, twice
 * as many at once as the database pool has connections, on the store's own
 * single-process configuration (medusa-config.ts: Medusa's in-memory locking
 * without REDIS_URL).
 *
 * Medusa reserves the stock of an item under a lock on that item. A locking
 * provider whose waiters each hold a pool connection (locking-postgres)
 * wedges the store here: once the waiters hold every connection, the lock's
 * holder never gets the one its reservation needs, and from then on every
 * request waits for a connection until Medusa is restarted. Every completion
 * must answer, the account never goes over its limit, and the store still
 * answers an admin right after.
 *
 * The pool is made small for this file (POOL connections instead of knex's
 * 10) so that "twice the pool" stays cheap; the shape is the same.
 */

const POOL = 5
const BUYERS = POOL * 2
const FITS = 3
/** Liveness only: an answer at all within this bound (a wedged store never answers). */
const ANSWER_WITHIN_MS = 60_000
const STOCKED_SKU = "TILE-6060-ANT-BOX"
const PREP_CONCURRENCY = 4

jest.setTimeout(300_000)

const cents = (value: unknown) => MathBN.convert(value as any, 2)

medusaIntegrationTestRunner({
  hooks: {
    // Before the database connection exists: the pool of the whole app.
    beforeServerStart: async (container: any) => {
      const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      config.projectConfig.databaseDriverOptions = {
        ...(config.projectConfig.databaseDriverOptions ?? {}),
        pool: { min: 1, max: POOL },
      }
    },
  },
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let stockedVariant: number

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      const container = getContainer()
      admin = await adminHeaders(api, container)
      shop = await storefront(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "manage_inventory"] })
      const stocked = data.find((v: any) => v.sku === STOCKED_SKU)
      expect(stocked.manage_inventory).toBe(true)
      stockedVariant = shop.variantIds.indexOf(stocked.id)
    })

    it("a lock of ours held elsewhere: the wait ends at its timeout with a conflict, and the lock works once free", async () => {
      // The card-payment completion's lock (complete-card-payment.ts), on the store's real locking module.
      const locking = getContainer().resolve(Modules.LOCKING)
      const withLock = createWorkflow("test-acquire-lock-or-conflict", (input: AcquireLockOrConflictInput) => {
        acquireLockOrConflictStep(input)
        return new WorkflowResponse(true)
      })
      const key = "trade-credit-card-payment:pay_col_test"
      const input = { key, ownerId: "this-request", timeout: 2, ttl: 60, message: "This card payment is being completed by another request; try again in a moment." }
      await locking.acquire(key, { ownerId: "another-request", expire: 60 })
      try {
        await expect(withLock(getContainer()).run({ input })).rejects.toMatchObject({
          type: "conflict",
          message: input.message,
        })
      } finally {
        await locking.release(key, { ownerId: "another-request" })
      }
      const { result } = await withLock(getContainer()).run({ input })
      expect(result).toBe(true)
      expect(await locking.release(key, { ownerId: "this-request" })).toBe(true)
    })

    it(`the app's database pool has ${POOL} connections`, async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      expect(knex.client.pool.max).toBe(POOL)
    })

    it.each([["block"], ["hold"]])(
      `%s: ${BUYERS} buyers of one company check out one stocked product at once; every completion answers`,
      async (policy) => {
        const container = getContainer()
        const company = await customerGroup(container, `Burst ${policy}`)
        const buyers = await mapLimit([...Array(BUYERS).keys()], PREP_CONCURRENCY, (i) =>
          buyer(api, container, shop.pk, `buyer-${i}@burst-${policy}.example`, [company.id])
        )
        // Pay on account needs the account before a payment session can start.
        const { data: opened } = await api.post(
          "/admin/trade-credit/accounts",
          { customer_group_id: company.id, currency_code: "eur", credit_limit: 1, over_limit_policy: policy },
          { headers: admin.headers }
        )
        const accountId = opened.account.id
        const carts = await mapLimit(buyers, PREP_CONCURRENCY, (b) =>
          cartReadyToPay(api, b.headers, shop, { variant: stockedVariant })
        )
        const charged = cents(carts[0].total)
        for (const cart of carts) {
          expect(cents(cart.total).toFixed(2)).toBe(charged.toFixed(2))
        }
        // A limit that fits FITS of the BUYERS orders.
        const limit = MathBN.mult(charged, FITS)
        await api.post(
          `/admin/trade-credit/accounts/${accountId}`,
          { credit_limit: limit.toFixed(2), reason: `Room for ${FITS} orders` },
          { headers: admin.headers }
        )

        const results = await Promise.all(
          carts.map(async (cart, i) => {
            try {
              const res = await api.post(`/store/carts/${cart.id}/complete`, {}, {
                headers: buyers[i].headers,
                timeout: ANSWER_WITHIN_MS,
                validateStatus: () => true,
              })
              return { status: res.status as number, data: res.data }
            } catch (e: any) {
              return { status: 0, data: `no answer within ${ANSWER_WITHIN_MS / 1000} s (${e.code ?? e.message})` }
            }
          })
        )
        const outcome = results.reduce((acc: Record<string, number>, r) => {
          const key = `${r.status}${r.data?.type ? ` ${r.data.type}` : ""}`
          acc[key] = (acc[key] ?? 0) + 1
          return acc
        }, {})
        process.stdout.write(`[checkout-burst] ${policy}: ${JSON.stringify(outcome)}\n`)

        // Every completion answered (a wedged store never answers). On a
        // machine so loaded that one reservation takes seconds, Medusa's own
        // in-memory lock on the stocked item gives up after its 5 s default
        // ("Timed-out acquiring lock", a 500 for that one request): that is a
        // clean failure of one checkout, not a wedge, and it must leave no
        // credit taken (checked below through the ledger totals).
        expect(results.filter((r) => r.status === 0).map((r) => r.data)).toEqual([])
        const lockTimeouts = results.filter((r) => r.status === 500 && r.data?.type === "unknown_error")
        expect(results.filter((r) => r.status !== 200 && !lockTimeouts.includes(r)).map((r) => [r.status, r.data])).toEqual([])
        const answered = BUYERS - lockTimeouts.length

        // The store is still alive: an admin request answers.
        const { data: after } = await api.get(`/admin/trade-credit/accounts/${accountId}`, {
          headers: admin.headers,
          timeout: ANSWER_WITHIN_MS,
        })
        const { data: orderList } = await api.get("/admin/orders?fields=id&limit=1", {
          headers: admin.headers,
          timeout: ANSWER_WITHIN_MS,
        })
        expect(orderList.count).toBeGreaterThan(0)

        // Never over the limit; exactly FITS orders took credit.
        const { data: page } = await api.get(`/admin/trade-credit/accounts/${accountId}/entries?limit=200`, {
          headers: admin.headers,
        })
        // A checkout that failed after its authorization gave its credit back (`reverted`).
        const taken = (op: string) => page.entries.filter((e: any) => e.operation === op).length
        const kept = taken("purchased") - taken("reverted")
        const orders = results.filter((r) => r.data.type === "order")
        for (const entry of page.entries) {
          expect(MathBN.gte(entry.available_credit_after, 0)).toBe(true)
          expect(entry.over_limit).toBe(false)
        }
        const { data: reviews } = await api.get(`/admin/trade-credit/reviews?account_id=${accountId}&status=pending&limit=100`, {
          headers: admin.headers,
        })
        // Credit is held exactly by the orders placed on it.
        const placedOnCredit = policy === "block" ? orders.length : orders.length - reviews.count
        expect(kept).toBe(placedOnCredit)
        expect(cents(after.account.balance).toFixed(2)).toBe(MathBN.mult(charged, kept).negated().toFixed(2))
        if (lockTimeouts.length) {
          process.stdout.write(`[checkout-burst] ${policy}: ${lockTimeouts.length} completion(s) hit Medusa's 5 s stock lock under load\n`)
          expect(kept).toBeLessThanOrEqual(FITS)
          return
        }
        expect(kept).toBe(FITS)
        expect(after.account.available_credit).toBe(0)
        expect(cents(after.account.balance).toFixed(2)).toBe(limit.negated().toFixed(2))

        if (policy === "block") {
          expect(orders).toHaveLength(FITS)
          const refused = results.filter((r) => r.data.type === "cart")
          expect(refused).toHaveLength(answered - FITS)
          for (const r of refused) {
            expect(r.data.error.message).toMatch(/Not enough available credit/)
          }
          expect(reviews.count).toBe(0)
        } else {
          expect(orders).toHaveLength(answered)
          expect(reviews.count).toBe(answered - FITS)
        }
      }
    )
  },
})
