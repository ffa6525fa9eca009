/**
 * Times named phases of a run (database, migrate, seed, …): `timed(phase, fn)`
 * runs `fn`, logs "phase: 1.2 s" and records the milliseconds in `timings`
 * (phase → ms, in the order phases ran), also when `fn` fails.
 */
function phaseTimer(log, timings = {}) {
  const timed = async (phase, fn) => {
    const started = Date.now()
    try {
      return await fn()
    } finally {
      timings[phase] = Date.now() - started
      log(`${phase}: ${(timings[phase] / 1000).toFixed(1)} s`)
    }
  }
  return { timed, timings }
}

/** The recorded phases as an aligned "timings:" block, with the total since `startedAt` (ms). */
function phaseReport(timings, startedAt, width = 40) {
  const line = (label, ms) => `  ${label.padEnd(width)} ${(ms / 1000).toFixed(1)} s`
  return [
    "timings:",
    ...Object.entries(timings).map(([phase, ms]) => line(phase, ms)),
    line("total", Date.now() - startedAt),
  ].join("\n")
}

module.exports = { phaseTimer, phaseReport }
