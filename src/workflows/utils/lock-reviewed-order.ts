import { randomUUID } from "crypto"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { transform } from "@medusajs/framework/workflows-sdk"
import { orderCreditLockKey, orderCreditLockTimes } from "../../utils/order-credit-lock"
import { refuseDecisionOnCanceledOrderStep } from "../steps"

/**
 * Composition shared by the release and reject workflows: takes the order's
 * credit lock (the one Medusa's cancel route takes too), then refuses a
 * decision on a canceled order. Returns the lock, for `unlockReviewedOrder`
 * once the decision is carried out.
 */
export function lockReviewedOrder(input: { review_id: string }, decision: "released" | "rejected") {
  const { data: reviews } = useQueryGraphStep({
    entity: "trade_credit_review",
    fields: ["id", "order_id", "payment_session_id"],
    filters: { id: input.review_id },
  }).config({ name: "get-credit-review-order" })
  // The lock has an owner: Medusa 2.21's postgres locking grants an owner-less
  // lock to every racing caller. It also holds in a sub-workflow (the release
  // of an order a card payment covered).
  const lock = transform({ reviews, input }, ({ reviews, input }) => ({
    key: orderCreditLockKey(reviews[0]?.order_id ?? reviews[0]?.payment_session_id ?? input.review_id),
    ownerId: randomUUID(),
    ...orderCreditLockTimes(),
    executeOnSubWorkflow: true,
  }))
  acquireLockStep(lock).config({ name: "lock-reviewed-order" })
  const check = transform({ reviews, input }, ({ reviews, input }) => ({
    review_id: input.review_id,
    order_id: reviews[0]?.order_id ?? null,
    payment_session_id: reviews[0]?.payment_session_id ?? "",
    decision,
  }))
  refuseDecisionOnCanceledOrderStep(check)
  return lock
}

export function unlockReviewedOrder(lock: ReturnType<typeof lockReviewedOrder>) {
  releaseLockStep(lock).config({ name: "unlock-reviewed-order" })
}
