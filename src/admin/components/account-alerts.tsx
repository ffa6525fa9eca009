import { Alert } from "@medusajs/ui"
import { formatMoney } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"

/** Warnings about an account: on stop, query, over the limit. Nothing when all is well. */
export const AccountAlerts = ({ account }: { account: TradeCreditAccount }) => {
  const alerts: { variant: "error" | "warning"; text: string }[] = []
  if (account.status === "on_stop") {
    alerts.push({ variant: "error", text: "On stop: the buyer can't place new orders on account." })
  } else if (account.status === "query") {
    alerts.push({ variant: "warning", text: "Query: orders on account go through, but check them before processing." })
  }
  if (account.available_credit < 0) {
    alerts.push({
      variant: "warning",
      text: `Over the credit limit by ${formatMoney(String(account.available_credit).replace(/^-/, ""), account.currency_code)}.`,
    })
  }
  if (!alerts.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      {alerts.map((a) => (
        <Alert key={a.text} variant={a.variant}>
          {a.text}
        </Alert>
      ))}
    </div>
  )
}
