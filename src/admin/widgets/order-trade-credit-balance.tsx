import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderBalanceSection } from "../components/order-balance-section"

/**
 * Order page side column: the customer balance on the order (used at
 * checkout, refunds to balance, "Refund to balance"). Its own widget beside
 * the on-account payment widget, which renders only for orders paid on account.
 */
const OrderTradeCreditBalanceWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) =>
  order?.id ? <OrderBalanceSection orderId={order.id} displayId={order.display_id} /> : null

export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "trade-credit:order-balance",
})

export default OrderTradeCreditBalanceWidget
