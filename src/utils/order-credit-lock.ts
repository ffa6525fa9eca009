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
