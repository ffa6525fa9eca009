import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileTradeCredit } from "../../../../utils/reconcile-trade-credit"
import type { AdminReconciliationResponse } from "../../../../types/http"
import type { AdminReconciliationType } from "../validators"

/**
 * The reconciliation check: every account's totals against its credit
 * history, every on-account checkout against Medusa's payment, and the
 * append-only trigger. `ok` with no differences on a healthy store.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminReconciliationType>,
  res: MedusaResponse<AdminReconciliationResponse>
) => {
  res.json(await reconcileTradeCredit(req.scope, { grace_seconds: req.validatedQuery.grace_seconds }))
}
