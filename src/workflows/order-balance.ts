import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addOrderTransactionStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MathBN } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { ORDER_BALANCE_TRANSACTION_REFERENCE } from "../modules/trade-credit/constants"
import { acquireLockOrConflictStep } from "./steps/acquire-lock-or-conflict"
import { planOrderBalanceStep, type PlanOrderBalanceInput } from "./steps/plan-order-balance"
import { postOrderBalanceStep } from "./steps/post-order-balance"

export type OrderBalanceWorkflowInput = PlanOrderBalanceInput

/** The lock of one order's money going to or from the balance: a second request waits, then reads the new pending difference. */
export function orderBalanceLockKey(orderId: string): string {
  return `trade-credit-order-balance:${orderId}`
}

export const orderBalanceWorkflowId = "trade-credit-order-balance"

/**
 * Money between an order and its customer's balance, with Medusa's order
 * accounting kept right: under the order's lock, what the order owes (its
 * pending difference) is read, the balance is credited (`refunded`) or
 * debited, and an order transaction of the opposite amount (reference
 * `trade_credit`, reference_id the ledger entry) brings the pending difference
 * back, as Medusa's own refund does (its transaction of -amount). Used by the
 * admin's refund to balance, received returns (`refund_returns_to`) and the
 * tolerance settlement (`settle_tolerance`). Returns the posting, or null when
 * an automatic path had nothing to do.
 */
export const orderBalanceWorkflow = createWorkflow(orderBalanceWorkflowId, (input: OrderBalanceWorkflowInput) => {
  const lock = transform({ input }, ({ input }) => ({
    key: orderBalanceLockKey(input.order_id),
    ownerId: randomUUID(),
    timeout: 30,
    ttl: 120,
    message: "This order's refund is being recorded by another request; try again in a moment.",
  }))
  acquireLockOrConflictStep(lock)
  const plan = planOrderBalanceStep(input)
  const posted = when({ plan }, ({ plan }) => !!plan).then(() => {
    const result = postOrderBalanceStep(transform({ plan }, ({ plan }) => plan!))
    const transaction = transform({ result, plan }, ({ result, plan }) => ({
      order_id: plan!.order_id,
      amount: MathBN.mult(result.entry.amount as unknown as string, -1),
      currency_code: plan!.currency_code,
      reference: ORDER_BALANCE_TRANSACTION_REFERENCE,
      reference_id: result.entry.id,
    }))
    addOrderTransactionStep(transaction)
    return result
  })
  releaseLockStep(lock)
  return new WorkflowResponse(transform({ posted }, ({ posted }) => posted ?? null))
})
