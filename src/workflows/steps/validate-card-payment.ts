import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { parseAmount } from "../../modules/trade-credit/utils/money"
import {
  assertCardProviderAllowed,
  assertWithinCardPaymentCap,
  cardPaymentCap,
} from "../../modules/trade-credit/utils/card-payments"
import { customerAccountFilter } from "../../utils/customer-account-filter"

export const validateCardPaymentStepId = "validate-trade-credit-card-payment"

export type ValidateCardPaymentInput = {
  account_id: string
  customer_id: string
  amount: string | number
  provider_id: string
}

/**
 * A buyer may pay by card toward an account they may use:
 * - with a provider the store allows for it (`cardPaymentProviders`; never
 *   Medusa's system provider nor pay on account), which exists and is enabled
 *   in a region of the account's currency;
 * - a positive amount in the currency's minor units, at most the card payment
 *   cap (cardPaymentCap: what the account owes with its reserved and held
 *   orders, plus the prepayment the store allows).
 * Reads only, so nothing to compensate.
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
    const options = tradeCredit.getCardPaymentOptions()
    assertCardProviderAllowed(input.provider_id, options)

    const currency = account.currency_code
    const [providers, { data: regions }] = await Promise.all([
      container.resolve(Modules.PAYMENT).listPaymentProviders({ id: input.provider_id }, { take: 1 }),
      query.graph({
        entity: "region",
        fields: ["id", "payment_providers.id", "payment_providers.is_enabled"],
        filters: { currency_code: currency },
      }),
    ])
    if (!providers.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown payment provider ${input.provider_id}.`)
    }
    const enabled = regions.some((region) =>
      (region.payment_providers ?? []).some((p: { id?: string; is_enabled?: boolean } | null) => p?.id === input.provider_id && !!p.is_enabled)
    )
    if (!enabled) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${input.provider_id} is not enabled in any ${currency.toUpperCase()} region, so it can't take payments toward this ${currency.toUpperCase()} account.`
      )
    }

    const amount = parseAmount(input.amount, currency, "amount", { allowNegative: false })
    const held = await tradeCredit.listTradeCreditReviews(
      { account_id: account.id, status: "pending" },
      { select: ["id", "amount", "raw_amount"] }
    )
    const maxPrepayment = options.maxPrepayment[currency] ?? null
    const cap = cardPaymentCap({
      balance: account.raw_balance as never,
      reserved: account.raw_reserved as never,
      held: held.map((review) => review.raw_amount as never),
      max_prepayment: maxPrepayment,
    })
    assertWithinCardPaymentCap(amount.toString(), cap, currency, maxPrepayment)
    return new StepResponse({
      account_id: account.id,
      currency_code: currency,
      amount: amount.toString(),
    })
  }
)
