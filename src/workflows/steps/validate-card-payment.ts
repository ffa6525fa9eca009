import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { parseAmount } from "../../modules/trade-credit/utils/money"
import { isPayOnAccountProvider } from "../../providers/pay-on-account/provider-id"
import { customerAccountFilter } from "../../utils/customer-account-filter"

export const validateCardPaymentStepId = "validate-trade-credit-card-payment"

export type ValidateCardPaymentInput = {
  account_id: string
  customer_id: string
  amount: string | number
  provider_id: string
}

/**
 * A buyer may pay by card toward an account they may use, a positive amount
 * in its currency's minor units, with a provider that isn't pay on account
 * (credit can't pay credit). Reads only, so nothing to compensate.
 */
export const validateCardPaymentStep = createStep(
  validateCardPaymentStepId,
  async (input: ValidateCardPaymentInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { $or } = await customerAccountFilter(query, input.customer_id)
    const [account] = await tradeCredit.listTradeCreditAccounts({ id: input.account_id, $or } as never, { take: 1 })
    if (!account) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${input.account_id} was not found.`)
    }
    if (isPayOnAccountProvider(input.provider_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A payment toward a trade credit account can't itself be paid on account: choose a card or another payment method."
      )
    }
    const amount = parseAmount(input.amount, account.currency_code, "amount", { allowNegative: false })
    return new StepResponse({
      account_id: account.id,
      currency_code: account.currency_code,
      amount: amount.toString(),
    })
  }
)
