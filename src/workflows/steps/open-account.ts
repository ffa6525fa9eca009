import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { OpenAccountInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const openAccountStepId = "open-trade-credit-account"

/** Opens the account; compensation discards it while it has no postings. */
export const openAccountStep = createStep(
  openAccountStepId,
  async (input: OpenAccountInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.openAccount(input)
    // A replayed opening belongs to the first request: never discard it.
    return new StepResponse(result, result.replayed ? null : result.account.id)
  },
  async (accountId, { container }) => {
    if (!accountId) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.discardOpenedAccount(accountId)
  }
)
