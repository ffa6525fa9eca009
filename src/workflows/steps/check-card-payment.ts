import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { neverAllowedCardProvider } from "../../modules/trade-credit/utils/card-payments"
import { CARD_PAYMENT_ACCOUNT_KEY, CARD_PAYMENT_CUSTOMER_KEY } from "../../utils/card-payment"
import { present, type QueryPaymentCollection } from "../../types/query"

/** The card payment's collection as the workflow reads it. */
export type CardPaymentCollection = QueryPaymentCollection

export const checkCardPaymentStepId = "check-trade-credit-card-payment"

/**
 * Only the buyer who started a card payment, on that account, may complete it
 * (anything else is a 404), and only with a provider that can pay toward an
 * account. Reads only.
 */
export const checkCardPaymentStep = createStep(
  checkCardPaymentStepId,
  async (input: { collection: CardPaymentCollection | undefined; account_id: string; customer_id: string }) => {
    const { collection } = input
    if (
      !collection ||
      collection.metadata?.[CARD_PAYMENT_ACCOUNT_KEY] !== input.account_id ||
      collection.metadata?.[CARD_PAYMENT_CUSTOMER_KEY] !== input.customer_id
    ) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "That card payment was not found on this account.")
    }
    const [session] = present(collection.payment_sessions)
    if (!session) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This card payment has no payment session: start it again.")
    }
    const never = neverAllowedCardProvider(session.provider_id)
    if (never) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, never)
    }
    return new StepResponse({ session_id: session.id })
  }
)
