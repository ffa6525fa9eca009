import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useWatch, type FieldPath, type UseFormReturn } from "react-hook-form"
import { addAmounts, checkAmount } from "../lib/decimal"
import type { TradeCreditAccount } from "../lib/types"
import { AmountField } from "./form-fields"
import { Money } from "./money"

/** What the outstanding balance and available credit become after a movement of `delta`. */
export const BalancePreview = ({ account, delta }: { account: TradeCreditAccount; delta: string | null }) => {
  const c = account.currency_code
  const balance = delta ? addAmounts(account.balance, delta, c) : null
  const available = delta ? addAmounts(account.available_credit, delta, c) : null
  const row = (label: string, now: number, after: string | null) => (
    <div className="flex items-center justify-between gap-x-4">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" className="flex items-center gap-x-2">
        <Money amount={now} currency={c} variant="balance" />
        {after !== null && (
          <>
            <span className="text-ui-fg-muted">→</span>
            <Money amount={Number(after)} currency={c} variant="balance" className="font-medium" />
          </>
        )}
      </Text>
    </div>
  )
  return (
    <div className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-lg px-4 py-3">
      {row("Outstanding balance", account.balance, balance)}
      {row("Available credit", account.available_credit, available)}
    </div>
  )
}

/**
 * The signed amount of a movement on the account (reimbursement, adjustment)
 * and, below it, the balance and available credit it leads to.
 */
export function MovementAmountField<TValues extends { amount: string }>({
  form,
  account,
  id,
  hint,
}: {
  form: UseFormReturn<TValues>
  account: TradeCreditAccount
  id: string
  hint: ReactNode
}) {
  const name = "amount" as FieldPath<TValues>
  const typed = useWatch({ control: form.control, name }) as string
  const amount = checkAmount(typed, account.currency_code, { allowNegative: true })
  return (
    <>
      <AmountField
        form={form}
        name={name}
        id={id}
        label="Amount"
        hint={hint}
        currency={account.currency_code}
        allowNegative
        autoFocus
      />
      <BalancePreview account={account} delta={amount.ok ? amount.value : null} />
    </>
  )
}
