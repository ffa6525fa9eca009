/**
 * The rows issue 12 adds to `npm run bench` (each also runs alone):
 * scripts/bench/scale.js (the ledger at a million entries, on the bench's
 * store) and scripts/bench/topology-completion.js (cart completion on 2
 * servers + worker on Redis, on a store of its own; skipped with
 * BENCH_TOPOLOGY=0). BENCH_SCALE=0 skips both. Each resolves its markdown.
 */
const { runScale } = require("./scale")
const { runTopologyCompletion, launchTopologyStore } = require("./topology-completion")

/** The ledger at a million entries, on the bench's main store (still running). */
async function scaleRows(store, log) {
  if (process.env.BENCH_SCALE === "0") {
    return ""
  }
  return (await runScale(store, { log })).markdown
}

/** Cart completion on 2 servers + worker on Redis, on a store of its own (after the main store stopped). */
async function topologyRows(db, log) {
  if (process.env.BENCH_SCALE === "0" || process.env.BENCH_TOPOLOGY === "0") {
    return ""
  }
  const topology = await launchTopologyStore(db, log)
  try {
    return (await runTopologyCompletion(topology, { log })).markdown
  } finally {
    await topology.stop()
  }
}

module.exports = { scaleRows, topologyRows }
