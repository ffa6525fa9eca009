import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../../modules/trade-credit/service"

/**
 * Why Medusa's capture of an order paid on account could not be recorded,
 * once the confirm job gave up on it (`null` otherwise): the order page
 * asks the admin to capture it from the payment section. 404 for an unknown order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: req.params.id } })
  if (!orders.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const [failure] = await tradeCredit.listTradeCreditConfirmFailures(
    { order_id: req.params.id, gave_up_at: { $ne: null } },
    { take: 1, order: { created_at: "DESC" } }
  )
  res.json({
    confirm_failure: failure
      ? {
          order_id: failure.order_id,
          payment_id: failure.payment_id,
          attempts: failure.attempts,
          last_error: failure.last_error,
          gave_up_at: failure.gave_up_at,
        }
      : null,
  })
}
