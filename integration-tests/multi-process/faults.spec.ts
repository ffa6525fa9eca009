/**
 * Crash recovery in the production topology (2 servers + 1 worker on
 * Medusa's Redis modules, capture: "manual" so that capture is an admin
 * request a server handles). server-2 is started with
 * TRADE_CREDIT_TEST_CRASH_AT=<point> (src/utils/test-crash-point.ts): it
 * kills itself with SIGKILL at that point of a checkout on account, a
 * capture, a cancel or a refund, exactly as `kill -9 <pid>` would. The test
 * sees the request cut off, checks that the process is gone, starts server-2
 * again armed for the next point, and retries what a storefront or an admin
 * would retry on server-1 (a killed completion: the same cart, timed). At the end the orphaned-authorization sweep runs
 * (as of after its TTL, ./run-job.ts on a worker process) and, for every
 * payment session, the ledger must agree with Medusa's payment state:
 * nothing reserved without a live authorization, nothing posted twice, no
 * canceled order still owing; the reconciliation is ok.
 *
 *   npm run test:topology -- integration-tests/multi-process/faults.spec.ts
 */
import path from "path"
import { MathBN } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"
import { CART_COMPLETION_LOCK_TTL } from "../../src/utils/cart-balance-lock"
import { ORDER_LOCK_TEST_ENV } from "../../src/utils/order-credit-lock"

import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")

const LOG_DIR = path.join(medusa.ROOT, ".test-artifacts", "faults")
const CRASH_AT = "TRADE_CREDIT_TEST_CRASH_AT"
// The order lock's wait and life (seconds) in this store, instead of the 30 s and 120 s of a real
// one (src/utils/order-credit-lock.ts): the cancel retried right after the crash still waits and is
// refused, and the lock still has to expire before the last retry, without two minutes of waiting.
const ORDER_LOCK_TIMEOUT_S = 5
const ORDER_LOCK_TTL_S = 30

jest.setTimeout(900_000)

const log = (message: string) => process.stdout.write(`[faults] ${message}\n`)
const cents = (value: unknown) => MathBN.convert(value as any, 2)
const sum = (values: unknown[]) => values.reduce((acc: any, v) => MathBN.add(acc, v as any), MathBN.convert(0)) as any

