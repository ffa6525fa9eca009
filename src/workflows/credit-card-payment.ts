import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { PostLedgerEntryInput } from "../modules/trade-credit/types"
import { capturedCardPaymentStep, postLedgerEntryStep } from "./steps"
import type { QueryPaymentCollection } from "../types/query"

export type CreditCardPaymentInput = { payment_collection_id: string }

export const creditCardPaymentWorkflowId = "credit-trade-credit-card-payment"

/**
 * THE one place a card payment toward an account is credited: once Medusa has
 * recorded the capture of the payment collection's payment, the account gets
 * one `reimbursed` entry (reference = the Medusa payment id, actor = the buyer
 * who started it), idempotent per payment collection, so the buyer's
 * completion, the provider's webhook (subscriber on `payment.captured`) and
 * any retry credit it once. Returns the posting, or null when there is
 * nothing to credit yet. The posting is its last step: nothing after it can
 * undo a credit.
 */
export const creditCardPaymentWorkflow = createWorkflow(
  creditCardPaymentWorkflowId,
  (input: CreditCardPaymentInput) => {
    const { data: collections } = useQueryGraphStep({
      entity: "payment_collection",
      fields: [
        "id",
        "metadata",
        "payments.id",
        "payments.provider_id",
        "payments.amount",
        "payments.raw_amount",
        "payments.captured_at",
        "payments.canceled_at",
      ],
      filters: { id: input.payment_collection_id },
    })
    const posting = capturedCardPaymentStep(
      transform({ collections }, ({ collections }) => {
        const collection: QueryPaymentCollection | undefined = collections[0]
        return { collection }
      })
    )
    const credited = when({ posting }, ({ posting }) => !!posting).then(() =>
      postLedgerEntryStep(transform({ posting }, ({ posting }) => posting as PostLedgerEntryInput))
    )
    return new WorkflowResponse(transform({ credited }, ({ credited }) => credited ?? null))
  }
)
