/**
 * The rows issue 12 adds to `npm run bench` (each also runs alone):
 * scripts/bench/scale.js (the ledger at a million entries, on the bench's
 * store) and scripts/bench/topology-completion.js (cart completion on 2
 * servers + worker on Redis, on a store of its own; skipped with
 * BENCH_TOPOLOGY=0). BENCH_SCALE=0 skips both. Resolves their markdown.
 */
const { runScale } = require("./scale")
const { runTopologyCompletion, launchTopologyStore } = require("./topology-completion")

async function issue12Rows(store, db, log) {
  if (process.env.BENCH_SCALE === "0") {
    return ""
  }
  const parts = [(await runScale(store, { log })).markdown]
  if (process.env.BENCH_TOPOLOGY !== "0") {
    const topology = await launchTopologyStore(db, log)
    try {
      parts.push((await runTopologyCompletion(topology, { log })).markdown)
    } finally {
      await topology.stop()
    }
  }
  return parts.join("\n")
}

module.exports = { issue12Rows }
