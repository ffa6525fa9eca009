import { clx } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"
import { amountTone, balanceTone } from "../lib/format"
import type { Amount } from "../lib/types"

/** "signed": +/- and green/red (movements); "balance": red when owed; "plain": as is. */
export type MoneyVariant = "signed" | "balance" | "plain"

type MoneyProps = {
  amount: Amount | null | undefined
  currency: string
  variant?: MoneyVariant
  className?: string
}

/** An amount in the account's currency, tabular so columns line up. */
export const Money = ({ amount, currency, variant = "plain", className }: MoneyProps) => {
  const fmt = useFormat()
  const text = variant === "signed" ? fmt.signedMoney(amount, currency) : fmt.money(amount, currency)
  const tone =
    variant === "signed" ? amountTone(amount) : variant === "balance" ? balanceTone(amount) : undefined
  return <span className={clx("whitespace-nowrap tabular-nums", tone, className)}>{text}</span>
}