describe("kill -9 of a server at each step of checkout, capture, cancel and refund on account", () => {
  let store: any
  let adminHeaders: Record<string, string>
  let shop: { regionId: string; variantIds: string[] }
  let shippingOptionId: string
  let charged: any
  let buyers: any[]
  let account: any

  const s1 = () => store.servers[0]
  const s2 = () => store.servers[1]

  beforeAll(async () => {
    store = await medusa.launchStore({
      servers: 2,
      workers: 1,
      logDir: LOG_DIR,
      log: (s: string) => log(`  ${s}`),
      env: { TRADE_CREDIT_CAPTURE: "manual", [ORDER_LOCK_TEST_ENV]: `${ORDER_LOCK_TIMEOUT_S},${ORDER_LOCK_TTL_S}` },
      // server-2 boots armed for the first crash (the cancel: its order lock must expire before the retry).
      processEnv: { "server-2": { [CRASH_AT]: "cancel:after-ledger" } },
    })
    shop = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    adminHeaders = await client.adminLogin(s1().url, store.seed.admin)
    const company = await client.companyOfBuyers(s1().url, adminHeaders, store.seed.publishableKey, {
      slug: "crash-co",
      count: 6,
      account: { credit_limit: 100000, over_limit_policy: "block" },
    })
    buyers = company.buyers
    account = company.account
    const probe = await client.cartReadyToPay(s1().url, buyers[0].headers, shop, { shippingOptionName: client.STANDARD_SHIPPING })
    shippingOptionId = probe.shipping_option_id
    charged = cents(probe.total)
  }, 420_000)

  afterAll(async () => {
    await store?.stop()
  }, 60_000)

  /** Restarts server-2 armed to crash at `point` (none: a healthy server). */
  const arm = async (point: string | null) => {
    const t = Date.now()
    await store.restart(s2(), { [CRASH_AT]: point ?? "" })
    log(`  server-2 restarted${point ? `, armed at ${point}` : ""} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }

  /** `fn` against server-2 must end with server-2 killed (SIGKILL) and the request cut off. */
  const crashes = async (point: string, fn: (url: string) => Promise<any>) => {
    const victim = s2()
    const answer = await fn(victim.url).then(
      (r: any) => ({ status: r?.status ?? 200, data: r?.data ?? r }),
      (e: any) => ({ status: e?.status ?? 0, data: e?.data ?? String(e?.message ?? e) })
    )
    await eventually(async () => expect(victim.exited).toBe("SIGKILL"), 15_000, 100)
    expect(answer.status).toBe(0)
    expect(victim.logTail(50)).toContain(`${CRASH_AT}=${point}: SIGKILL`)
    log(`  ${point}: server-2 (pid ${victim.pid}) killed mid-request`)
  }

  const order = async (id: string) =>
    (await client.get(s1().url, `/admin/orders/${id}?fields=id,status,payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds`, { headers: adminHeaders })).order
  const paymentOf = async (id: string) => (await order(id)).payment_collections[0].payments[0]
  const place = async (i: number, url = s1().url) => {
    const cart = await client.cartReadyToPay(url, buyers[i].headers, shop, { shippingOptionId })
    const r = await client.completeCart(url, buyers[i].headers, cart.id)
    expect(r.data.type).toBe("order")
    return r.data.order.id as string
  }
  const post = (url: string, route: string, body: any = {}) => client.request(url, "POST", route, { headers: adminHeaders, body })

  it("recovers from a crash at every point; afterwards the ledger agrees with Medusa's payments and the reconciliation is ok", async () => {
    // 1. Cancel, crash after the ledger gave the credit back. The order's lock (Medusa's locking
    //    module, TTL ORDER_LOCK_TTL_S here) dies with the process: the admin's retry is refused with
    //    a 4xx until it expires, and is retried at the end.
    const orderD = await place(3)
    await crashes("cancel:after-ledger", (url) => post(url, `/admin/orders/${orderD}/cancel`))
    const crashedCancelAt = Date.now()
    const early = await client.request(s1().url, "POST", `/admin/orders/${orderD}/cancel`, { headers: adminHeaders, body: {}, allowError: true })
    log(`  cancel retry right away: ${early.status} ${JSON.stringify(early.data)}`)
    expect(early.status).toBeLessThan(500)

    // 2. Checkout, crash while the completion holds the cart's balance lock (before Medusa's own
    //    completion starts). The lock is a lease renewed while a completion runs: the dead one's
    //    lapses within CART_COMPLETION_LOCK_TTL, so the buyer's retry of the SAME cart (server-1)
    //    waits for it and places the order, instead of 409s for two minutes.
    await arm("complete:balance-locked")
    const cartF = await client.cartReadyToPay(s1().url, buyers[5].headers, shop, { shippingOptionId })
    await crashes("complete:balance-locked", (url) => client.request(url, "POST", `/store/carts/${cartF.id}/complete`, { headers: buyers[5].headers }))
    const killedAt = Date.now()
    const retryF = await client.completeCart(s1().url, buyers[5].headers, cartF.id)
    const cartBlockedMs = Date.now() - killedAt
    log(`  the same cart completed ${(cartBlockedMs / 1000).toFixed(1)} s after its completion was killed (lease ${CART_COMPLETION_LOCK_TTL} s): ${retryF.status} ${retryF.data?.type}`)
    expect(retryF.status).toBe(200)
    expect(retryF.data.type).toBe("order")
    expect(cartBlockedMs).toBeLessThan((CART_COMPLETION_LOCK_TTL + 10) * 1000)
    const orderF = retryF.data.order.id as string

    // 3. Checkout, crash before the ledger: nothing taken; the buyer's next checkout (server-1) works.
    await arm("authorize:before-ledger")
    const cartA = await client.cartReadyToPay(s1().url, buyers[0].headers, shop, { shippingOptionId })
    await crashes("authorize:before-ledger", (url) => client.request(url, "POST", `/store/carts/${cartA.id}/complete`, { headers: buyers[0].headers }))
    const orderA = await place(0)

    // 4. Checkout, crash after the ledger took the credit but before Medusa heard: cart B never becomes an order.
    await arm("authorize:after-ledger")
    const cartB = await client.cartReadyToPay(s1().url, buyers[1].headers, shop, { shippingOptionId })
    await crashes("authorize:after-ledger", (url) => client.request(url, "POST", `/store/carts/${cartB.id}/complete`, { headers: buyers[1].headers }))
    const orderB = await place(1)

    // 5. Capture, crash after the ledger posted it; the admin captures again on server-1.
    await arm("capture:after-ledger")
    const orderC = await place(2)
    const paymentC = await paymentOf(orderC)
    await crashes("capture:after-ledger", (url) => post(url, `/admin/payments/${paymentC.id}/capture`))
    const captureRetry = await client.request(s1().url, "POST", `/admin/payments/${paymentC.id}/capture`, { headers: adminHeaders, body: {}, allowError: true })
    log(`  capture retry: ${captureRetry.status} ${JSON.stringify(captureRetry.data).slice(0, 200)}`)
    expect(captureRetry.status).toBeLessThan(500)

    // 6. Refund, crash after the ledger recorded it; the admin refunds again on server-1.
    await arm("refund:after-ledger")
    const orderE = await place(4)
    const paymentE = await paymentOf(orderE)
    await post(s1().url, `/admin/payments/${paymentE.id}/capture`)
    await crashes("refund:after-ledger", (url) => post(url, `/admin/payments/${paymentE.id}/refund`, { amount: paymentE.amount }))
    const refundRetry = await client.request(s1().url, "POST", `/admin/payments/${paymentE.id}/refund`, { headers: adminHeaders, body: { amount: paymentE.amount }, allowError: true })
    log(`  refund retry: ${refundRetry.status} ${JSON.stringify(refundRetry.data).slice(0, 200)}`)
    expect(refundRetry.status).toBeLessThan(500)

    // The cancel again, once the dead process's lock has expired.
    await eventually(async () => {
      const r = await client.request(s1().url, "POST", `/admin/orders/${orderD}/cancel`, { headers: adminHeaders, body: {}, allowError: true })
      expect(r.status).toBeLessThan(500)
      expect((await order(orderD)).status).toBe("canceled")
    }, (ORDER_LOCK_TTL_S + 30) * 1000, 1000)
    log(`  cancel went through ${((Date.now() - crashedCancelAt) / 1000).toFixed(0)} s after the crash (lock TTL ${ORDER_LOCK_TTL_S} s)`)

    // The orphaned-authorization sweep as of after its TTL (default 60 min), fired on two worker
    // processes at the same moment: each orphan released once.
    const sweep = (name: string) =>
      medusa.runCli(name, ["exec", "./integration-tests/multi-process/run-job.ts", "release-orphaned-authorizations", "61"], {
        env: { ...store.env, MEDUSA_WORKER_MODE: "worker" },
        logDir: LOG_DIR,
        timeoutMs: 180_000,
      })
    const sweeps = (await Promise.all([sweep("sweep-a"), sweep("sweep-b")])).map((lines: string[]) =>
      JSON.parse(lines.find((l: string) => l.startsWith("TRADE_CREDIT_JOB="))!.slice("TRADE_CREDIT_JOB=".length))
    )
    const released = sweeps.flat()
    log(`  two sweeps at once released ${JSON.stringify(sweeps)}`)

    const entries = await client.allEntries(s1().url, adminHeaders, account.id)
    const acc = await client.getAccount(s1().url, adminHeaders, account.id)
    log(`  ledger: ${entries.map((e: any) => `${e.operation} ${e.amount}/${e.reserved_delta} ${e.payment_session_id ?? ""} ${e.order_id ?? ""}`).reverse().join("; ")}`)
    log(`  account: balance ${acc.balance}, reserved ${acc.reserved}`)

    // Medusa's side: the capture and the refund each recorded once, D canceled.
    const medusaState = async (id: string) => {
      const o = await order(id)
      const p = o.payment_collections[0]?.payments?.[0]
      return {
        status: o.status,
        payment_status: o.payment_status,
        captured: sum((p?.captures ?? []).map((c: any) => c.amount)).toFixed(2),
        refunded: sum((p?.refunds ?? []).map((r: any) => r.amount)).toFixed(2),
        canceled: !!p?.canceled_at,
      }
    }
    const states: Record<string, any> = {}
    for (const [k, id] of Object.entries({ orderA, orderB, orderC, orderD, orderE, orderF })) states[k] = await medusaState(id)
    log(`  orders: ${JSON.stringify(states)}`)
    expect(states.orderC.captured).toBe(charged.toFixed(2))
    expect(states.orderE.captured).toBe(charged.toFixed(2))
    expect(states.orderE.refunded).toBe(charged.toFixed(2))
    expect(states.orderD.status).toBe("canceled")

    // The ledger: sums equal the totals; nothing posted twice; per checkout, what it still takes
    // is one cart (A, B, F reserved; C captured) or nothing (D canceled, E refunded, cart A's and
    // cart B's cut-off attempts).
    expect(sum(entries.map((e: any) => e.amount)).toFixed(2)).toBe(cents(acc.balance).toFixed(2))
    expect(sum(entries.map((e: any) => e.reserved_delta)).toFixed(2)).toBe(cents(acc.reserved).toFixed(2))
    // Cart B's cut-off completion: Medusa 2.21 creates the order before it authorizes the payment,
    // so the kill may leave an order with no payment; either way the checkout has no Medusa payment
    // and the sweep releases its credit, once.
    const { orders: ofBuyerB } = await client.get(s1().url, `/admin/orders?fields=id,status&customer_id=${buyers[1].customer.id}`, { headers: adminHeaders })
    log(`  cart B ${ofBuyerB.length === 2 ? "left an order without a payment" : "left no order"}; the sweep released ${released.length}`)
    expect(new Set(released).size).toBe(1)
    const takenTotal = MathBN.sub(acc.reserved, acc.balance)
    expect(cents(takenTotal).toFixed(2)).toBe(MathBN.mult(charged, 4).toFixed(2))
    const bySession = new Map<string, any[]>()
    for (const e of entries.filter((e: any) => e.payment_session_id)) {
      bySession.set(e.payment_session_id, [...(bySession.get(e.payment_session_id) ?? []), e])
    }
    for (const list of bySession.values()) {
      expect(list.filter((e: any) => e.operation === "purchased")).toHaveLength(1)
      expect(list.filter((e: any) => e.operation === "reverted").length).toBeLessThanOrEqual(1)
      const taken = MathBN.sub(sum(list.map((e: any) => e.reserved_delta)), sum(list.map((e: any) => e.amount)))
      expect([charged.toFixed(2), "0.00"]).toContain(cents(taken).toFixed(2))
    }

    const result = await eventually(async () => {
      const r = await client.reconciliation(s1().url, adminHeaders, { grace_seconds: 0 })
      expect(r.differences).toEqual([])
      return r
    }, 60_000, 1000)
    expect(result.ok).toBe(true)
  })
})
