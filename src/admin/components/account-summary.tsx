import { Text } from "@medusajs/ui"
import { OVERDUE_POLICY_LABELS, formatTerms, overLimitPolicyLabel, yesNo } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { CreditUsageBar } from "./credit-usage-bar"
import { DetailRow } from "./detail-row"
import { FigureTile } from "./figure-tile"
import { Money } from "./money"

/** Key figures and settings of one account. */
export const AccountSummary = ({ account }: { account: TradeCreditAccount }) => {
  const c = account.currency_code
  const owes = account.balance < 0
  const overLimit = account.available_credit < 0
  return (
    <>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <div className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
          <FigureTile
            label="Outstanding balance"
            value={<Money amount={account.balance} currency={c} variant="balance" />}
            note={owes ? "Owed by the buyer" : account.balance > 0 ? "Paid in advance" : "Nothing owed"}
          />
          <FigureTile
            label="Available credit"
            value={<Money amount={account.available_credit} currency={c} variant="balance" />}
            note={overLimit ? "Over the limit" : undefined}
          />
          <FigureTile label="Credit limit" value={<Money amount={account.credit_limit} currency={c} />} />
          <FigureTile
            label="Reserved"
            value={<Money amount={account.reserved} currency={c} />}
            note="Orders not yet posted"
          />
        </div>
        <CreditUsageBar account={account} />
      </div>
      <div className="divide-y">
        <DetailRow label="Credit status">
          <AccountStatusBadge status={account.status} />
        </DetailRow>
        <DetailRow label="Payment terms">{formatTerms(account.payment_terms)}</DetailRow>
        <DetailRow label="Allow to exceed credit limit">{yesNo(account.allow_exceed)}</DetailRow>
        {!account.allow_exceed && (
          <DetailRow label="Order over the limit">{overLimitPolicyLabel(account.over_limit_policy)}</DetailRow>
        )}
        <DetailRow label="Invoices overdue">{OVERDUE_POLICY_LABELS[account.overdue_policy]}</DetailRow>
        {account.outstanding_orders_count > 0 && (
          <DetailRow label="Outstanding orders (not shipped, not invoiced)">
            {account.outstanding_orders_count} · <Money amount={account.outstanding_orders_total} currency={c} />
          </DetailRow>
        )}
        {account.reference && (
          <DetailRow label="Account reference">
            <Text size="small" className="font-mono">
              {account.reference}
            </Text>
          </DetailRow>
        )}
      </div>
    </>
  )
}
