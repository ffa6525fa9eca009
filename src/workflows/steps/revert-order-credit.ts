import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { Actor } from "../../modules/trade-credit/types"

export const revertOrderCreditStepId = "revert-order-credit"

export type RevertOrderCreditInput = { payment_session_ids: string[]; actor: Actor; comment: string }

/**
 * Gives back what a canceled order still takes from its account and closes
 * its pending credit review, for each of its payment sessions. Idempotent:
 * a session already reverted gives nothing back twice. No compensation: the
 * order is canceled in Medusa whatever happens here, so credit given back for
 * it is never taken again; a failure is retried by running the step again.
 */
export const revertOrderCreditStep = createStep(
  revertOrderCreditStepId,
  async (input: RevertOrderCreditInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const reverted: string[] = []
    for (const payment_session_id of input.payment_session_ids) {
      const { entry } = await tradeCredit.revertOnAccount({ payment_session_id, actor: input.actor, comment: input.comment })
      if (entry) {
        reverted.push(entry.id)
      }
    }
    return new StepResponse(reverted)
  }
)
