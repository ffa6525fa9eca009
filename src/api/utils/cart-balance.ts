import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** The cart fields the balance routes answer with: what the storefront shows (total left to pay, the credit lines). */
export const STORE_CART_BALANCE_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "metadata",
  "item_total",
  "shipping_total",
  "discount_total",
  "tax_total",
  "credit_line_total",
  "total",
  "credit_lines.id",
  "credit_lines.amount",
  "credit_lines.reference",
  "credit_lines.reference_id",
]

/**
 * A cart of the logged-in customer, or 404 (also for another customer's cart
 * and a guest cart, so cart ids can't be probed). A completed cart is a 400.
 */
export async function customerCart(scope: MedusaContainer, cartId: string, customerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "completed_at"],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart || cart.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  if (cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed.`)
  }
  return cart as { id: string; customer_id: string; currency_code: string }
}

export async function storeCartWithBalance(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: STORE_CART_BALANCE_FIELDS, filters: { id: cartId } })
  return data[0]
}
