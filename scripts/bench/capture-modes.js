/**
 * `npm run bench`, hot account by capture mode: the same one-hot-account run
 * (scripts/bench.js `hotAccountRun`) on a Medusa server started with each
 * pay-on-account capture mode (TRADE_CREDIT_CAPTURE, read by medusa-config.ts)
 * other than the one the main run used, each on a database of its own on the
 * same PostgreSQL, one after the other (never two servers at once). The rows
 * go into the hot-account table next to the main run's.
 *
 * BENCH_CAPTURE_MODES: comma-separated modes to add (default: the two the
 * main run did not use); "none" skips it.
 */
const path = require("path")
const medusa = require("../lib/medusa-server")
const client = require("../lib/api-client")

const CAPTURE_MODES = ["on_invoice_paid", "on_authorize", "manual"]
const DEFAULT_CAPTURE_MODE = "on_invoice_paid"

/** The capture mode a server started with this environment uses. */
function captureModeOf(env = process.env) {
  return env.TRADE_CREDIT_CAPTURE || DEFAULT_CAPTURE_MODE
}

/** The modes to bench beside `mainMode`. */
function extraModes(mainMode, setting = process.env.BENCH_CAPTURE_MODES) {
  if (setting === "none") return []
  const wanted = setting ? setting.split(",").map((m) => m.trim()).filter(Boolean) : CAPTURE_MODES
  return wanted.filter((m) => CAPTURE_MODES.includes(m) && m !== mainMode)
}

/**
 * Runs `hotAccountRun(store, adminHeaders, shop, shippingOptionId, { baseline: false })`
 * once per extra mode; resolves `[{ mode, run, account }]`.
 */
async function hotAccountByCaptureMode({ dbEnv, benchDir, log, mainMode, hotAccountRun, timed }) {
  const results = []
  for (const mode of extraModes(mainMode)) {
    const store = await timed(`setup:${mode}`, () =>
      medusa.launchStore({
        dbEnv,
        database: `tc_bench_${mode.replace(/_/g, "")}_${Date.now().toString(36)}`,
        servers: 1,
        logDir: path.join(benchDir, "logs", mode),
        log: (s) => log(`  [${mode}] ${s}`),
        env: { TRADE_CREDIT_CAPTURE: mode },
      })
    )
    try {
      const url = store.servers[0].url
      const adminHeaders = await client.adminLogin(url, store.seed.admin)
      const probe = await client.registerBuyer(url, store.seed.publishableKey, `probe-${mode}@bench.example`)
      const untracked = { regionId: store.seed.regionId, variantIds: [store.seed.untrackedVariantId] }
      const probeCart = await client.cartReadyToPay(url, probe.headers, untracked, {
        providerId: client.SYSTEM,
        shippingOptionName: client.STANDARD_SHIPPING,
      })
      log(`hot account with capture "${mode}"…`)
      const hot = await timed(`hotAccount:${mode}`, () =>
        hotAccountRun(store, adminHeaders, untracked, probeCart.shipping_option_id, { baseline: false })
      )
      results.push(...hot.runs.map((run) => ({ mode, run, account: hot.account })))
    } finally {
      await store.stop()
    }
  }
  return results
}

module.exports = { CAPTURE_MODES, DEFAULT_CAPTURE_MODE, captureModeOf, extraModes, hotAccountByCaptureMode }
