import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderCreditPanel } from "../components/order-credit-panel"
import { useOnAccountPayment } from "../hooks/order-payment"

/** Order page side column: the on-account payment. Renders nothing for orders paid another way. */
const OrderTradeCreditWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const payment = useOnAccountPayment(order?.id ?? "")
  if (!order?.id || !payment.data) {
    return null
  }
  return <OrderCreditPanel orderId={order.id} payment={payment.data} />
}

// `order.details.side` is the 2.17.2+ name of the zone (`.side.after` still renders, deprecated).
export const config = defineWidgetConfig({
  zone: "order.details.side",
  id: "trade-credit:order-payment",
})

export default OrderTradeCreditWidget
