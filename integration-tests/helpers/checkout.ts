import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStorefront } from "../../src/scripts/seed-demo"
import { ON_ACCOUNT_PROVIDER } from "../../src/scripts/seed-held-order"
import { adminHeaders, buyer, customerGroup } from "./fixtures"

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ON_ACCOUNT = ON_ACCOUNT_PROVIDER

/** The demo's storefront (region with both providers, shipping, products), built in the test database. */
export async function storefront(container: MedusaContainer) {
  const { region, apiKey } = await seedStorefront(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "title", "product.title"] })
  return { regionId: region.id as string, pk: apiKey.token as string, variantIds: variants.map((v: any) => v.id as string) }
}

/**
 * A cart ready to complete: item, address, shipping method, payment session
 * with `providerId`. Returns the cart (with its total) for the caller to size
 * credit limits against.
 */
export async function cartReadyToPay(
  api: any,
  headers: Record<string, string>,
  shop: { regionId: string; variantIds: string[] },
  { quantity = 1, variant = 0, providerId = ON_ACCOUNT } = {}
) {
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[variant], quantity }] },
    { headers }
  )
  const cartId = created.cart.id
  await api.post(
    `/store/carts/${cartId}`,
    {
      shipping_address: { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" },
    },
    { headers }
  )
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers })
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
  await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: providerId }, { headers })
  const { data } = await api.get(`/store/carts/${cartId}`, { headers })
  return data.cart as { id: string; total: number; currency_code: string }
}

/** Completes a cart: `{type: "order", order}` or `{type: "cart", error}` (Medusa's shapes). */
export async function complete(api: any, headers: Record<string, string>, cartId: string) {
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  return data
}

/**
 * A company (customer group) with a trade credit account in EUR, one of its
 * buyers logged in, the storefront and an admin: the setup of a checkout test.
 */
export async function companyWithBuyer(
  api: any,
  container: MedusaContainer,
  options: { company: string; email: string; credit_limit: number }
) {
  const admin = await adminHeaders(api, container)
  const shop = await storefront(container)
  const company = await customerGroup(container, options.company)
  const buyerOf = await buyer(api, container, shop.pk, options.email, [company.id])
  const { data } = await api.post(
    "/admin/trade-credit/accounts",
    { customer_group_id: company.id, currency_code: "eur", credit_limit: options.credit_limit },
    { headers: admin.headers }
  )
  return { admin, shop, company, buyer: buyerOf, account: data.account }
}
