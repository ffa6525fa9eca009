import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  payCardPaymentToAccountWorkflow,
  RELEASE_COVERED_ORDER_STEP,
} from "../../../../../../../../workflows/pay-card-payment-to-account"
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
 * The buyer completes a card payment (payCardPaymentToAccountWorkflow): the
 * provider authorizes and captures it, the account is credited, and the named
 * held order is released if the account now covers it; otherwise it stays
 * held, and `reason` says why.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreCompleteCardPaymentType>, res: MedusaResponse<StoreCardPaymentCompletedResponse>) => {
  const actor = await customerActorOf(req)
  const orderId = req.validatedBody.release_order_id
  const { result, errors } = await payCardPaymentToAccountWorkflow(req.scope).run({
    input: {
      account_id: req.params.id,
      payment_collection_id: req.params.payment_collection_id,
      customer_id: actor.id,
      release_order_id: orderId ?? null,
      actor,
    },
    throwOnError: false,
  })
  const releaseError = errors?.find((e) => e.action === RELEASE_COVERED_ORDER_STEP)?.error as
    | { type?: string; message?: string }
    | undefined
  const failed = errors?.find((e) => e.action !== RELEASE_COVERED_ORDER_STEP)
  if (failed || !result) {
    // The payment itself, or its crediting (which the payment.captured subscriber retries), failed.
    throw failed?.error ?? new Error(`Card payment ${req.params.payment_collection_id} could not be completed.`)
  }
  const credited = result.credited
  let released: string | null = null
  let reason: string | null = null
  if (!credited) {
    reason = "The payment provider has not confirmed this payment as captured yet: the account is credited as soon as it does."
  } else if (orderId) {
    if (releaseError) {
      if (releaseError.type && READABLE.has(releaseError.type) && releaseError.message) {
        reason = releaseError.message
      } else {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(
          `Trade credit: releasing order ${orderId} after card payment ${req.params.payment_collection_id} failed: ${releaseError.message}`
        )
        reason = "The order could not be released just now; it stays held for credit review."
      }
    } else if (!result.released_review_id) {
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
