import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { displayName } from "../../api/utils/request-context"
import type { PostLedgerEntryInput } from "../../modules/trade-credit/types"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import { neverAllowedCardProvider } from "../../modules/trade-credit/utils/card-payments"
import { CARD_PAYMENT_ACCOUNT_KEY, CARD_PAYMENT_CUSTOMER_KEY } from "../../utils/card-payment"
import { exactAmount, present, type QueryPaymentCollection } from "../../types/query"

export const capturedCardPaymentStepId = "captured-trade-credit-card-payment"

/** The idempotency key of a card payment's credit: one per payment collection. */
export const cardPaymentCreditKey = (paymentCollectionId: string) => internalIdempotencyKey("card-payment", paymentCollectionId)

/**
 * The credit a card payment toward an account has earned: the posting of its
 * captured payment, or null when there is none to credit (not a card payment
 * toward an account; no payment the provider reported captured; a provider
 * that moves no money). Medusa records `captured_at` only once the provider
 * answered a capture (its authorize or capture call, or its webhook), never on
 * the buyer's word. Reads only.
 */
export const capturedCardPaymentStep = createStep(
  capturedCardPaymentStepId,
  async (input: { collection: QueryPaymentCollection | undefined }, { container }) => {
    const { collection } = input
    const accountId = collection?.metadata?.[CARD_PAYMENT_ACCOUNT_KEY]
    const customerId = collection?.metadata?.[CARD_PAYMENT_CUSTOMER_KEY]
    if (!collection || typeof accountId !== "string" || typeof customerId !== "string") {
      return new StepResponse(null)
    }
    const payment = present(collection.payments).find(
      (p) => p.captured_at && !p.canceled_at && !neverAllowedCardProvider(p.provider_id)
    )
    if (!payment) {
      return new StepResponse(null)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name", "last_name", "email"],
      filters: { id: customerId },
    })
    const name = displayName(customers[0])
    const posting: PostLedgerEntryInput = {
      account_id: accountId,
      operation: "reimbursed",
      // The exact decimal Medusa stored, not its JS number.
      amount: exactAmount(payment),
      reference: payment.id,
      comment: "Paid by card",
      actor: { type: "customer", id: customerId, name },
      idempotency: { key: cardPaymentCreditKey(collection.id) },
    }
    return new StepResponse(posting)
  }
)
