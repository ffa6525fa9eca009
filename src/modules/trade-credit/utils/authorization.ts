import type BigNumberJS from "bignumber.js"
import type { Actor, OverLimitPolicy } from "../types"
import { availableCredit } from "./available-credit"
import {
  notEnoughCreditMessage,
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
  /** Over the limit under the `hold` policy: a credit review waits for an admin. */
  | { kind: "hold"; available: BigNumberJS; over: BigNumberJS }
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
 * | fits the available credit, or allow_exceed     | post                    |
 * | over the limit, buyer's release                | refuse                  |
 * | over the limit, policy `block`                 | refuse                  |
 * | over the limit, policy `hold` (the default)    | hold                    |
 *
 * An account on query posts with a note asking to check the order. Pure:
 * the caller reads the row under the account lock and carries it out.
 */
export function decideAuthorization(input: {
  row: Pick<LockedAccountRow, "status" | "allow_exceed" | "over_limit_policy" | "credit_limit" | "balance" | "reserved" | "currency_code">
  amount: BigNumberJS
  review: SessionReview | null
  actor: Actor
  default_over_limit_policy: OverLimitPolicy
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
    const available = availableCredit(row)
    if (available.lt(amount) && !row.allow_exceed) {
      const over = amount.minus(available)
      if (review) {
        return { kind: "refuse", message: notEnoughCreditMessage(available, over, row.currency_code, "release") }
      }
      if ((row.over_limit_policy ?? input.default_over_limit_policy) === "block") {
        return { kind: "refuse", message: notEnoughCreditMessage(available, over, row.currency_code, "order") }
      }
      return { kind: "hold", available, over }
    }
  }
  const comment = releasedBy
    ? `Released from credit review by ${releasedBy}${review?.comment ? `: ${review.comment}` : ""}`
    : row.status === "query"
      ? "Account on query: check this order before processing"
      : null
  return { kind: "post", actor, comment }
}
