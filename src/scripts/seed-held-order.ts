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
import type { BigNumberInput, ExecArgs, IProductModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { payOnAccountProviderId } from "../providers/pay-on-account/provider-id"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"

type Ctx = ExecArgs["container"]
type Note = (what: string, created: boolean) => void

export const ON_ACCOUNT_PROVIDER = payOnAccountProviderId("on-account")

export type HeldOrderSpec = {
  /** Used in the log lines, e.g. the account's slug. */
  label: string
  account_id: string
  customer: { id: string; email: string; first_name: string; last_name: string }
  shipping_address: { company?: string; address_1: string; postal_code: string; city: string; country_code: string }
  region_id: string
  sales_channel_id: string
  /** The variant ordered (by SKU) and how many. */
  sku: string
  quantity: number
  /** Shipping option picked by name; the first offered one if it isn't available. */
  shipping_option?: string
}

const eur = (value: unknown) => MathBN.convert(value as BigNumberInput).toFixed(2)

export async function ensureHeldOrder(container: Ctx, spec: HeldOrderSpec, note: Note) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
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

  const products = container.resolve<IProductModuleService>(Modules.PRODUCT)
  const [variant] = await products.listProductVariants({ sku: spec.sku }, { select: ["id"] })
  if (!variant) {
    throw new Error(`Held order: no product variant with SKU ${spec.sku}.`)
  }

  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: spec.region_id,
      sales_channel_id: spec.sales_channel_id,
      customer_id: spec.customer.id,
      email: spec.customer.email,
      items: [{ variant_id: variant.id, quantity: spec.quantity }],
      shipping_address: {
        first_name: spec.customer.first_name,
        last_name: spec.customer.last_name,
        ...spec.shipping_address,
      },
      billing_address: {
        first_name: spec.customer.first_name,
        last_name: spec.customer.last_name,
        ...spec.shipping_address,
      },
      metadata: { demo_seed: "held-order" },
    },
  })

  const { result: options } = await listShippingOptionsForCartWorkflow(container).run({
    input: { cart_id: cart.id, is_return: false },
  })
  const option =
    (options as { id: string; name: string }[]).find((o) => o.name === spec.shipping_option) ??
    (options as { id: string; name: string }[])[0]
  if (!option) {
    throw new Error(`Held order: no shipping option for cart ${cart.id}.`)
  }
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: option.id }] },
  })

  const { data: totals } = await query.graph({
    entity: "cart",
    fields: ["id", "total"],
    filters: { id: cart.id },
  })
  const cartTotal = MathBN.convert(totals[0].total as BigNumberInput)
  if (cartTotal.lte(MathBN.convert(account.available_credit as BigNumberInput))) {
    note(
      `${what}: skipped (cart total ${eur(cartTotal)} EUR is within the ${eur(account.available_credit)} EUR available)`,
      false
    )
    return null
  }

  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  // As `POST /store/payment-collections/:id/payment-sessions` does for a logged-in buyer:
  // the provider derives the paying (company) account from the customer.
  await createPaymentSessionsWorkflow(container).run({
    input: {
      payment_collection_id: collection.id,
      provider_id: ON_ACCOUNT_PROVIDER,
      customer_id: spec.customer.id,
    },
  })

  const { result: placed } = await completeCartWorkflow(container).run({ input: { id: cart.id } })

  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "total", "payment_collections.status"],
    filters: { id: placed.id },
  })
  const order = orders[0]
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
