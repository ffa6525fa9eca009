import type { ILockingModule, Logger, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { isLockTaken } from "./acquire-lock"

/**
 * One change of a cart's balance at a time (the subscriber re-capping after
 * a cart event, the store routes, the checkout middlewares), through Medusa's
 * locking module, so two of them never both add a credit line. Not the key
 * of Medusa's own cart lock: cart completion takes that one.
 */
export function cartBalanceLockKey(cartId: string): string {
  return `trade-credit-cart-balance:${cartId}`
}

/** How long a change of a cart's balance waits for the one in progress (seconds). */
export const CART_BALANCE_LOCK_TIMEOUT = 30
/**
 * The completion holds the lock until its answer is sent, however long Medusa
 * takes, by renewing a short lease: a process killed mid-completion stops
 * renewing, and the buyer's retry gets the cart within this many seconds
 * (shorter than CART_BALANCE_LOCK_TIMEOUT, so the retry waits instead of
 * being refused).
 */
export const CART_COMPLETION_LOCK_TTL = 15

/**
 * How often a live completion renews its lease (ms): three times per TTL, so
 * two renewals can be late or lost (a slow Redis round trip, a busy event
 * loop) before the lease lapses and another completion of the cart could
 * start.
 */
export function completionLockRenewalMs(ttlSeconds: number): number {
  return Math.floor((ttlSeconds * 1000) / 3)
}

export async function withCartBalanceLock<T>(container: MedusaContainer, cartId: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return await locking.execute(cartBalanceLockKey(cartId), job, { timeout: CART_BALANCE_LOCK_TIMEOUT })
}

/**
 * Keeps a completion's lease on the cart's balance alive until stopped:
 * re-acquires it with the same owner every completionLockRenewalMs, which
 * Medusa's locking providers (in-memory, Redis, postgres) treat as a renewal
 * of the owner's own lock. When the lease was lost to another owner (this
 * process stalled longer than the TTL) it stops and says so: that is the one
 * case two completions of the cart could overlap. A failed renewal (Redis
 * unreachable for a moment) is retried at the next beat. The returned stop()
 * resolves once no renewal is in flight, so a release after it is never
 * undone by a late renewal re-creating the lock.
 */
export function keepCompletionLockAlive(
  locking: ILockingModule,
  key: string,
  ownerId: string,
  logger: Pick<Logger, "warn" | "error">,
  ttlSeconds: number = CART_COMPLETION_LOCK_TTL
): () => Promise<void> {
  let stopped = false
  let inFlight: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    inFlight = locking.acquire(key, { ownerId, expire: ttlSeconds }).then(
      () => undefined,
      (error) => {
        if (stopped) {
          return
        }
        if (isLockTaken(error)) {
          stopped = true
          clearInterval(timer)
          logger.error(`Trade credit: the completion of ${key} lost its lock to another request (this process stalled over ${ttlSeconds} s).`)
          return
        }
        logger.warn(`Trade credit: renewing the completion lock ${key} failed, retrying: ${(error as Error).message}`)
      }
    )
  }, completionLockRenewalMs(ttlSeconds))
  // A pending renewal never keeps a process alive that is shutting down.
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await inFlight
  }
}
