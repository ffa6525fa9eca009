import { toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useCreateAdjustment } from "../hooks/accounts"
import { useFormat } from "../hooks/use-format"
import { toApiAmount } from "../lib/decimal"
import { holderName } from "../lib/format"
import { adjustmentSchema, type AdjustmentForm } from "../lib/form-schemas"
import type { TradeCreditAccount } from "../lib/types"
import { MovementAmountField } from "./balance-preview"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { TextField } from "./form-fields"

type AccountDrawerProps = {
  account: TradeCreditAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** A correction that is not a payment (write-off, goodwill credit, migration); the comment is required. */
export const AdjustBalanceDrawer = ({ account, open, onOpenChange }: AccountDrawerProps) => {
  const currency = account.currency_code
  const fmt = useFormat()
  const adjust = useCreateAdjustment(account.id)
  const schema = useMemo(() => adjustmentSchema(currency), [currency])
  const form = useDrawerForm<AdjustmentForm>({
    open,
    schema,
    defaultValues: () => ({ amount: "", comment: "" }),
    onOpen: adjust.reset,
  })

  const onSubmit = (values: AdjustmentForm) =>
    adjust.mutate(
      { amount: toApiAmount(values.amount), comment: values.comment },
      {
        onSuccess: () => {
          toast.success(`Balance adjusted by ${fmt.signedMoney(values.amount, currency)}`)
          onOpenChange(false)
        },
      }
    )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Adjust balance"
      description={`Correct the balance of ${holderName(account.holder)} without a payment, e.g. a write-off or a goodwill credit.`}
      form={form}
      onSubmit={onSubmit}
      submitLabel="Adjust"
      mutation={adjust}
    >
      <MovementAmountField
        form={form}
        account={account}
        id="tc-adjust-amount"
        hint="Positive adds to the balance (the buyer owes less), negative takes from it."
      />
      <TextField
        form={form}
        name="comment"
        id="tc-adjust-comment"
        label="Comment"
        hint="Required. Say why the balance is adjusted; it is shown in the credit history."
        multiline
      />
    </FormDrawer>
  )
}

export type { AccountDrawerProps }
