import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeCardPaymentWorkflow, releaseCoveredOrderWorkflow } from "../../../../../../../../workflows"
import { fetchAccount } from "../../../../../../../utils/accounts"
import { customerActorOf } from "../../../../../../../utils/request-context"
import { formatStoreAccount, formatStoreEntry } from "../../../../../../../utils/format"
import type { StoreCompleteCardPaymentType } from "../../../../../validators"

/**
 * Authorizes and captures the card payment, credits the account once, and
 * releases the named held order when the account now covers it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCompleteCardPaymentType>, res: MedusaResponse) => {
  const actor = await customerActorOf(req)
  const { result: credited } = await completeCardPaymentWorkflow(req.scope).run({
    input: { account_id: req.params.id, payment_collection_id: req.params.payment_collection_id, actor },
  })
  // After the payment is final: a release that fails leaves the order held and the payment credited.
  const orderId = req.validatedBody.release_order_id
  let released: string | null = null
  if (orderId) {
    const { result: reviewId } = await releaseCoveredOrderWorkflow(req.scope).run({
      input: {
        account_id: req.params.id,
        order_id: orderId,
        actor,
        comment: "The buyer paid the amount over the limit by card",
      },
    })
    released = reviewId ? orderId : null
  }
  const account = await fetchAccount(req.scope, req.params.id)
  res.json({ account: formatStoreAccount(account), entry: formatStoreEntry(credited.entry), released_order_id: released })
}
