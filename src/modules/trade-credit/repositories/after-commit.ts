import type { Context } from "@medusajs/framework/types"
import { transactionKnex } from "./ledger-locks"

/**
 * Runs `fn` once the posting's database transaction has committed (the
 * outermost one, when the posting ran in a savepoint), and never when it
 * rolls back. What `fn` does can't undo the posting: it gets a settled fact.
 * Returns false when the transaction offers no completion promise (then the
 * caller's sweep is the only follow-up).
 */
export function afterCommit(sharedContext: Context, fn: () => Promise<void>): boolean {
  let trx = transactionKnex(sharedContext)
  while (trx?.parentTransaction) {
    trx = trx.parentTransaction
  }
  const done: Promise<unknown> | undefined = trx?.executionPromise
  if (!done || typeof done.then !== "function") {
    return false
  }
  done.then(
    () => fn().catch(() => undefined),
    () => undefined
  )
  return true
}
