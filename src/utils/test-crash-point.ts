/**
 * TEST ONLY: crash points for the fault tests of the topology suite
 * (integration-tests/multi-process/faults.spec.ts). When the environment
 * variable TRADE_CREDIT_TEST_CRASH_AT names `point`, the process kills itself
 * with SIGKILL right there, as `kill -9` would, so the tests can stop a
 * server at each step of a checkout, capture, cancel and refund and check
 * what recovery leaves. Unset (every store, the demo), it does nothing.
 */
export const CRASH_POINTS = [
  "complete:balance-locked",
  "authorize:before-ledger",
  "authorize:after-ledger",
  "capture:after-ledger",
  "cancel:after-ledger",
  "refund:after-ledger",
] as const

export type CrashPoint = (typeof CRASH_POINTS)[number]

export const CRASH_AT_ENV = "TRADE_CREDIT_TEST_CRASH_AT"

export function crashPoint(point: CrashPoint): void {
  if (process.env[CRASH_AT_ENV] === point) {
    process.stderr.write(`[trade-credit] ${CRASH_AT_ENV}=${point}: SIGKILL to process ${process.pid}\n`)
    process.kill(process.pid, "SIGKILL")
  }
}
