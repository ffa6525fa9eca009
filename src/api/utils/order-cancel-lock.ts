import { randomUUID } from "crypto"
import { setTimeout as sleep } from "timers/promises"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { ORDER_CREDIT_LOCK_TIMEOUT, ORDER_CREDIT_LOCK_TTL, orderCreditLockKey } from "../../utils/order-credit-lock"

const RETRY_INTERVAL_MS = 200

/**
 * Medusa's cancelOrderWorkflow takes no lock, so a cancel could interleave
 * with the release of the order's credit review and leave a canceled order
 * with a captured payment. `POST /admin/orders/:id/cancel` therefore runs
 * under the order's credit lock (see orderCreditLockKey), held until the
 * response is sent. Waiting polls the lock (no connection is held while
 * waiting) and gives up after ORDER_CREDIT_LOCK_TIMEOUT seconds with a 400.
 */
export async function lockOrderCreditForCancel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
  const key = orderCreditLockKey(req.params.id)
  const ownerId = randomUUID()
  const giveUpAt = Date.now() + ORDER_CREDIT_LOCK_TIMEOUT * 1000
  for (;;) {
    try {
      await locking.acquire(key, { ownerId, expire: ORDER_CREDIT_LOCK_TTL })
      break
    } catch {
      if (Date.now() >= giveUpAt) {
        return next(
          new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            "This order's credit review is being decided right now: try the cancel again in a moment."
          )
        )
      }
      await sleep(RETRY_INTERVAL_MS)
    }
  }
  let released = false
  const release = () => {
    if (!released) {
      released = true
      locking.release(key, { ownerId }).catch(() => undefined)
    }
  }
  res.on("finish", release)
  res.on("close", release)
  next()
}
