import { clx } from "@medusajs/ui"
import { amountTone, balanceTone, formatMoney, formatSignedMoney } from "../lib/format"
import type { Amount } from "../lib/types"

type MoneyProps = {
  amount: Amount | null | undefined
  currency: string
  /** "signed": +/- and green/red (movements); "balance": red when owed; "plain": as is. */
  variant?: "signed" | "balance" | "plain"
  className?: string
}

/** An amount in the account's currency, tabular so columns line up. */
export const Money = ({ amount, currency, variant = "plain", className }: MoneyProps) => {
  const text = variant === "signed" ? formatSignedMoney(amount, currency) : formatMoney(amount, currency)
  const tone =
    variant === "signed" ? amountTone(amount) : variant === "balance" ? balanceTone(amount) : undefined
  return <span className={clx("whitespace-nowrap tabular-nums", tone, className)}>{text}</span>
}
