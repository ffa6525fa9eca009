import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeCardPaymentWorkflow } from "../../../../../../../../workflows"
import { fetchAccount } from "../../../../../../../utils/accounts"
import { customerActorOf } from "../../../../../../../utils/request-context"
import { formatAccount, formatEntry } from "../../../../../../../utils/format"
import type { StoreCompleteCardPaymentType } from "../../../../../validators"

/**
 * Authorizes and captures the card payment, credits the account once, and
 * releases the named held order when the account now covers it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCompleteCardPaymentType>, res: MedusaResponse) => {
  const actor = await customerActorOf(req)
  const { result } = await completeCardPaymentWorkflow(req.scope).run({
    input: {
      account_id: req.params.id,
      payment_collection_id: req.params.payment_collection_id,
      actor,
      release_order_id: req.validatedBody.release_order_id ?? null,
    },
  })
  const account = await fetchAccount(req.scope, req.params.id)
  res.json({
    account: formatAccount(account),
    entry: formatEntry(result.credited.entry),
    released_order_id: result.released_review_id ? req.validatedBody.release_order_id : null,
  })
}
