/**
 * The lock that serializes everything deciding whether a held order's credit
 * is taken: an admin's (or a covering card payment's) release or reject of
 * its credit review, and Medusa's cancel of the order. Medusa's
 * cancelOrderWorkflow takes no lock of its own, so the plugin takes this one
 * around `POST /admin/orders/:id/cancel` (middleware) and in the release and
 * reject workflows, through Medusa's locking module (whatever provider the
 * store configured, shared by all its processes with Redis). Under it, a
 * release first checks that the order is not canceled.
 */
export function orderCreditLockKey(orderId: string): string {
  return `trade-credit-order:${orderId}`
}

/** How long a release or a cancel waits for the other (seconds), and how long a lock may live. */
export const ORDER_CREDIT_LOCK_TIMEOUT = 30
export const ORDER_CREDIT_LOCK_TTL = 120

/**
 * TEST ONLY: TRADE_CREDIT_TEST_ORDER_LOCK="<timeout>,<ttl>" (seconds) shortens both for the fault
 * tests of the topology suite (integration-tests/multi-process/faults.spec.ts), which check that
 * a server killed while it holds an order's lock blocks the order's cancel only until the lock
 * expires: with the store's 30 s and 120 s, the test spends two minutes waiting. Unset (every
 * store, the demo), these are ORDER_CREDIT_LOCK_TIMEOUT and ORDER_CREDIT_LOCK_TTL.
 */
export const ORDER_LOCK_TEST_ENV = "TRADE_CREDIT_TEST_ORDER_LOCK"

export function orderCreditLockTimes(): { timeout: number; ttl: number } {
  const [timeout, ttl] = (process.env[ORDER_LOCK_TEST_ENV] ?? "").split(",").map(Number)
  return timeout > 0 && ttl > 0 ? { timeout, ttl } : { timeout: ORDER_CREDIT_LOCK_TIMEOUT, ttl: ORDER_CREDIT_LOCK_TTL }
}
