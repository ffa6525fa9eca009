import type { ExecArgs } from "@medusajs/framework/types"
import { runCreditControlWorkflow } from "../../src/workflows/run-credit-control"
import { confirmMissedOrdersOnAccount } from "../../src/jobs/confirm-orders-on-account"
import { releaseOrphanedAuthorizations } from "../../src/jobs/release-orphaned-authorizations"

/**
 * TEST ONLY (topology suite): runs one of the plugin's scheduled jobs now, in
 * a process of its own on the store's database and Redis, as a worker's
 * scheduler would: `medusa exec ./integration-tests/multi-process/run-job.ts
 * <job> [minutes-ahead]`. Two of these started at once are two workers firing
 * the same job at the same moment. `minutes-ahead` runs the job as of that
 * many minutes from now (the orphaned-authorization sweep's TTL, the
 * confirm-orders delay). Prints `TRADE_CREDIT_JOB=<json>`.
 */
export default async function runJob({ container, args }: ExecArgs) {
  const [job, ahead] = args
  const now = new Date(Date.now() + Number(ahead ?? 0) * 60_000)
  let result: unknown
  switch (job) {
    case "credit-control":
      // What the job (src/jobs/credit-control.ts) runs, with its result.
      result = (await runCreditControlWorkflow(container).run({ input: { now: now.toISOString() } })).result
      break
    case "release-orphaned-authorizations":
      result = await releaseOrphanedAuthorizations(container, now)
      break
    case "confirm-orders":
      result = await confirmMissedOrdersOnAccount(container, now)
      break
    default:
      throw new Error(`run-job: unknown job "${job}"`)
  }
  process.stdout.write(`TRADE_CREDIT_JOB=${JSON.stringify(result)}\n`)
}
