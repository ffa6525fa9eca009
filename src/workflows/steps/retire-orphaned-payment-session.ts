import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const retireOrphanedPaymentSessionStepId = "retire-orphaned-payment-session"

export type RetiredPaymentSession = { payment_session_id: string; canceled_payment_id: string | null; deleted_session: boolean }

/**
 * After its credit was given back, the orphaned checkout's Medusa side goes
 * too, so the cart can't be completed on that authorization: an uncaptured
 * Medusa payment is canceled (the provider's cancel finds the ledger already
 * reverted), and a session that never became a payment is deleted (the
 * storefront then starts a new one, authorized afresh). No compensation:
 * both are what Medusa does to an abandoned payment anyway.
 */
export const retireOrphanedPaymentSessionStep = createStep(
  retireOrphanedPaymentSessionStepId,
  async (input: { payment_session_id: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const result: RetiredPaymentSession = { payment_session_id: input.payment_session_id, canceled_payment_id: null, deleted_session: false }
    const [payment] = await payments.listPayments({ payment_session_id: input.payment_session_id }, { take: 1 })
    if (payment) {
      if (!payment.canceled_at && !payment.captured_at) {
        await payments.cancelPayment(payment.id)
        result.canceled_payment_id = payment.id
      }
      return new StepResponse(result)
    }
    const [session] = await payments.listPaymentSessions({ id: input.payment_session_id }, { take: 1, select: ["id"] })
    if (session) {
      await payments.deletePaymentSession(session.id)
      result.deleted_session = true
    }
    return new StepResponse(result)
  }
)
