import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { CARD_PAYMENT_ACCOUNT_KEY } from "../utils/card-payment"
import { creditCardPaymentWorkflow } from "../workflows/credit-card-payment"

/**
 * Medusa recorded a capture (capturePaymentWorkflow: the buyer's completion,
 * an admin, or the provider's webhook through processPaymentWorkflow). When
 * the payment pays toward a trade credit account, the account is credited,
 * once per payment collection whichever path gets there first.
 */
export default async function cardPaymentCapturedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection_id", "payment_collection.metadata"],
    filters: { id: data.id },
  })
  const payment = payments[0]
  if (!payment?.payment_collection?.metadata?.[CARD_PAYMENT_ACCOUNT_KEY]) {
    return
  }
  try {
    await creditCardPaymentWorkflow(container).run({ input: { payment_collection_id: payment.payment_collection_id } })
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(
      `Trade credit: crediting card payment ${payment.payment_collection_id} failed: ${(error as Error).message}`
    )
    throw error
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "trade-credit-card-payment-captured" },
}
