import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { textProblem } from "../../modules/trade-credit/utils/text"

/**
 * Refuses with 400, before any route of the plugin runs:
 * - ids in the path (`/accounts/:id/...`) holding a NUL or another control
 *   character: they are text like any other, and PostgreSQL can't even
 *   compare text with NUL;
 * - query keys nested more than two levels (`a.b.c=1`), which Medusa's query
 *   validation otherwise answers with a 500.
 */
export function refuseMalformedRequest(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const rawPath = (req.originalUrl ?? req.url).split("?")[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "The request path is not valid percent-encoded text."))
  }
  const problem = textProblem(decoded, "path")
  if (problem) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem.replace(/^path /, "The request path ")))
  }
  const deep = Object.keys(req.query ?? {}).find((key) => key.split(".").length > 2)
  if (deep) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Query parameter ${deep} is nested more than two levels deep.`))
  }
  next()
}
