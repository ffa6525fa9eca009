import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../modules/trade-credit/types"
import { completeCardPaymentWorkflow } from "./complete-card-payment"
import { creditCardPaymentWorkflow } from "./credit-card-payment"
import { releaseCoveredOrderWorkflow } from "./release-covered-order"

export type PayCardPaymentToAccountInput = {
  account_id: string
  payment_collection_id: string
  /** The buyer completing it: only the one who started it may. */
  customer_id: string
  /** A held order of the account to release once the payment is credited, if it now covers it. */
  release_order_id?: string | null
  actor: Actor
}

export const payCardPaymentToAccountWorkflowId = "pay-card-payment-to-trade-credit-account"
/** The steps whose failure leaves the payment as it is (see the workflow). */
export const CREDIT_CARD_PAYMENT_STEP = "credit-card-payment-to-account"
export const RELEASE_COVERED_ORDER_STEP = "release-order-covered-by-card-payment"

/**
 * The buyer completes a card payment toward an account: the provider
 * authorizes and captures it (completeCardPaymentWorkflow), the account is
 * credited once Medusa has recorded the capture (creditCardPaymentWorkflow),
 * then the named held order is released if the account now covers it
 * (releaseCoveredOrderWorkflow, decided under the account lock).
 *
 * Once the card is charged nothing undoes the payment: a crediting that fails
 * is done again by the `payment.captured` subscriber, and a release that is
 * refused (on stop, still over the limit) puts its review back to pending and
 * leaves the order held. Both steps continue on failure and report their
 * error in the run's `errors` under their step name.
 */
export const payCardPaymentToAccountWorkflow = createWorkflow(
  payCardPaymentToAccountWorkflowId,
  (input: PayCardPaymentToAccountInput) => {
    const complete = transform({ input }, ({ input }) => ({
      account_id: input.account_id,
      payment_collection_id: input.payment_collection_id,
      customer_id: input.customer_id,
    }))
    completeCardPaymentWorkflow.runAsStep({ input: complete })
    const credit = transform({ input }, ({ input }) => ({ payment_collection_id: input.payment_collection_id }))
    const credited = creditCardPaymentWorkflow
      .runAsStep({ input: credit })
      .config({ name: CREDIT_CARD_PAYMENT_STEP, continueOnPermanentFailure: true })
    const reviewId = when({ credited, input }, ({ credited, input }) => !!credited && !!input.release_order_id).then(() => {
      const release = transform({ input }, ({ input }) => ({
        account_id: input.account_id,
        order_id: input.release_order_id as string,
        actor: input.actor,
        comment: "The buyer paid the amount over the limit by card",
      }))
      return releaseCoveredOrderWorkflow
        .runAsStep({ input: release })
        .config({ name: RELEASE_COVERED_ORDER_STEP, continueOnPermanentFailure: true })
    })
    return new WorkflowResponse(
      transform({ credited, reviewId }, ({ credited, reviewId }) => ({
        credited: credited ?? null,
        released_review_id: (reviewId as string | null | undefined) ?? null,
      }))
    )
  }
)
