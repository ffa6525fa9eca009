import { Alert, clx } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"
import type { Formatters } from "../lib/intl"
import type { TradeCreditAccount } from "../lib/types"

type Notice = { variant: "error" | "warning" | "info"; text: string }

/** Where the notices show: the account's own card, or an order it pays for. */
export type NoticePlace = "account" | "order"

const STATUS_NOTICES: Record<NoticePlace, Record<"on_stop" | "query", Notice>> = {
  account: {
    on_stop: { variant: "error", text: "On stop: the buyer can't place new orders on account." },
    query: { variant: "warning", text: "Query: orders on account go through, but check them before processing." },
  },
  order: {
    on_stop: { variant: "error", text: "The paying account is on stop: don't process new orders on account." },
    query: { variant: "warning", text: "The paying account is on query: check this order before processing it." },
  },
}

const unsigned = (amount: number) => String(amount).replace(/^-/, "")

/**
 * What an admin should know about an account: its status (query /
 * on stop), and on its card how far it is over the limit, on an order what
 * it owes (the outstanding balance notice).
 */
export function accountNotices(account: TradeCreditAccount, place: NoticePlace, fmt: Formatters): Notice[] {
  const notices: Notice[] = []
  if (account.status === "on_stop" || account.status === "query") {
    notices.push(STATUS_NOTICES[place][account.status])
  }
  const c = account.currency_code
  if (place === "account" && account.available_credit < 0) {
    notices.push({ variant: "warning", text: `Over the credit limit by ${fmt.money(unsigned(account.available_credit), c)}.` })
  }
  if (place === "order" && account.balance < 0) {
    notices.push({
      variant: account.status === "normal" ? "info" : "warning",
      text: `The account has an outstanding balance of ${fmt.money(unsigned(account.balance), c)}.`,
    })
  }
  return notices
}

/** The notices above as alerts; nothing when all is well. */
export const AccountNotices = ({
  account,
  place,
  className,
}: {
  account: TradeCreditAccount
  place: NoticePlace
  className?: string
}) => {
  const notices = accountNotices(account, place, useFormat())
  if (!notices.length) {
    return null
  }
  return (
    <div className={clx("flex flex-col gap-y-2", className)}>
      {notices.map((n) => (
        <Alert key={n.text} variant={n.variant}>
          {n.text}
        </Alert>
      ))}
    </div>
  )
}
