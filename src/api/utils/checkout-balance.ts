import { randomUUID } from "crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { acquireLockWithin } from "../../utils/acquire-lock"
import { crashPoint } from "../../utils/test-crash-point"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { syncCartBalanceWorkflow } from "../../workflows/sync-cart-balance"
import { takeCartBalanceWorkflow } from "../../workflows/take-cart-balance"
import { balanceChangedRefusal } from "../../workflows/steps/take-cart-balance"
import {
  CART_BALANCE_LOCK_TIMEOUT,
  CART_COMPLETION_LOCK_TTL,
  cartBalanceLockKey,
  keepCompletionLockAlive,
  withCartBalanceLock,
} from "../../utils/cart-balance-lock"

/**
 * Before `POST /store/payment-collections`: the cart's balance is brought up
 * to date first, so the payment collection is created for what is left to
 * pay (the subscriber that applies it after a cart change runs after the
 * response). A failure here never blocks the payment: completion checks again.
 */
export async function applyBalanceBeforePayment(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = (req.body as { cart_id?: unknown } | undefined)?.cart_id
  if (typeof cartId === "string" && cartId) {
    try {
      await withCartBalanceLock(req.scope, cartId, () => syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cartId } }))
    } catch (error) {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Trade credit: balance of cart ${cartId} not refreshed: ${(error as Error).message}`)
    }
  }
  next()
}

/**
 * Before `POST /store/carts/:id/complete`: the balance applied to the cart is
 * re-capped, and debited for this completion attempt under the account lock
 * (takeCartBalanceWorkflow). Refused with 400 and a message, the cart updated,
 * when the amount applied changed since the buyer saw it (another order
 * spent the balance, the cart changed). When the completion then places no
 * order, the debit is given back (`reverted`) once the answer is sent; the
 * placed order is named on the debit by the `order.placed` subscriber.
 * The cart's balance lock is held until the answer is sent, not just around
 * the debit: a re-cap on another process (the cart subscriber on a worker)
 * must not change the credit line between the debit and Medusa placing the
 * order, or the order would use more balance than was taken. It is held as a
 * short lease renewed while the completion runs, so a process killed
 * mid-completion blocks the cart for at most CART_COMPLETION_LOCK_TTL seconds.
 */
export async function takeBalanceForCompletion(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
  const key = cartBalanceLockKey(cartId)
  const ownerId = randomUUID()
  const acquired = await acquireLockWithin(locking, key, { ownerId, ttl: CART_COMPLETION_LOCK_TTL, timeout: CART_BALANCE_LOCK_TIMEOUT })
  if (!acquired) {
    return next(new MedusaError(MedusaError.Types.CONFLICT, "This cart's balance is being updated right now: place the order again in a moment."))
  }
  const stopRenewing = keepCompletionLockAlive(locking, key, ownerId, req.scope.resolve(ContainerRegistrationKeys.LOGGER))
  let released = false
  const release = () => {
    if (!released) {
      released = true
      stopRenewing()
        .then(() => locking.release(key, { ownerId }))
        .catch(() => undefined)
    }
  }
  res.on("finish", release)
  res.on("close", release)
  crashPoint("complete:balance-locked")
  try {
    const taken = await (async () => {
      const { result: plan } = await syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cartId } })
      if (!plan.open) {
        return null
      }
      if (!MathBN.eq(plan.applied, plan.target)) {
        throw balanceChangedRefusal()
      }
      if (!MathBN.gt(plan.target, 0)) {
        return null
      }
      try {
        const { result } = await takeCartBalanceWorkflow(req.scope).run({ input: { cart_id: cartId } })
        return result
      } catch (error) {
        if ((error as MedusaError).type === MedusaError.Types.NOT_ALLOWED) {
          // Another order spent the balance since the cart was last re-capped: re-cap it now.
          await syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cartId } })
          throw balanceChangedRefusal((error as Error).message)
        }
        throw error
      }
    })()
    if (taken?.created) {
      res.on("finish", () => {
        releaseIfNoOrder(req.scope, cartId, taken.payment_session_id).catch((error) =>
          req.scope
            .resolve(ContainerRegistrationKeys.LOGGER)
            .error(`Trade credit: giving back the balance of cart ${cartId} failed: ${(error as Error).message}`)
        )
      })
    }
    next()
  } catch (error) {
    release()
    next(error)
  }
}

/** After a completion attempt: no order for the cart, so its balance debit goes back. */
export async function releaseIfNoOrder(scope: MedusaContainer, cartId: string, paymentSessionId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  if (data[0]?.order_id) {
    return
  }
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  await tradeCredit.releaseCartBalance({
    payment_session_id: paymentSessionId,
    actor: { type: "system", name: "Checkout" },
    comment: "Checkout did not complete",
  })
}

/**
 * After a store route that changes the cart without a cart event (Medusa's
 * `POST`/`DELETE /store/carts/:id/promotions` emit none): the balance is
 * re-capped once the answer is sent, as the cart subscriber does.
 */
export function recapBalanceAfterResponse(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  res.on("finish", () => {
    if (res.statusCode >= 300) {
      return
    }
    withCartBalanceLock(req.scope, cartId, () => syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cartId } })).catch((error) =>
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Trade credit: balance of cart ${cartId} not re-capped: ${(error as Error).message}`)
    )
  })
  next()
}
