import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

/**
 * Medusa's fulfillment workflow has no validate hook, and an order awaiting
 * authorization could otherwise be shipped: refuse fulfillments of orders
 * held for credit review (pending or rejected) with the reason.
 */
export async function refuseFulfillmentOfHeldOrder(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const [review] = await tradeCredit
    .listTradeCreditReviews({ order_id: req.params.id, status: ["pending", "rejected"] }, { take: 1 })
    .catch((e) => {
      next(e)
      return [null]
    })
  if (review) {
    return next(new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      review.status === "pending"
        ? `This order is held for credit review (it is over the account's credit limit): release it under Trade credit before fulfilling it.`
        : `This order's credit review was rejected: it can't be fulfilled.`
    ))
  }
  if (review !== null) {
    next()
  }
}
