import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentCollectionsStep, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { CARD_PAYMENT_ACCOUNT_KEY, CARD_PAYMENT_CUSTOMER_KEY } from "../utils/card-payment"
import { validateCardPaymentStep } from "./steps"

export type StartCardPaymentInput = {
  account_id: string
  customer_id: string
  amount: string | number
  provider_id: string
  /** Passed to the card provider as its session data (e.g. a payment method token). */
  data?: Record<string, unknown>
}

export const startCardPaymentWorkflowId = "start-trade-credit-card-payment"

/**
 * A buyer starts paying toward an account by card (a prepayment, or the part
 * of an order above the limit): a Medusa payment collection in the account's
 * currency, tagged with the account, and a payment session with the card
 * provider. Nothing reaches the ledger until the payment is completed.
 */
export const startCardPaymentWorkflow = createWorkflow(
  startCardPaymentWorkflowId,
  (input: StartCardPaymentInput) => {
    const payment = validateCardPaymentStep(input)
    const collectionInput = transform({ input, payment }, ({ input, payment }) => [
      {
        currency_code: payment.currency_code,
        amount: payment.amount,
        metadata: {
          [CARD_PAYMENT_ACCOUNT_KEY]: payment.account_id,
          [CARD_PAYMENT_CUSTOMER_KEY]: input.customer_id,
        },
      },
    ])
    const collections = createPaymentCollectionsStep(collectionInput as never)
    const sessionInput = transform({ input, collections }, ({ input, collections }) => ({
      payment_collection_id: collections[0].id,
      provider_id: input.provider_id,
      customer_id: input.customer_id,
      data: input.data ?? {},
    }))
    const session = createPaymentSessionsWorkflow.runAsStep({ input: sessionInput })
    return new WorkflowResponse(
      transform({ collections, session }, ({ collections, session }) => ({
        payment_collection_id: collections[0].id,
        payment_session: session,
      }))
    )
  }
)
