import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { HOLDER_TYPE_LABELS, formatTerms, holderName, holderPath } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { Money } from "./money"

/** Compact view of an account in the order's side column. */
export const PayingAccountRow = ({ account }: { account: TradeCreditAccount }) => {
  const c = account.currency_code
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between gap-x-2">
        <div className="flex min-w-0 flex-col">
          <Link
            to={holderPath(account.holder)}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus truncate"
          >
            {holderName(account.holder)}
          </Link>
          <Text size="xsmall" className="text-ui-fg-muted">
            {HOLDER_TYPE_LABELS[account.holder.type]} account · {formatTerms(account.payment_terms)}
          </Text>
        </div>
        <AccountStatusBadge status={account.status} />
      </div>
      <div className="txt-compact-small grid grid-cols-2 gap-x-4 gap-y-1">
        <span className="text-ui-fg-subtle">Outstanding balance</span>
        <Money amount={account.balance} currency={c} variant="balance" className="text-right" />
        <span className="text-ui-fg-subtle">Available credit</span>
        <Money amount={account.available_credit} currency={c} variant="balance" className="text-right" />
        <span className="text-ui-fg-subtle">Credit limit</span>
        <Money amount={account.credit_limit} currency={c} className="text-right" />
      </div>
    </div>
  )
}
