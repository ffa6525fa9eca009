/**
 * The production topology (README, "Running in production"): two Medusa
 * servers (MEDUSA_WORKER_MODE=server) and two workers (MEDUSA_WORKER_MODE=
 * worker) on one database, with Medusa's Redis event bus, workflow engine,
 * locking and caching modules (medusa-config.ts with REDIS_URL, keys and
 * queues prefixed per run). Checkout runs on the servers; subscribers and
 * scheduled jobs on the workers. The plugin's SMTP provider sends to a mail
 * sink this test starts (npm smtp-server, scripts/lib/mail-catcher.js).
 *
 * - checkouts on account from both servers at once, then cancels and refunds:
 *   no overspend, every effect once, entries = totals;
 * - issue 11: two carts of one customer with the balance applied, completing
 *   at the same moment on the two servers, never spend the balance twice;
 * - the credit-control job fired on both workers at the same moment (two
 *   `medusa exec` worker processes, ./run-job.ts): each (invoice, stage)
 *   e-mailed once;
 * - the reconciliation (GET /admin/trade-credit/reconciliation) ok at the end.
 *
 *   npm run test:topology -- integration-tests/multi-process/production-topology.spec.ts
 */
import path from "path"
import { MathBN } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"
import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mail-catcher"
import { addDays, calendarDay, overdueAt, startOfDay } from "../../src/modules/trade-credit/utils/due-dates"

import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")
const pg = require("../../scripts/lib/pg-connection")

const LOG_DIR = path.join(medusa.ROOT, ".test-artifacts", "production-topology")
const BUYERS = 12
const FITS = 8
const BALANCE_ROUNDS = 3

jest.setTimeout(600_000)

const log = (message: string) => process.stdout.write(`[topology] ${message}\n`)
const cents = (value: unknown) => MathBN.convert(value as any, 2)
const sum = (values: unknown[]) => values.reduce((acc: any, v) => MathBN.add(acc, v as any), MathBN.convert(0)) as any

