import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockWithin } from "../../utils/acquire-lock"

export type AcquireLockOrConflictInput = {
  key: string
  /** Always set: Medusa 2.21's postgres locking grants an owner-less lock to every racing caller. */
  ownerId: string
  /** Seconds to keep trying before the request gives up. */
  timeout: number
  /** Seconds the lock lives if its holder never releases it (a process that died). */
  ttl: number
  /** What the caller is told when the lock stays taken for `timeout` seconds (a 409). */
  message: string
}

export const acquireLockOrConflictStepId = "trade-credit-acquire-lock-or-conflict"

/**
 * Medusa's acquireLockStep, with a clean end to the wait: it polls the
 * locking module (holding no database connection while it waits) until
 * `timeout`, then fails this one request with a CONFLICT saying what is busy,
 * where Medusa's step rethrows the provider's own error (a plain Error, so a
 * 500, with the in-memory provider). Errors other than "taken" are not
 * retried. Compensation releases the lock.
 */
export const acquireLockOrConflictStep = createStep(
  acquireLockOrConflictStepId,
  async (input: AcquireLockOrConflictInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    if (!(await acquireLockWithin(locking, input.key, input))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, input.message)
    }
    return new StepResponse(undefined, { key: input.key, ownerId: input.ownerId })
  },
  async (held, { container }) => {
    if (!held) {
      return
    }
    await container.resolve(Modules.LOCKING).release(held.key, { ownerId: held.ownerId })
  }
)
