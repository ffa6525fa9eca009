import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useOrderBalance } from "../hooks/order-balance"
import { tradeCreditKeys } from "../hooks/query-keys"
import { sdk } from "../lib/sdk"
import { Money } from "./money"
import { RefundToBalanceDrawer } from "./refund-to-balance-drawer"

type OrderRow = { id: string; display_id?: number | null; summary?: { pending_difference?: number | null } | null }

/** How many of the customer's latest orders are checked for money owed to them. */
const ORDERS_CHECKED = 50

const OrderRefundRow = ({ order }: { order: OrderRow }) => {
  const balance = useOrderBalance(order.id).data
  const [open, setOpen] = useState(false)
  if (!balance || balance.refundable <= 0 || balance.guest) {
    return null
  }
  const label = order.display_id ? `Order #${order.display_id}` : order.id
  return (
    <div className="txt-compact-small flex items-center justify-between gap-x-2 px-6 py-3">
      <Link to={`/orders/${order.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
        {label}
      </Link>
      <div className="flex items-center gap-x-3">
        <span className="text-ui-fg-subtle">owes</span>
        <Money amount={balance.refundable} currency={balance.currency_code} />
        <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
          Refund to balance
        </Button>
      </div>
      <RefundToBalanceDrawer
        orderId={order.id}
        orderLabel={label}
        currency={balance.currency_code}
        refundable={balance.refundable}
        open={open}
        onOpenChange={setOpen}
      />
    </div>
  )
}

/**
 * Customer page: the customer's orders that owe them money (items removed by
 * an order edit, a received return not refunded yet), each with "Refund to
 * balance". Renders nothing when none does.
 */
export const CustomerOrderRefunds = ({ customerId }: { customerId: string }) => {
  const orders = useQuery({
    queryKey: [...tradeCreditKeys.all, "customer-orders-owed", customerId],
    queryFn: async () => {
      const { orders } = await sdk.admin.order.list({
        customer_id: customerId,
        fields: "id,display_id,summary.*",
        limit: ORDERS_CHECKED,
        order: "-created_at",
      } as never)
      // Medusa's pending difference below 0: the order owes the customer (display filter; the route decides).
      return (orders as unknown as OrderRow[]).filter((o) => Number(o.summary?.pending_difference ?? 0) < 0)
    },
    enabled: Boolean(customerId),
  })
  if (!orders.data?.length) {
    return null
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Orders owing the customer</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Refund what they owe to the customer's balance: it pays their next order by itself.
        </Text>
      </div>
      {orders.data.map((o) => (
        <OrderRefundRow key={o.id} order={o} />
      ))}
    </Container>
  )
}
