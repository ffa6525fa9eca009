/**
 * One order held for credit review, for the demo (`seed-demo.ts` calls it).
 *
 * The order is placed the way a storefront places it through the store API,
 * with Medusa's core workflows: cart as a logged-in buyer, shipping method,
 * payment collection, a pay-on-account payment session for the buyer, then
 * cart completion. The order costs more than the account's available credit,
 * so under the `hold` policy the provider leaves it awaiting authorization and
 * opens a pending review in the credit controller's queue.
 *
 * Idempotent per account: if the account has any credit review (pending, or
 * already decided in the admin), nothing is placed.
 */
import type { BigNumberInput, ExecArgs } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { completeOnAccount, demoCart, type DemoCartSpec, ON_ACCOUNT_PROVIDER } from "./demo/orders"

type Ctx = ExecArgs["container"]
type Note = (what: string, created: boolean) => void

export { ON_ACCOUNT_PROVIDER }

export type HeldOrderSpec = Omit<DemoCartSpec, "metadata"> & {
  /** Used in the log lines, e.g. the account's slug. */
  label: string
  account_id: string
}

const eur = (value: unknown) => MathBN.convert(value as BigNumberInput).toFixed(2)

export async function ensureHeldOrder(container: Ctx, spec: HeldOrderSpec, note: Note) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const what = `held order for ${spec.label}`

  const [existing] = await tradeCredit.listTradeCreditReviews(
    { account_id: spec.account_id },
    { order: { created_at: "ASC" }, take: 1 }
  )
  if (existing) {
    note(
      `${what}: #${existing.order_display_id ?? "?"} (${eur(existing.amount)} EUR), review ${existing.id} ${existing.status}`,
      false
    )
    return existing
  }

  // Placed only when it will really be held: over the available credit, under `hold`.
  const account = await tradeCredit.retrieveTradeCreditAccount(spec.account_id)
  const policy = account.over_limit_policy ?? tradeCredit.getOptions().defaultOverLimitPolicy
  if (account.status === "on_stop" || policy !== "hold") {
    note(`${what}: skipped (account status ${account.status}, over-limit policy ${policy})`, false)
    return null
  }

  const { cart_id, total: cartTotal } = await demoCart(container, { ...spec, metadata: { demo_seed: "held-order" } })
  if (cartTotal.lte(MathBN.convert(account.available_credit as BigNumberInput))) {
    note(
      `${what}: skipped (cart total ${eur(cartTotal)} EUR is within the ${eur(account.available_credit)} EUR available)`,
      false
    )
    return null
  }

  const order = await completeOnAccount(container, cart_id, spec.customer.id)
  const [review] = await tradeCredit.listTradeCreditReviews({ order_id: order.id }, { take: 1 })
  if (!review) {
    throw new Error(`Held order: order ${order.id} was placed but no credit review was opened for it.`)
  }
  note(
    `${what}: #${order.display_id} (${eur(order.total)} EUR, ${eur(review.amount_over)} over the ` +
      `${eur(review.available_credit)} available), review ${review.id} ${review.status}`,
    true
  )
  return review
}
