import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's error handler replaces every 409 message with a generic "retry
 * with the Idempotency-Key" text. Ours say what conflicts (an account that
 * already exists, a reused key), so mutation routes answer 409 themselves.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withConflictMessage<Req extends MedusaRequest<any>>(
  handler: (req: Req, res: MedusaResponse) => Promise<void>
) {
  return async (req: Req, res: MedusaResponse) => {
    try {
      await handler(req, res)
    } catch (error) {
      const e = error as { type?: string; message?: string }
      if (e?.type === MedusaError.Types.CONFLICT) {
        res.status(409).json({ type: MedusaError.Types.CONFLICT, code: "invalid_state_error", message: e.message })
        return
      }
      throw error
    }
  }
}
