import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { adminAndShopOncePerFile } from "./checkout"
import { afterSubscribers } from "./fixtures"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The seeded product the refund tests order: a cement bag, stocked. */
export const CEMENT_BAG = "CEM-IIBM-25"
const ADDRESS = { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" }

/**
 * Orders paid by card-like providers and what happens to them afterwards
 * (order edits, returns), through Medusa's own store and admin API: the
 * refund-to-balance specs share them.
 */
export function orderHelpers(api: any, getContainer: () => MedusaContainer) {
  const base = adminAndShopOncePerFile(api, getContainer)

  /** The file's admin and storefront (built once, in a beforeAll: call orderHelpers at the top of the testSuite). */
  const setup = async () => {
    const container = getContainer()
    const { admin, shop } = base()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: bags } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: CEMENT_BAG } })
    return { container, admin, shop: { ...shop, bagId: bags[0].id as string } }
  }

  const orderOf = async (admin: any, id: string) =>
    (
      await api.get(
        `/admin/orders/${id}?fields=id,display_id,total,status,payment_status,summary.*,*items,*credit_lines,*payment_collections,*payment_collections.payments,*transactions`,
        { headers: admin.headers }
      )
    ).data.order

  /** An order of `quantity` cement bags, paid with Medusa's system provider (what the balance doesn't cover) and captured. */
  const paidOrder = async (admin: any, headers: any, shop: any, quantity: number, opts: { captureLess?: string } = {}) => {
    const { cart } = (await api.post("/store/carts", { region_id: shop.regionId, email: "guest@example.com", items: [{ variant_id: shop.bagId, quantity }], shipping_address: ADDRESS }, { headers })).data
    const optionId = await client.shippingOptionFor(api, headers, cart.id, client.STANDARD_SHIPPING)
    // The balance subscriber applies (or not) the balance before the rest is paid.
    await afterSubscribers(getContainer(), ["cart.updated"], () =>
      api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, { headers })
    )
    const ready = (await api.get(`/store/carts/${cart.id}`, { headers })).data.cart
    if (MathBN.gt(ready.total, 0)) {
      const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })).data
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: client.SYSTEM }, { headers })
    }
    const placed = await client.complete(api, headers, cart.id)
    expect(placed.type).toBe("order")
    const order = await orderOf(admin, placed.order.id)
    const payment = order.payment_collections?.[0]?.payments?.[0]
    if (payment && !payment.captured_at) {
      const amount = opts.captureLess ? MathBN.sub(payment.amount, opts.captureLess).toNumber() : undefined
      await api.post(`/admin/payments/${payment.id}/capture`, amount === undefined ? {} : { amount }, { headers: admin.headers })
    }
    return { cart: ready, order: await orderOf(admin, placed.order.id) }
  }

  /** Ships the order's first item, then a return of one of it, requested and received (Medusa's admin return flow). */
  const returnOf = async (admin: any, order: any, metadata?: Record<string, unknown>) => {
    const item = order.items[0]
    await api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: item.id, quantity: item.quantity }] }, { headers: admin.headers })
    const { stock_locations } = (await api.get("/admin/stock-locations", { headers: admin.headers })).data
    const location_id = stock_locations[0].id
    const { return: ret } = (await api.post("/admin/returns", { order_id: order.id, location_id, ...(metadata ? { metadata } : {}) }, { headers: admin.headers })).data
    await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: item.id, quantity: 1 }] }, { headers: admin.headers })
    await api.post(`/admin/returns/${ret.id}/request`, {}, { headers: admin.headers })
    await api.post(`/admin/returns/${ret.id}/receive`, {}, { headers: admin.headers })
    await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: item.id, quantity: 1 }] }, { headers: admin.headers })
    await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, { headers: admin.headers })
    return ret
  }

  /** What Medusa says the order still owes (positive) or is owed (negative). */
  const pending = (order: any) => MathBN.convert(order.summary.pending_difference)
  const personalAccounts = async (admin: any, customerId: string) =>
    (await api.get(`/admin/trade-credit/accounts?customer_id=${customerId}`, { headers: admin.headers })).data.accounts

  return { setup, orderOf, paidOrder, returnOf, pending, personalAccounts }
}
