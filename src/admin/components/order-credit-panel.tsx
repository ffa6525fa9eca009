import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useConfirmFailure } from "../hooks/confirm-failure"
import type { OnAccountPayment } from "../hooks/order-payment"
import { usePayingAccount } from "../hooks/paying-accounts"
import { useFormat } from "../hooks/use-format"
import { useReviews } from "../hooks/reviews"
import { ConfirmFailureBanner } from "./confirm-failure-banner"
import { HeldOrderBanner } from "./held-order-banner"
import { AccountNotices } from "./account-notices"
import { OrderInvoice } from "./order-invoice"
import { PayingAccountRow } from "./paying-account-row"

type Tone = "green" | "orange" | "red" | "grey" | "blue"

/** Payment collection status in words (the session stays "authorized" after capture). */
const PAYMENT_STATUS: Record<string, { label: string; color: Tone }> = {
  not_paid: { label: "Not paid", color: "grey" },
  awaiting: { label: "Awaiting", color: "orange" },
  authorized: { label: "Authorized", color: "blue" },
  partially_authorized: { label: "Partially authorized", color: "orange" },
  partially_captured: { label: "Partially captured", color: "blue" },
  completed: { label: "Captured", color: "green" },
  canceled: { label: "Canceled", color: "grey" },
  failed: { label: "Failed", color: "red" },
}

/** Order side column: how the on-account payment stands and what to watch for. */
export const OrderCreditPanel = ({ orderId, payment }: { orderId: string; payment: OnAccountPayment }) => {
  const reviews = useReviews({ order_id: orderId, status: "pending" })
  const review = reviews.data?.reviews.find((r) => r.status === "pending") ?? null
  const confirmFailure = useConfirmFailure(orderId).data ?? null
  const paying = usePayingAccount(orderId).data
  const account = paying?.account ?? null
  const statusKey = payment.collectionStatus ?? payment.session.status ?? ""
  const status = PAYMENT_STATUS[statusKey] ?? { label: statusKey.replace(/_/g, " ") || "Unknown", color: "grey" as const }
  const currency = payment.session.currency_code ?? payment.currencyCode
  const fmt = useFormat()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">Pay on account</Heading>
        <Badge size="2xsmall" color={review ? "orange" : status.color}>
          {review ? "Held for review" : status.label}
        </Badge>
      </div>
      <div className="txt-compact-small flex items-center justify-between px-6 py-3">
        <span className="text-ui-fg-subtle">Amount on account</span>
        <span className="tabular-nums">{fmt.money(payment.session.amount, currency)}</span>
      </div>
      <OrderInvoice orderId={orderId} />
      {review && (
        <div className="px-6 py-4">
          <HeldOrderBanner review={review} />
        </div>
      )}
      {confirmFailure && (
        <div className="px-6 py-4">
          <ConfirmFailureBanner failure={confirmFailure} />
        </div>
      )}
      {account ? (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {!paying?.known && (
            <Text size="xsmall" className="text-ui-fg-muted">
              The account this customer pays from in {currency.toUpperCase()}:
            </Text>
          )}
          <AccountNotices account={account} place="order" />
          <PayingAccountRow account={account} />
        </div>
      ) : paying && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No credit account in {currency.toUpperCase()} found for this customer.
        </Text>
      )}
    </Container>
  )
}
