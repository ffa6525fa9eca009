import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const refuseDecisionOnCanceledOrderStepId = "refuse-trade-credit-decision-on-canceled-order"

export type RefuseDecisionOnCanceledOrderInput = {
  review_id: string
  order_id: string | null
  payment_session_id: string
  decision: "released" | "rejected"
}

/**
 * A review of a canceled order is closed: it can't be released (that would
 * capture the payment of an order that no longer exists) nor rejected. Runs
 * under the order's credit lock, which Medusa's cancel route also takes, so
 * the order can't be canceled between this check and the release. Closes the
 * review itself (as the order.canceled subscriber would), then refuses.
 * Nothing to compensate: a closed review of a canceled order stays closed.
 */
export const refuseDecisionOnCanceledOrderStep = createStep(
  refuseDecisionOnCanceledOrderStepId,
  async (input: RefuseDecisionOnCanceledOrderInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const [review] = await tradeCredit.listTradeCreditReviews({ id: input.review_id }, { select: ["id", "status"], take: 1 })
    // A decided review answers for itself (a replay, or "already rejected").
    if (!input.order_id || review?.status !== "pending") {
      return new StepResponse(undefined)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "status"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (order?.status !== "canceled") {
      return new StepResponse(undefined)
    }
    await tradeCredit.revertOnAccount({
      payment_session_id: input.payment_session_id,
      actor: { type: "system", name: "Order canceled" },
      comment: "Order canceled",
    })
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order #${order.display_id} was canceled: its credit review is closed and can't be ${input.decision === "released" ? "released" : "rejected"}.`
    )
  }
)
