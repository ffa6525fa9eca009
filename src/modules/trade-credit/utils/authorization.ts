import type BigNumberJS from "bignumber.js"
import { MathBN } from "@medusajs/framework/utils"
import type { Actor, OverLimitPolicy, ReviewReason } from "../types"
import { availableCredit } from "./available-credit"
import {
  type OverdueInvoice,
  notEnoughCreditMessage,
  overdueMessage,
  ON_STOP_MESSAGE,
  ON_STOP_RELEASE_MESSAGE,
  reviewClosedMessage,
} from "./refusals"
import type { LockedAccountRow } from "./posting"

/** The credit review of the payment session being authorized, if it was held. */
export type SessionReview = {
  status: string
  comment?: string | null
  decided_by_type?: string | null
  decided_by_id?: string | null
  decided_by_name?: string | null
}

export type AuthorizationDecision =
  /** Take the credit: a `purchased` entry written as `actor`, with `comment`. */
  | { kind: "post"; actor: Actor; comment: string | null }
  /** Over the limit under the `hold` policy, or overdue invoices under the `hold` overdue policy: a credit review waits for an admin. */
  | { kind: "hold"; reason: ReviewReason; available: BigNumberJS; over: BigNumberJS; overdue?: OverdueInvoice[] }
  /** The order's review is still pending: nothing changes. */
  | { kind: "pending" }
  /** Refused, with the reason the buyer reads. */
  | { kind: "refuse"; message: string }

/**
 * The authorization decision table (see the README's "Pay on account"):
 *
 * | situation                                      | decision                |
 * | ---------------------------------------------- | ----------------------- |
 * | review pending                                 | pending                 |
 * | review rejected / canceled                     | refuse                  |
 * | review released by an admin user or the ERP    | post, as that admin     |
 * | account on stop (checkout or buyer's release)  | refuse                  |
 * | overdue invoices above the threshold:          |                         |
 * |   overdue policy `block` (the default)         | refuse, naming them     |
 * |   overdue policy `hold`                        | hold (buyer's release: refuse) |
 * |   overdue policy `allow`                       | the rows below          |
 * | fits the available credit, or allow_exceed     | post                    |
 * | over the limit, buyer's release                | refuse                  |
 * | over the limit, policy `block`                 | refuse                  |
 * | over the limit, policy `hold` (the default)    | hold                    |
 *
 * An account on query posts with a note asking to check the order. Pure:
 * the caller reads the row under the account lock and carries it out.
 */
export function decideAuthorization(input: {
  row: Pick<LockedAccountRow, "status" | "allow_exceed" | "over_limit_policy" | "credit_limit" | "balance" | "reserved" | "currency_code"> &
    Partial<Pick<LockedAccountRow, "overdue_policy">>
  amount: BigNumberJS
  review: SessionReview | null
  actor: Actor
  default_over_limit_policy: OverLimitPolicy
  /**
   * The account's invoices overdue past grace (read under the account lock)
   * and the amount they may add up to without stopping pay on account.
   */
  overdue?: { invoices: Array<OverdueInvoice & { amount_open: BigNumberJS }>; threshold: BigNumberJS } | null
}): AuthorizationDecision {
  const { row, amount, review } = input
  let actor = input.actor
  let releasedBy: string | null = null
  if (review) {
    if (review.status === "pending") {
      return { kind: "pending" }
    }
    if (review.status !== "released") {
      return { kind: "refuse", message: reviewClosedMessage(review.status) }
    }
    // Authorized as the one who released it.
    actor = {
      type: (review.decided_by_type ?? "user") as Actor["type"],
      id: review.decided_by_id,
      name: review.decided_by_name,
    }
    releasedBy = actor.name ?? actor.id ?? "an admin"
  }
  // Only a credit controller's release (admin user or ERP) may go over the
  // limit or through a stop; a buyer's release (they paid the part above the
  // limit by card) obeys every rule a checkout does.
  const adminRelease = !!review && (actor.type === "user" || actor.type === "erp")
  if (!adminRelease) {
    if (row.status === "on_stop") {
      return { kind: "refuse", message: review ? ON_STOP_RELEASE_MESSAGE : ON_STOP_MESSAGE }
    }
    const overdue = input.overdue?.invoices ?? []
    const overdueTotal = overdue.reduce((s, i) => s.plus(i.amount_open), MathBN.convert(0))
    const policy = row.overdue_policy ?? "block"
    if (overdue.length && overdueTotal.gt(input.overdue!.threshold) && policy !== "allow") {
      if (policy === "block" || review) {
        return { kind: "refuse", message: overdueMessage(overdue, row.currency_code) }
      }
      const available = availableCredit(row)
      const over = MathBN.max(amount.minus(available), 0) as BigNumberJS
      return { kind: "hold", reason: "overdue_invoices", available, over, overdue }
    }
    const available = availableCredit(row)
    if (available.lt(amount) && !row.allow_exceed) {
      const over = amount.minus(available)
      if (review) {
        return { kind: "refuse", message: notEnoughCreditMessage(available, over, row.currency_code, "release") }
      }
      if ((row.over_limit_policy ?? input.default_over_limit_policy) === "block") {
        return { kind: "refuse", message: notEnoughCreditMessage(available, over, row.currency_code, "order") }
      }
      return { kind: "hold", reason: "over_limit", available, over }
    }
  }
  const comment = releasedBy
    ? `Released from credit review by ${releasedBy}${review?.comment ? `: ${review.comment}` : ""}`
    : row.status === "query"
      ? "Account on query: check this order before processing"
      : null
  return { kind: "post", actor, comment }
}
