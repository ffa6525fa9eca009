/**
 * The reconciliation check from the command line: prints the result (JSON,
 * then one line per difference) and exits non-zero when the ledger disagrees
 * with itself, with Medusa's payments, or the append-only trigger is missing.
 *
 *   npx medusa exec ./src/scripts/reconcile.ts                      (this repository)
 *   npx medusa exec ./node_modules/medusa-plugin-trade-credit/.medusa/server/src/scripts/reconcile.js
 *                                                                   (a store with the plugin installed)
 *   ... reconcile.ts grace_seconds=0                                compare every checkout, also the last minute's
 *
 * (`medusa exec` passes positional arguments only: `grace_seconds=0`, no leading dashes.)
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { DEFAULT_RECONCILIATION_GRACE_SECONDS, MAX_RECONCILIATION_GRACE_SECONDS } from "../modules/trade-credit/constants"
import { reconcileTradeCredit } from "../utils/reconcile-trade-credit"

const GRACE_ARG = /^grace_seconds=(.*)$/

/** `grace_seconds=N` (0 to 86400) among the script's arguments, else the default. */
export function graceSecondsArg(args: string[] = []): number {
  const unknown = args.find((a) => !GRACE_ARG.test(a))
  if (unknown !== undefined) {
    throw new Error(`Unknown argument "${unknown}": the only argument is grace_seconds=N (seconds, default ${DEFAULT_RECONCILIATION_GRACE_SECONDS}).`)
  }
  const value = args.map((a) => GRACE_ARG.exec(a)?.[1]).find((v) => v !== undefined)
  if (value === undefined) {
    return DEFAULT_RECONCILIATION_GRACE_SECONDS
  }
  const seconds = Number(value)
  if (!/^\d+$/.test(value) || seconds > MAX_RECONCILIATION_GRACE_SECONDS) {
    throw new Error(`grace_seconds must be a whole number of seconds from 0 to ${MAX_RECONCILIATION_GRACE_SECONDS}, got "${value}".`)
  }
  return seconds
}

export default async function reconcile({ container, args }: ExecArgs) {
  const result = await reconcileTradeCredit(container, { grace_seconds: graceSecondsArg(args) })
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  const checked = `${result.accounts_checked} accounts, ${result.sessions_checked} on-account checkouts, ${result.payments_checked} Medusa payments, ${result.invoices_checked} invoices`
  if (result.ok) {
    process.stdout.write(`[reconcile] OK: ${checked} checked, no differences.\n`)
    return
  }
  process.stdout.write(`[reconcile] ${result.differences.length} difference(s) in ${checked}:\n`)
  for (const d of result.differences) {
    process.stdout.write(`[reconcile] ${d.kind}: ${d.message}\n`)
  }
  // `medusa exec` ends with process.exit(), which takes this code.
  process.exitCode = 1
}
