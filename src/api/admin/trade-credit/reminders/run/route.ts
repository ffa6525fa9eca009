import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runCreditControlWorkflow } from "../../../../../workflows/run-credit-control"
import type { AdminCreditControlRunResponse } from "../../../../../types/http"

/**
 * "Send due reminders now": runs the credit-control run of the daily job at
 * once (mark overdue, auto stop / release, due reminders) and answers what it
 * did. A second call right after sends nothing.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCreditControlRunResponse>) => {
  const { result } = await runCreditControlWorkflow(req.scope).run({ input: {} })
  res.json(result)
}
