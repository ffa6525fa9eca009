import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"
import {
  acquireLockStep,
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import type { Actor } from "../modules/trade-credit/types"
import { internalIdempotencyKey } from "../modules/trade-credit/utils/idempotency-keys"
import { checkCardPaymentStep, type CardPaymentCollection, postLedgerEntryStep } from "./steps"

export type CompleteCardPaymentInput = {
  account_id: string
  payment_collection_id: string
  actor: Actor & { type: "customer"; id: string }
}

export const completeCardPaymentWorkflowId = "complete-trade-credit-card-payment"

/**
 * Completes a card payment toward an account: Medusa authorizes and captures
 * it with the card provider, then the account is credited with one
 * `reimbursed` entry (idempotent per payment collection: a retry credits
 * nothing twice). Releasing a held order it covers is a separate workflow
 * (release-covered-order), so a failed release never undoes a payment.
 */
export const completeCardPaymentWorkflow = createWorkflow(
  completeCardPaymentWorkflowId,
  (input: CompleteCardPaymentInput) => {
    // One completion of a payment at a time, in any process: a second one then
    // finds it captured and credited, and replays. The lock has an owner: Medusa
    // 2.21's postgres locking grants an owner-less lock to every racing caller.
    const lock = transform({ input }, ({ input }) => ({
      key: `trade-credit-card-payment:${input.payment_collection_id}`,
      ownerId: randomUUID(),
      timeout: 30,
      ttl: 120,
    }))
    acquireLockStep(lock)
    const { data: collections } = useQueryGraphStep({
      entity: "payment_collection",
      fields: [
        "id",
        "currency_code",
        "amount",
        "raw_amount",
        "metadata",
        "payment_sessions.id",
        "payment_sessions.provider_id",
        "payments.id",
        "payments.captured_at",
      ],
      filters: { id: input.payment_collection_id },
    })
    const checkInput = transform({ collections, input }, ({ collections, input }) => ({
      collection: collections[0] as CardPaymentCollection | undefined,
      account_id: input.account_id,
      customer_id: input.actor.id,
    }))
    const { session_id } = checkCardPaymentStep(checkInput)

    const authorizeInput = transform({ session_id }, ({ session_id }) => ({ id: session_id }))
    const payment = authorizePaymentSessionStep(authorizeInput)

    when({ payment }, ({ payment }) => !!payment && !payment.captured_at).then(() => {
      const capture = transform({ payment }, ({ payment }) => ({ payment_id: payment!.id }))
      capturePaymentWorkflow.runAsStep({ input: capture })
    })

    const posting = transform({ collections, input, payment }, ({ collections, input, payment }) => {
      const collection = collections[0] as CardPaymentCollection
      return {
        account_id: input.account_id,
        operation: "reimbursed" as const,
        // The exact decimal Medusa stored, not its JS number.
        amount: (collection.raw_amount as { value?: string } | undefined)?.value ?? collection.amount,
        reference: payment!.id,
        comment: "Paid by card",
        actor: input.actor,
        idempotency: { key: internalIdempotencyKey("card-payment", collection.id) },
      }
    })
    const credited = postLedgerEntryStep(posting)

    releaseLockStep(lock)
    return new WorkflowResponse(credited)
  }
)
