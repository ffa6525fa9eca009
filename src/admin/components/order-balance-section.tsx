import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useAccount } from "../hooks/accounts"
import { useOrderBalance } from "../hooks/order-balance"
import { useFormat } from "../hooks/use-format"
import { addAmounts } from "../lib/decimal"
import { entryPath, operationLabel } from "../lib/format"
import type { LedgerEntry } from "../lib/types"
import { DetailRow } from "./detail-row"
import { Money } from "./money"
import { RefundToBalanceDrawer } from "./refund-to-balance-drawer"

/** One balance entry of the order, linked to the credit history of its account (on the holder's page). */
const EntryLink = ({ entry }: { entry: LedgerEntry }) => {
  const account = useAccount(entry.account_id).data?.account
  const label = `${operationLabel(entry.operation)} · ${new Date(entry.created_at).toLocaleDateString()}`
  return (
    <div className="txt-compact-small flex items-center justify-between gap-x-2 px-6 py-2">
      {account ? (
        <Link
          to={entryPath(account.holder, entry)}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover truncate"
          title={entry.comment ?? undefined}
        >
          {label}
        </Link>
      ) : (
        <span className="text-ui-fg-subtle truncate">{label}</span>
      )}
      <Money amount={entry.amount} currency={entry.currency_code} variant="signed" />
    </div>
  )
}

/**
 * Order page: the customer balance on the order: what it paid at checkout,
 * what was refunded to the balance (each entry linked to its credit history),
 * and "Refund to balance" while the order owes the customer something.
 * Renders nothing for an order that neither used nor can receive a balance.
 */
export const OrderBalanceSection = ({ orderId, displayId }: { orderId: string; displayId?: number | null }) => {
  const balance = useOrderBalance(orderId)
  const [open, setOpen] = useState(false)
  const fmt = useFormat()
  const data = balance.data
  if (!data || (data.used === 0 && data.refundable === 0 && data.entries.length === 0)) {
    return null
  }
  const c = data.currency_code
  const refunded = data.entries.filter((e) => e.operation === "refunded")
  const label = displayId ? `Order #${displayId}` : "This order"
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">Customer balance</Heading>
        {data.refundable > 0 && !data.guest && (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
            Refund to balance
          </Button>
        )}
      </div>
      <DetailRow label="Paid with the balance">
        <Money amount={data.used} currency={c} />
      </DetailRow>
      <DetailRow label="Refunded to the balance">
        <span className="tabular-nums">{fmt.money(refunded.reduce((sum: string, e) => addAmounts(sum, e.amount, c) ?? sum, "0"), c)}</span>
      </DetailRow>
      <DetailRow label="Owed to the customer">
        <Money amount={data.refundable} currency={c} />
      </DetailRow>
      {data.guest && data.refundable > 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          A guest placed this order: guests have no balance. Refund the payment instead.
        </Text>
      )}
      {data.entries.length > 0 && (
        <div className="py-2">
          {data.entries.map((e) => (
            <EntryLink key={e.id} entry={e} />
          ))}
        </div>
      )}
      <RefundToBalanceDrawer orderId={orderId} orderLabel={label} currency={c} refundable={data.refundable} open={open} onOpenChange={setOpen} />
    </Container>
  )
}
