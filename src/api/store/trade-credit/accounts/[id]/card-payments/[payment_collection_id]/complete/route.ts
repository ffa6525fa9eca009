import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  completeCardPaymentWorkflow,
  creditCardPaymentWorkflow,
  releaseCoveredOrderWorkflow,
} from "../../../../../../../../workflows"
import { fetchAccount } from "../../../../../../../utils/accounts"
import { customerActorOf } from "../../../../../../../utils/request-context"
import { withConflictMessage } from "../../../../../../../utils/conflict"
import { formatStoreAccount, formatStoreEntry } from "../../../../../../../utils/format"
import type { StoreCompleteCardPaymentType } from "../../../../../validators"
import type { StoreCardPaymentCompletedResponse } from "../../../../../../../../types/http"

/** Refusals whose message is written for the buyer (the ledger's and the provider's). */
const READABLE = new Set<string>([
  MedusaError.Types.NOT_ALLOWED,
  MedusaError.Types.INVALID_DATA,
  MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR,
  MedusaError.Types.NOT_FOUND,
])

/**
 * The buyer completes a card payment: the provider authorizes and captures it
 * (or has already, by webhook), and the account is credited once Medusa has
 * recorded the capture. Then the named held order is released if the account
 * now covers it, decided under the account lock; otherwise it stays held, and
 * `reason` says why.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreCompleteCardPaymentType>, res: MedusaResponse<StoreCardPaymentCompletedResponse>) => {
  const actor = await customerActorOf(req)
  await completeCardPaymentWorkflow(req.scope).run({
    input: { account_id: req.params.id, payment_collection_id: req.params.payment_collection_id, customer_id: actor.id },
  })
  const { result: credited } = await creditCardPaymentWorkflow(req.scope).run({
    input: { payment_collection_id: req.params.payment_collection_id },
  })
  // After the payment is final: a release that fails leaves the order held and the payment credited.
  const orderId = req.validatedBody.release_order_id
  let released: string | null = null
  let reason: string | null = null
  if (!credited) {
    reason = "The payment provider has not confirmed this payment as captured yet: the account is credited as soon as it does."
  } else if (orderId) {
    const { result: reviewId, errors } = await releaseCoveredOrderWorkflow(req.scope).run({
      input: {
        account_id: req.params.id,
        order_id: orderId,
        actor,
        comment: "The buyer paid the amount over the limit by card",
      },
      throwOnError: false,
    })
    if (errors?.length) {
      const error = errors[0].error as { type?: string; message?: string } | undefined
      if (error?.type && READABLE.has(error.type) && error.message) {
        reason = error.message
      } else {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(
          `Trade credit: releasing order ${orderId} after card payment ${req.params.payment_collection_id} failed: ${error?.message}`
        )
        reason = "The order could not be released just now; it stays held for credit review."
      }
    } else if (!reviewId) {
      reason = `Order ${orderId} is not held for credit review on this account.`
    } else {
      released = orderId
    }
  }
  const account = await fetchAccount(req.scope, req.params.id)
  res.json({
    account: formatStoreAccount(account),
    entry: credited ? formatStoreEntry(credited.entry) : null,
    released_order_id: released,
    reason,
  })
})
