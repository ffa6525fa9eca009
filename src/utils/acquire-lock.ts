import type { ILockingModule } from "@medusajs/framework/types"
import { setTimeout as sleep } from "timers/promises"

const RETRY_INTERVAL_MS = 300

/** The refusals of Medusa's locking providers (in-memory, Redis, postgres) for a key someone else holds. */
export const isLockTaken = (error: unknown) =>
  /Failed to acquire lock|is already locked/.test((error as Error | null)?.message ?? "")

/**
 * Takes a lock of Medusa's locking module, polling while someone else holds
 * it: the wait holds no database connection and really ends after `timeout`
 * seconds. Returns false when the lock stayed taken that long, so the caller
 * fails its one request with its own message. Errors `retryable` rejects are
 * thrown at once.
 */
export async function acquireLockWithin(
  locking: ILockingModule,
  key: string,
  options: { ownerId: string; ttl: number; timeout: number; retryable?: (error: unknown) => boolean }
): Promise<boolean> {
  const retryable = options.retryable ?? isLockTaken
  const until = Date.now() + options.timeout * 1000
  for (;;) {
    try {
      await locking.acquire(key, { ownerId: options.ownerId, expire: options.ttl })
      return true
    } catch (error) {
      if (!retryable(error)) {
        throw error
      }
      if (Date.now() >= until) {
        return false
      }
    }
    await sleep(RETRY_INTERVAL_MS)
  }
}
