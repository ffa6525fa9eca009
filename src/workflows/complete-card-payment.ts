import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"
import {
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { checkCardPaymentStep, type CardPaymentCollection } from "./steps"
import { acquireLockOrConflictStep } from "./steps/acquire-lock-or-conflict"

export type CompleteCardPaymentInput = {
  account_id: string
  payment_collection_id: string
  /** The buyer completing it: only the one who started it may. */
  customer_id: string
}

export const completeCardPaymentWorkflowId = "complete-trade-credit-card-payment"

/**
 * The buyer's side of a card payment toward an account: Medusa asks the card
 * provider to authorize the payment session (the provider answers from what
 * its processor says, e.g. the card the buyer confirmed) and, unless the
 * provider reported it captured already, to capture it. The account is NOT
 * credited here: credit-card-payment does that, from Medusa's record of the
 * capture, whoever brought it about (this workflow, or the provider's webhook).
 * Returns the payment, or null when the provider hasn't authorized it yet.
 */
export const completeCardPaymentWorkflow = createWorkflow(
  completeCardPaymentWorkflowId,
  (input: CompleteCardPaymentInput) => {
    // One completion of a payment at a time, in any process: a second one then
    // finds it captured. Waiting holds no database connection, and gives up
    // after `timeout` seconds with a 409.
    const lock = transform({ input }, ({ input }) => ({
      key: `trade-credit-card-payment:${input.payment_collection_id}`,
      ownerId: randomUUID(),
      timeout: 30,
      ttl: 120,
      message: "This card payment is being completed by another request; try again in a moment.",
    }))
    acquireLockOrConflictStep(lock)
    const { data: collections } = useQueryGraphStep({
      entity: "payment_collection",
      fields: ["id", "currency_code", "amount", "metadata", "payment_sessions.id", "payment_sessions.provider_id"],
      filters: { id: input.payment_collection_id },
    })
    const checkInput = transform({ collections, input }, ({ collections, input }) => {
      const collection: CardPaymentCollection | undefined = collections[0]
      return { collection, account_id: input.account_id, customer_id: input.customer_id }
    })
    const { session_id } = checkCardPaymentStep(checkInput)

    const authorizeInput = transform({ session_id }, ({ session_id }) => ({ id: session_id }))
    const payment = authorizePaymentSessionStep(authorizeInput)

    when({ payment }, ({ payment }) => !!payment && !payment.captured_at).then(() => {
      const capture = transform({ payment }, ({ payment }) => ({ payment_id: payment!.id }))
      capturePaymentWorkflow.runAsStep({ input: capture })
    })

    releaseLockStep(lock)
    return new WorkflowResponse(transform({ payment }, ({ payment }) => (payment ? { payment_id: payment.id } : null)))
  }
)
