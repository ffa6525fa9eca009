import { randomUUID } from "crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILockingModule } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { acquireLockWithin } from "../../utils/acquire-lock"
import { orderCreditLockKey, orderCreditLockTimes } from "../../utils/order-credit-lock"

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
  // Any refusal of the lock is waited out, as a cancel must not pass a decision in progress.
  const acquired = await acquireLockWithin(locking, key, {
    ownerId,
    ...orderCreditLockTimes(),
    retryable: () => true,
  })
  if (!acquired) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This order's credit review is being decided right now: try the cancel again in a moment."
      )
    )
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
