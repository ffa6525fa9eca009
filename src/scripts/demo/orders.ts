/**
 * Orders the demo seed places on account the way a storefront places them
 * through the store API, with Medusa's core workflows: a cart for a
 * logged-in buyer with a shipping method, then a payment collection, a
 * pay-on-account payment session for the buyer, and cart completion.
 */
import type { BigNumberInput, IProductModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { payOnAccountProviderId } from "../../providers/pay-on-account/provider-id"
import type { Ctx } from "./storefront"

export const ON_ACCOUNT_PROVIDER = payOnAccountProviderId("on-account")

export type DemoCartSpec = {
  customer: { id: string; email: string; first_name: string; last_name: string }
  shipping_address: { company?: string; address_1: string; postal_code: string; city: string; country_code: string }
  region_id: string
  sales_channel_id: string
  /** The variant ordered (by SKU) and how many. */
  sku: string
  quantity: number
  /** Shipping option picked by name; the first offered one if it isn't available. */
  shipping_option?: string
  metadata?: Record<string, unknown>
}

/** A cart with the item, the addresses and a shipping method, and its total. */
export async function demoCart(container: Ctx, spec: DemoCartSpec): Promise<{ cart_id: string; total: ReturnType<typeof MathBN.convert> }> {
  const products = container.resolve<IProductModuleService>(Modules.PRODUCT)
  const [variant] = await products.listProductVariants({ sku: spec.sku }, { select: ["id"] })
  if (!variant) {
    throw new Error(`Demo order: no product variant with SKU ${spec.sku}.`)
  }
  const address = { first_name: spec.customer.first_name, last_name: spec.customer.last_name, ...spec.shipping_address }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: spec.region_id,
      sales_channel_id: spec.sales_channel_id,
      customer_id: spec.customer.id,
      email: spec.customer.email,
      items: [{ variant_id: variant.id, quantity: spec.quantity }],
      shipping_address: address,
      billing_address: address,
      metadata: spec.metadata,
    },
  })
  const { result: options } = await listShippingOptionsForCartWorkflow(container).run({
    input: { cart_id: cart.id, is_return: false },
  })
  const offered = options as { id: string; name: string }[]
  const option = offered.find((o) => o.name === spec.shipping_option) ?? offered[0]
  if (!option) {
    throw new Error(`Demo order: no shipping option for cart ${cart.id}.`)
  }
  await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: option.id }] } })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "total"], filters: { id: cart.id } })
  return { cart_id: cart.id, total: MathBN.convert(data[0].total as BigNumberInput) }
}

/**
 * Pays the cart with the given payment provider and completes it, as `POST
 * /store/payment-collections/:id/payment-sessions` and `POST
 * /store/carts/:id/complete` do for a logged-in buyer (pay on account derives
 * the paying company account from the customer). The placed order.
 */
export async function completeDemoCart(
  container: Ctx,
  cartId: string,
  customerId: string,
  providerId: string
): Promise<{ id: string; display_id: number; total: BigNumberInput }> {
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: providerId, customer_id: customerId },
  })
  const { result: placed } = await completeCartWorkflow(container).run({ input: { id: cartId } })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "total"], filters: { id: placed.id } })
  return data[0] as unknown as { id: string; display_id: number; total: BigNumberInput }
}

/** The cart paid on account and completed: the placed order. */
export const completeOnAccount = (container: Ctx, cartId: string, customerId: string) =>
  completeDemoCart(container, cartId, customerId, ON_ACCOUNT_PROVIDER)
