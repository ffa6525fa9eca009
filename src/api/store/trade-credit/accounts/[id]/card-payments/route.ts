import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startCardPaymentWorkflow } from "../../../../../../workflows"
import type { StoreStartCardPaymentType } from "../../../validators"

/**
 * Starts a card payment toward the account (a prepayment, or the part of an
 * order above the limit). Answers the payment collection and the provider's
 * session: the storefront confirms the card with the provider, then
 * completes the payment.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreStartCardPaymentType>, res: MedusaResponse) => {
  const { result } = await startCardPaymentWorkflow(req.scope).run({
    input: { account_id: req.params.id, customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  const session = result.payment_session
  res.status(201).json({
    card_payment: {
      id: result.payment_collection_id,
      account_id: req.params.id,
      amount: session.amount,
      currency_code: session.currency_code,
      payment_session: { id: session.id, provider_id: session.provider_id, status: session.status, data: session.data },
    },
  })
}
