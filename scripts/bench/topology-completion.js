#!/usr/bin/env node
/**
 * Cart completion on account vs the system provider on the production
 * topology (issue 12): 2 servers + 1 worker on Medusa's Redis modules, a part
 * of `npm run bench` that also runs alone: `node scripts/bench/topology-completion.js`.
 *
 * Needs REDIS_URL (default redis://127.0.0.1:6379). The store is launched with
 * `launchStore({ servers: 2, workers: 1 })`: where scripts/lib/medusa-server.js
 * knows workers (server/worker mode), that is the production topology; where it
 * doesn't yet, two servers sharing Redis locking, and the table says which.
 * BENCH_TOPOLOGY_CARTS (default 240: 120 per provider) identical carts, one at
 * a time, after 6 unmeasured, in pairs: each pair is one system and one
 * on-account completion by the same buyer on the same server, the servers
 * taking turns pair by pair, and which provider goes first alternating pair by
 * pair (system first, then on account first: on 2 cores the second completion
 * of a pair shares the CPU with the worker's subscribers of the first, so a
 * fixed order would tilt the ratio). Target p50 <= 1.05x; the median of the
 * pairs' own ratios is printed beside it (it cancels the drift of a shared
 * machine's load between pairs).
 */
const os = require("os")
const path = require("path")
const { startDatabase } = require("../lib/database")
const medusa = require("../lib/medusa-server")
const client = require("../lib/api-client")

const ROOT = path.resolve(__dirname, "..", "..")
const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? "", 10)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}
const CARTS = intEnv("BENCH_TOPOLOGY_CARTS", 240)
const WARMUP = 6
const TARGET_P50 = 1.05
const PROVIDERS = [client.SYSTEM, client.ON_ACCOUNT]

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95) }
}

/** Completes the carts on `store` (its servers in turn); resolves `{ markdown, result }`. */
async function runTopologyCompletion(store, { log = () => {} } = {}) {
  const urls = store.servers.map((s) => s.url)
  const adminHeaders = await client.adminLogin(urls[0], store.seed.admin)
  const { buyers } = await client.companyOfBuyers(urls[0], adminHeaders, store.seed.publishableKey, {
    slug: "topology-bench",
    count: 10,
    account: { credit_limit: "100000000", over_limit_policy: "block" },
    targetOf: (i) => urls[i % urls.length],
  })
  const shop = { regionId: store.seed.regionId, variantIds: [store.seed.variantIds[0]] }
  const total = WARMUP + CARTS
  log(`topology: preparing ${total} carts on ${urls.length} servers…`)
  const carts = await client.mapLimit([...Array(total).keys()], 4, async (i) => {
    const pair = Math.floor(i / 2)
    const url = urls[pair % urls.length]
    const buyer = buyers[pair % buyers.length]
    // Pair by pair, the other provider goes first.
    const providerId = PROVIDERS[(i + pair) % 2]
    const cart = await client.cartReadyToPay(url, buyer.headers, shop, { providerId, shippingOptionName: client.STANDARD_SHIPPING })
    return { ...cart, url, providerId, headers: buyer.headers }
  })
  const samples = { [client.SYSTEM]: [], [client.ON_ACCOUNT]: [] }
  const pairRatios = []
  let pair = {}
  for (const [i, cart] of carts.entries()) {
    const result = await client.completeCart(cart.url, cart.headers, cart.id)
    if (result.status !== 200 || result.data?.type !== "order") {
      throw new Error(`Completing ${cart.id} answered ${result.status}: ${JSON.stringify(result.data).slice(0, 300)}`)
    }
    if (i >= WARMUP) {
      samples[cart.providerId].push(result.ms)
      pair[cart.providerId] = result.ms
      if (i % 2 === 1) {
        pairRatios.push(pair[client.ON_ACCOUNT] / pair[client.SYSTEM])
        pair = {}
      }
    }
  }
  const sys = stats(samples[client.SYSTEM])
  const acc = stats(samples[client.ON_ACCOUNT])
  const r50 = acc.p50 / sys.p50
  const pairR50 = stats(pairRatios).p50
  const workers = store.workers?.length ?? 0
  const shape = workers
    ? `${urls.length} servers (MEDUSA_WORKER_MODE=server) + ${workers} worker on Medusa's Redis modules`
    : `${urls.length} servers sharing Redis locking (this launchStore starts no workers: the server/worker configuration is not in this branch)`
  const markdown = [
    `## Cart completion on the production topology`,
    "",
    `${shape} · ${os.cpus().length} CPU · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} · ${CARTS} carts one at a time after ${WARMUP} warm-up, in pairs (one of each provider, same buyer and server; the servers and which provider goes first alternate pair by pair).`,
    "",
    `| provider | n | p50 (ms) | p95 (ms) |`,
    `|---|---:|---:|---:|`,
    `| ${client.SYSTEM} | ${sys.n} | ${sys.p50.toFixed(0)} | ${sys.p95.toFixed(0)} |`,
    `| ${client.ON_ACCOUNT} | ${acc.n} | ${acc.p50.toFixed(0)} | ${acc.p95.toFixed(0)} |`,
    `| **ratio** | | **${r50.toFixed(2)}x** (target <= ${TARGET_P50}x: ${r50 <= TARGET_P50 ? "met" : "NOT met"}) | ${(acc.p95 / sys.p95).toFixed(2)}x |`,
    "",
    `Median of the ${pairRatios.length} pairs' own ratios (on account / system): ${pairR50.toFixed(2)}x.`,
    "",
  ].join("\n")
  return { markdown, result: { sys, acc, r50, pairR50, workers, servers: urls.length } }
}

/** Launches the 2 servers + 1 worker store of this bench on `db`. */
function launchTopologyStore(db, log) {
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  return medusa.launchStore({
    dbEnv: db.env,
    database: `tc_topo_bench_${Date.now().toString(36)}`,
    servers: 2,
    workers: 1,
    env: { REDIS_URL: redisUrl },
    logDir: path.join(ROOT, ".bench", "logs"),
    log: (s) => log(`  ${s}`),
  })
}

module.exports = { runTopologyCompletion, launchTopologyStore }

if (require.main === module) {
  ;(async () => {
    const fs = require("fs")
    const log = (s) => console.log(`[bench:topology] ${s}`)
    process.env.REDIS_URL ||= "redis://127.0.0.1:6379"
    let db = null
    let store = null
    try {
      db = await startDatabase({ database: "postgres" })
      store = await launchTopologyStore(db, log)
      const { markdown } = await runTopologyCompletion(store, { log })
      fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true })
      fs.writeFileSync(path.join(ROOT, ".bench", "topology.md"), markdown)
      console.log(`\n${markdown}`)
    } catch (e) {
      console.error(`[bench:topology] ${e.stack ?? e}`)
      process.exitCode = 1
    } finally {
      await store?.stop().catch(() => {})
      await db?.stop().catch(() => {})
    }
  })()
}
