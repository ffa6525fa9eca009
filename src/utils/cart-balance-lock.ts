import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

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
/** The completion holds the lock until its answer is sent; a process that dies holding it frees it after this (seconds). */
export const CART_COMPLETION_LOCK_TTL = 120

export async function withCartBalanceLock<T>(container: MedusaContainer, cartId: string, job: () => Promise<T>): Promise<T> {
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  return await locking.execute(cartBalanceLockKey(cartId), job, { timeout: CART_BALANCE_LOCK_TIMEOUT })
}
