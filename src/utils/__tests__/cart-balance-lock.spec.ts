import type { ILockingModule } from "@medusajs/framework/types"
import {
  CART_BALANCE_LOCK_TIMEOUT,
  CART_COMPLETION_LOCK_TTL,
  completionLockRenewalMs,
  keepCompletionLockAlive,
} from "../cart-balance-lock"

/** Medusa's providers' rule for one key: free or lapsed → taken; the same owner → lease renewed; another owner → refused. */
function fakeLocking() {
  let now = 0
  let holder: { ownerId: string; until: number } | null = null
  const calls: { ownerId: string; expire: number }[] = []
  const locking = {
    acquire: jest.fn(async (_key: string, { ownerId, expire }: { ownerId: string; expire: number }) => {
      calls.push({ ownerId, expire })
      if (holder && holder.until > now && holder.ownerId !== ownerId) {
        throw new Error(`Failed to acquire lock for key "${_key}"`)
      }
      holder = { ownerId, until: now + expire * 1000 }
    }),
  }
  return {
    locking: locking as unknown as ILockingModule & typeof locking,
    calls,
    advance: (ms: number) => (now += ms),
    holder: () => (holder && holder.until > now ? holder.ownerId : null),
    takeOver: (ownerId: string) => (holder = { ownerId, until: now + 60_000 }),
  }
}

const flush = () => new Promise((resolve) => jest.requireActual("timers").setImmediate(resolve))

describe("cart completion lock timing", () => {
  it("renews three times per lease, so two late renewals still keep it", () => {
    expect(completionLockRenewalMs(15)).toBe(5000)
    expect(completionLockRenewalMs(CART_COMPLETION_LOCK_TTL) * 2).toBeLessThan(CART_COMPLETION_LOCK_TTL * 1000)
  })

  it("a killed holder's lease lapses before a retry's wait for the lock ends (the retry waits, not 409)", () => {
    expect(CART_COMPLETION_LOCK_TTL).toBeLessThan(CART_BALANCE_LOCK_TIMEOUT)
  })
})

describe("keepCompletionLockAlive", () => {
  const logger = { warn: jest.fn(), error: jest.fn() }
  beforeEach(() => {
    jest.useFakeTimers()
    logger.warn.mockReset()
    logger.error.mockReset()
  })
  afterEach(() => jest.useRealTimers())

  it("keeps the lease of a long completion (60 s on a 15 s lease), renewed by the same owner", async () => {
    const lock = fakeLocking()
    await lock.locking.acquire("k", { ownerId: "me", expire: 15 })
    const stop = keepCompletionLockAlive(lock.locking, "k", "me", logger, 15)
    for (let t = 0; t < 60_000; t += 1000) {
      lock.advance(1000)
      jest.advanceTimersByTime(1000)
      await flush()
      expect(lock.holder()).toBe("me")
    }
    expect(lock.calls.slice(1)).toHaveLength(12)
    expect(lock.calls.every((c) => c.ownerId === "me" && c.expire === 15)).toBe(true)
    await stop()
  })

  it("stops renewing once stopped: the lease then lapses after its TTL", async () => {
    const lock = fakeLocking()
    await lock.locking.acquire("k", { ownerId: "me", expire: 15 })
    const stop = keepCompletionLockAlive(lock.locking, "k", "me", logger, 15)
    await stop()
    lock.advance(15_000)
    jest.advanceTimersByTime(15_000)
    await flush()
    expect(lock.calls).toHaveLength(1)
    expect(lock.holder()).toBeNull()
  })

  it("stop() waits for a renewal in flight, so a release after it is not undone", async () => {
    let finish: () => void = () => undefined
    const locking = { acquire: jest.fn(() => new Promise<void>((resolve) => (finish = resolve))) } as unknown as ILockingModule
    const stop = keepCompletionLockAlive(locking, "k", "me", logger, 15)
    jest.advanceTimersByTime(5000)
    let stopped = false
    const stopping = stop().then(() => (stopped = true))
    await flush()
    expect(stopped).toBe(false)
    finish()
    await stopping
    expect(stopped).toBe(true)
  })

  it("says so and stops when another completion took the lease (this process stalled past the TTL)", async () => {
    const lock = fakeLocking()
    const stop = keepCompletionLockAlive(lock.locking, "k", "me", logger, 15)
    lock.takeOver("other")
    jest.advanceTimersByTime(5000)
    await flush()
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("lost its lock"))
    jest.advanceTimersByTime(10_000)
    await flush()
    expect(lock.calls).toHaveLength(1)
    expect(lock.holder()).toBe("other")
    await stop()
  })

  it("retries at the next beat when a renewal fails for another reason (Redis unreachable)", async () => {
    const lock = fakeLocking()
    lock.locking.acquire.mockRejectedValueOnce(new Error("connect ECONNREFUSED 127.0.0.1:6379"))
    const stop = keepCompletionLockAlive(lock.locking, "k", "me", logger, 15)
    jest.advanceTimersByTime(5000)
    await flush()
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("ECONNREFUSED"))
    jest.advanceTimersByTime(5000)
    await flush()
    expect(lock.holder()).toBe("me")
    await stop()
  })
})
