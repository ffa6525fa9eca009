import { Alert } from "@medusajs/ui"
import { formatMoney } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"

/**
 * On an order paid on account: what the admin should know about the paying
 * account before processing it (seed 001's outstanding balance notice,
 * seed 002's query / on stop).
 */
export const PayingAccountNotice = ({ account }: { account: TradeCreditAccount }) => {
  const notices: { variant: "error" | "warning" | "info"; text: string }[] = []
  const c = account.currency_code
  if (account.status === "on_stop") {
    notices.push({ variant: "error", text: "The paying account is on stop: don't process new orders on account." })
  } else if (account.status === "query") {
    notices.push({ variant: "warning", text: "The paying account is on query: check this order before processing it." })
  }
  if (account.balance < 0) {
    notices.push({
      variant: account.status === "normal" ? "info" : "warning",
      text: `The account has an outstanding balance of ${formatMoney(String(account.balance).replace(/^-/, ""), c)}.`,
    })
  }
  if (!notices.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2">
      {notices.map((n) => (
        <Alert key={n.text} variant={n.variant}>
          {n.text}
        </Alert>
      ))}
    </div>
  )
}