describe("production topology: 2 servers + 2 workers on Medusa's Redis modules", () => {
  let store: any
  let catcher: MailCatcher
  let adminHeaders: Record<string, string>
  let shop: { regionId: string; variantIds: string[] }
  let shippingOptionId: string
  let charged: any

  const url = (i: number) => store.servers[i % store.servers.length].url as string
  const admin = () => url(0)
  const sql = (text: string, params: unknown[] = []) =>
    pg.withClient(pg.serverOf(store.env), (c: any) => c.query(text, params), store.database)

  beforeAll(async () => {
    catcher = await startMailCatcher()
    store = await medusa.launchStore({
      servers: 2,
      workers: 2,
      logDir: LOG_DIR,
      log: (s: string) => log(`  ${s}`),
      env: {
        TRADE_CREDIT_SMTP_HOST: "127.0.0.1",
        TRADE_CREDIT_SMTP_PORT: String(catcher.port),
        TRADE_CREDIT_SMTP_FROM: "Accounts receivable <accounts@topology.example>",
        // The first test checks the capture right after checkout.
        TRADE_CREDIT_CAPTURE: "on_authorize",
      },
    })
    for (const proc of [...store.servers, ...store.workers]) {
      const tail = proc.logTail(400)
      expect(tail).toMatch(/Connection to Redis in module 'event-bus-redis' established/)
      expect(tail).toMatch(/Connection to Redis in module 'workflow-engine-redis' established/)
      expect(tail).toMatch(/Connection to Redis in "locking-redis" provider established/)
      expect(tail).toMatch(/Redis cache connection established/)
    }
    shop = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    adminHeaders = await client.adminLogin(admin(), store.seed.admin)
    const probe = await client.registerBuyer(url(1), store.seed.publishableKey, "probe@topology.example")
    const cart = await client.cartReadyToPay(url(1), probe.headers, shop, { providerId: client.SYSTEM, shippingOptionName: client.STANDARD_SHIPPING })
    shippingOptionId = cart.shipping_option_id
    charged = cents(cart.total)
    log(`one cart: ${charged.toFixed(2)} ${cart.currency_code}`)
  }, 420_000)

  afterAll(async () => {
    await store?.stop()
    await catcher?.stop()
  }, 60_000)

  const ledgerOf = async (accountId: string) => {
    const account = await client.getAccount(admin(), adminHeaders, accountId)
    const entries = await client.allEntries(admin(), adminHeaders, accountId)
    expect(sum(entries.map((e: any) => e.amount)).toFixed(2)).toBe(cents(account.balance).toFixed(2))
    expect(sum(entries.map((e: any) => e.reserved_delta)).toFixed(2)).toBe(cents(account.reserved).toFixed(2))
    const ops = (op: string) => entries.filter((e: any) => e.operation === op)
    return { account, entries, ops }
  }

  const orderOf = async (id: string) =>
    (await client.get(admin(), `/admin/orders/${id}?fields=id,status,payment_status,*payment_collections,*payment_collections.payments`, { headers: adminHeaders })).order

  it(`${BUYERS} checkouts on account of one company at once on both servers; ${FITS} fit; then cancels and a refund on the other server, each once`, async () => {
    const limit = MathBN.mult(charged, FITS)
    const { buyers, account } = await client.companyOfBuyers(admin(), adminHeaders, store.seed.publishableKey, {
      slug: "topo-co",
      count: BUYERS,
      account: { credit_limit: limit.toFixed(2), over_limit_policy: "block" },
      concurrency: 6,
      targetOf: url,
    })
    const carts = await client.mapLimit(buyers, 6, (b: any, i: number) =>
      client.cartReadyToPay(url(i), b.headers, shop, { providerId: client.ON_ACCOUNT, shippingOptionId })
    )
    const results = await Promise.all(carts.map((c: any, i: number) => client.completeCart(url(i), buyers[i].headers, c.id)))
    expect(results.filter((r: any) => r.status !== 200).map((r: any) => [r.status, r.data])).toEqual([])
    const orders = results.filter((r: any) => r.data.type === "order").map((r: any) => r.data.order.id)
    expect(orders).toHaveLength(FITS)
    for (const r of results.filter((r: any) => r.data.type === "cart")) {
      expect(r.data.error.message).toMatch(/Not enough available credit/)
    }

    // The workers' order.placed subscriber captures each order's payment (capture: on_authorize).
    await eventually(async () => {
      for (const id of orders) {
        expect((await orderOf(id)).payment_status).toBe("captured")
      }
    }, 90_000, 1000)
    let ledger = await ledgerOf(account.id)
    expect(ledger.ops("purchased")).toHaveLength(FITS)
    expect(MathBN.gte(ledger.account.available_credit, 0)).toBe(true)
    expect(cents(ledger.account.balance).toFixed(2)).toBe(limit.negated().toFixed(2))

    // Two cancels (server 2) and one full refund (server 1), at the same time.
    const [c1, c2, refunded] = orders
    const payment = (await orderOf(refunded)).payment_collections[0].payments[0]
    const answers = await Promise.all([
      client.request(url(1), "POST", `/admin/orders/${c1}/cancel`, { headers: adminHeaders, body: {}, allowError: true }),
      client.request(url(1), "POST", `/admin/orders/${c2}/cancel`, { headers: adminHeaders, body: {}, allowError: true }),
      client.request(url(0), "POST", `/admin/payments/${payment.id}/refund`, { headers: adminHeaders, body: { amount: payment.amount }, allowError: true }),
    ])
    expect(answers.map((a: any) => a.status)).toEqual([200, 200, 200])
    // A second cancel of the same order is refused or changes nothing.
    await client.request(url(0), "POST", `/admin/orders/${c1}/cancel`, { headers: adminHeaders, body: {}, allowError: true })

    ledger = await eventually(async () => {
      const now = await ledgerOf(account.id)
      const back = [...now.ops("reverted"), ...now.ops("refunded")]
      expect(back.map((e: any) => e.order_id).sort()).toEqual([c1, c2, refunded].sort())
      return now
    }, 60_000, 1000)
    // Each effect once: three orders' credit back exactly once, the balance owes five orders.
    expect(cents(ledger.account.balance).toFixed(2)).toBe(MathBN.mult(charged, FITS - 3).negated().toFixed(2))
    expect(cents(ledger.account.reserved).toFixed(2)).toBe("0.00")
    for (const id of [c1, c2]) {
      expect((await orderOf(id)).status).toBe("canceled")
    }
  })

  it(`issue 11: two carts of one customer with the balance applied complete at the same moment on two servers (${BALANCE_ROUNDS} rounds): the balance is spent once`, async () => {
    for (let round = 0; round < BALANCE_ROUNDS; round++) {
      const buyer = await client.registerBuyer(url(round), store.seed.publishableKey, `balance-${round}@topology.example`)
      const account = await client.openAccount(admin(), adminHeaders, { customer_id: buyer.customer.id })
      // Enough for one cart, not for two.
      const balance = MathBN.mult(charged, 1.5).decimalPlaces(2)
      await client.reimburse(admin(), adminHeaders, account.id, { amount: balance.toFixed(2), reference: "Prepayment" })
      const carts = await Promise.all(
        [0, 1].map(async (i) => {
          const target = url(i)
          const { cart } = await client.post(
            target,
            "/store/carts",
            { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[0], quantity: 1 }], shipping_address: { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" } },
            { headers: buyer.headers }
          )
          await client.post(target, `/store/carts/${cart.id}/shipping-methods`, { option_id: shippingOptionId }, { headers: buyer.headers })
          return cart.id as string
        })
      )
      // The workers' cart subscriber applies the balance: each cart alone is fully covered.
      await eventually(async () => {
        for (const id of carts) {
          const { cart } = await client.get(url(0), `/store/carts/${id}?fields=id,total,*credit_lines`, { headers: buyer.headers })
          expect(cart.credit_lines.filter((l: any) => l.reference === "trade-credit")).toHaveLength(1)
          expect(MathBN.convert(cart.total).isZero()).toBe(true)
        }
      }, 60_000, 500)

      const results = await Promise.all(carts.map((id, i) => client.completeCart(url(i), buyer.headers, id)))
      const placed = results.filter((r: any) => r.status === 200 && r.data.type === "order")
      const refused = results.filter((r: any) => !(r.status === 200 && r.data.type === "order"))
      log(`  balance round ${round}: ${results.map((r: any) => `${r.status} ${r.data?.type ?? r.data?.message ?? ""}`).join(" | ")}`)
      expect(placed).toHaveLength(1)
      expect(refused).toHaveLength(1)
      expect(refused[0].status).toBe(400)
      // Refused by the balance check at completion (the balance no longer covers the cart, or the
      // cart's balance changed since the buyer saw it), or, when a worker re-capped the cart to what
      // is left of the balance first, by Medusa because the rest has no payment.
      expect(refused[0].data.message).toMatch(/balance no longer covers|balance applied to your cart changed|payment/i)

      const ledger = await eventually(async () => {
        const now = await ledgerOf(account.id)
        expect(now.ops("purchased")).toHaveLength(1)
        expect(now.ops("purchased")[0].order_id).toBe(placed[0].data.order.id)
        return now
      }, 30_000, 500)
      expect(cents(ledger.ops("purchased")[0].amount).toFixed(2)).toBe(charged.negated().toFixed(2))
      expect(cents(ledger.account.balance).toFixed(2)).toBe(MathBN.sub(balance, charged).toFixed(2))
      expect(MathBN.gte(ledger.account.balance, 0)).toBe(true)
      expect((await client.myBalance(url(1), buyer.headers)).amount).toBe(MathBN.sub(balance, charged).toNumber())
    }
  })

  it("the credit-control job fired on two workers at the same moment e-mails each (invoice, stage) once", async () => {
    const { buyers, account } = await client.companyOfBuyers(admin(), adminHeaders, store.seed.publishableKey, {
      slug: "chase-co",
      count: 2,
      account: { credit_limit: MathBN.mult(charged, 10).toFixed(2), payment_terms: { type: "net_days", net_days: 30, grace_days: 0 } },
      targetOf: url,
    })
    for (const [i, b] of buyers.entries()) {
      const cart = await client.cartReadyToPay(url(i), b.headers, shop, { providerId: client.ON_ACCOUNT, shippingOptionId })
      expect((await client.completeCart(url(i), b.headers, cart.id)).data.type).toBe("order")
    }
    const invoices = await eventually(async () => {
      const { invoices } = await client.listInvoices(admin(), adminHeaders, { account_id: account.id })
      expect(invoices).toHaveLength(2)
      return invoices
    })
    // One invoice 8 days overdue, the other due in 3 days (UTC): two stages to send.
    const overdue = addDays(calendarDay(new Date()), -8)
    const upcoming = addDays(calendarDay(new Date()), 3)
    for (const [invoice, due] of [[invoices[0], overdue], [invoices[1], upcoming]] as const) {
      await sql("UPDATE trade_credit_invoice SET due_date = $1, due_at = $2, overdue_at = $3 WHERE id = $4", [due, startOfDay(due), overdueAt(due, 0), invoice.id])
    }
    catcher.messages.length = 0

    const runOnWorker = (name: string) =>
      medusa.runCli(name, ["exec", "./integration-tests/multi-process/run-job.ts", "credit-control"], {
        env: { ...store.env, MEDUSA_WORKER_MODE: "worker" },
        logDir: LOG_DIR,
        timeoutMs: 180_000,
      })
    const outputs = await Promise.all([runOnWorker("job-worker-a"), runOnWorker("job-worker-b")])
    const results = outputs.map((lines: string[]) => JSON.parse(lines.find((l) => l.startsWith("TRADE_CREDIT_JOB="))!.slice("TRADE_CREDIT_JOB=".length)))
    log(`  credit control on two workers: ${JSON.stringify(results)}`)
    const sent = results.reduce((acc: Record<string, number>, r: any) => {
      for (const [stage, n] of Object.entries(r.emails_sent as Record<string, number>)) acc[stage] = (acc[stage] ?? 0) + n
      return acc
    }, {})
    expect(sent).toEqual({ overdue_7: 1, upcoming: 1 })
    expect(results.reduce((n: number, r: any) => n + r.marked_overdue, 0)).toBe(1)
    const mails = await catcher.waitFor(2)
    await new Promise((r) => setTimeout(r, 1500))
    expect(catcher.messages).toHaveLength(2)
    const subjects = mails.map((m) => m.subject)
    expect(subjects).toContain(`Invoice ${invoices[0].number} is 8 days overdue`)
    expect(subjects.filter((s) => s.startsWith(`Invoice ${invoices[1].number} is due on `))).toHaveLength(1)
    const { rows } = await sql("SELECT invoice_id, stage, status FROM trade_credit_reminder WHERE account_id = $1 ORDER BY stage", [account.id])
    expect(rows.map((r: any) => [r.stage, r.status])).toEqual([["overdue_7", "sent"], ["upcoming", "sent"]])

    // Fired again on both: nothing more.
    const again = await Promise.all([runOnWorker("job-worker-a2"), runOnWorker("job-worker-b2")])
    for (const lines of again) {
      expect(JSON.parse(lines.find((l: string) => l.startsWith("TRADE_CREDIT_JOB="))!.slice("TRADE_CREDIT_JOB=".length)).emails_sent).toEqual({})
    }
    expect(catcher.messages).toHaveLength(2)
  })

  it("ends reconciled: GET /admin/trade-credit/reconciliation is ok on both servers", async () => {
    for (const i of [0, 1]) {
      const result = await eventually(async () => {
        const r = await client.reconciliation(url(i), adminHeaders, { grace_seconds: 0 })
        expect(r.differences).toEqual([])
        return r
      }, 60_000, 1000)
      expect(result.ok).toBe(true)
      expect(result.accounts_checked).toBeGreaterThanOrEqual(2 + BALANCE_ROUNDS)
    }
  })
})
