/**
 * The demo's refund to balance (seed 000, "items out of stock"): an order of
 * the prepaid personal customer, paid with Medusa's system provider and
 * captured; an admin's order edit removes an item that turned out to be out of
 * stock, and the paid difference goes to the customer's balance through the
 * plugin's workflow (a `refunded` entry naming the order, an order transaction
 * of -amount). Placed with the balance opted out, so the card pays it all.
 *
 * Idempotent: the refund carries the idempotency key `demo-seed:refund:<slug>`;
 * when the customer's account already holds it, nothing is done.
 */
import type { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  beginOrderEditOrderWorkflow,
  capturePaymentWorkflow,
  confirmOrderEditRequestWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { BALANCE_CART_METADATA_KEY } from "../../modules/trade-credit/utils/cart-balance"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import { refundableOf } from "../../modules/trade-credit/utils/order-balance"
import { orderBalanceWorkflow } from "../../workflows/order-balance"
import { completeDemoCart, demoCart, type DemoCartSpec } from "./orders"
import type { Ctx, Note } from "./storefront"

const SYSTEM_PROVIDER = "pp_system_default"
/** Bags of cement ordered; one turns out to be out of stock. */
const ORDERED = 4

export async function ensureRefundedOrder(
  container: Ctx,
  spec: Omit<DemoCartSpec, "metadata" | "sku" | "quantity"> & { slug: string },
  note: Note
) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const key = internalIdempotencyKey("demo-seed", "refund", spec.slug)
  const [done] = await tradeCredit.listTradeCreditLedgerEntries({ idempotency_key: key }, { take: 1 })
  if (done) {
    note(`order #${done.order_display_id} of ${spec.slug} with an item refunded to the balance`, false)
    return
  }
  const { cart_id } = await demoCart(container, {
    ...spec,
    sku: "CEM-IIBM-25",
    quantity: ORDERED,
    metadata: { demo_seed: `refund:${spec.slug}`, [BALANCE_CART_METADATA_KEY]: { opted_out: true } },
  })
  const placed = await completeDemoCart(container, cart_id, spec.customer.id, SYSTEM_PROVIDER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderOf = async () =>
    (
      await query.graph({
        entity: "order",
        fields: ["id", "display_id", "currency_code", "summary.*", "items.id", "payment_collections.payments.id"],
        filters: { id: placed.id },
      })
    ).data[0] as any // eslint-disable-line @typescript-eslint/no-explicit-any
  let order = await orderOf()
  for (const payment of order.payment_collections?.[0]?.payments ?? []) {
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
  }
  const item = order.items[0]
  await beginOrderEditOrderWorkflow(container).run({ input: { order_id: order.id, description: "Out of stock" } })
  await orderEditUpdateItemQuantityWorkflow(container).run({
    input: { order_id: order.id, items: [{ id: item.id, quantity: ORDERED - 1 }] },
  })
  await requestOrderEditRequestWorkflow(container).run({ input: { order_id: order.id } })
  await confirmOrderEditRequestWorkflow(container).run({ input: { order_id: order.id } })
  order = await orderOf()
  const owed = refundableOf((order.summary?.raw_pending_difference ?? order.summary?.pending_difference ?? 0) as BigNumberInput, order.currency_code)
  await orderBalanceWorkflow(container).run({
    input: {
      source: "admin",
      order_id: order.id,
      amount: owed.toFixed(),
      reason: "Item out of stock",
      note: "1 bag of cement removed by an order edit; the paid difference stays on the customer's balance.",
      actor: { type: "user", name: "Demo Admin" },
      idempotency: { key },
    },
  })
  note(`order #${order.display_id} of ${spec.slug} with an item removed and ${owed.toFixed(2)} refunded to the balance`, true)
}
