import { clx } from "@medusajs/ui"
import type { TradeCreditAccount } from "../lib/types"

/** How much of the limit is used (display only: a ratio for the bar's width, not money). */
export const CreditUsageBar = ({ account }: { account: TradeCreditAccount }) => {
  const limit = Number(account.credit_limit)
  if (!(limit > 0)) {
    return null
  }
  const used = limit - Number(account.available_credit)
  const ratio = Math.max(0, used / limit)
  const tone = ratio > 1 ? "bg-ui-tag-red-icon" : ratio > 0.8 ? "bg-ui-tag-orange-icon" : "bg-ui-tag-green-icon"
  return (
    <div
      className="bg-ui-bg-switch-off h-1.5 w-full overflow-hidden rounded-full"
      role="meter"
      aria-label="Credit used"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      title={`${Math.round(ratio * 100)}% of the credit limit used`}
    >
      <div className={clx("h-full rounded-full", tone)} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
    </div>
  )
}
