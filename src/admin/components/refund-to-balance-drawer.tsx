import { toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useRefundToBalance } from "../hooks/order-balance"
import { useFormat } from "../hooks/use-format"
import { toApiAmount } from "../lib/decimal"
import { optionalText, refundToBalanceSchema, type RefundToBalanceForm } from "../lib/form-schemas"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { AmountField, TextField } from "./form-fields"

type RefundToBalanceDrawerProps = {
  orderId: string
  orderLabel: string
  currency: string
  /** What the order owes the customer: the most the refund can be. */
  refundable: number
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** "Refund to balance": what an order owes its customer (items removed, a return) goes to their balance. */
export const RefundToBalanceDrawer = ({ orderId, orderLabel, currency, refundable, open, onOpenChange }: RefundToBalanceDrawerProps) => {
  const fmt = useFormat()
  const refund = useRefundToBalance(orderId)
  const schema = useMemo(() => refundToBalanceSchema(currency, refundable), [currency, refundable])
  const form = useDrawerForm<RefundToBalanceForm>({
    open,
    schema,
    defaultValues: () => ({ amount: String(refundable), reason: "", note: "" }),
    onOpen: refund.reset,
  })

  const onSubmit = (values: RefundToBalanceForm) =>
    refund.mutate(
      { amount: toApiAmount(values.amount), reason: values.reason, note: optionalText(values.note) },
      {
        onSuccess: () => {
          toast.success(`${fmt.money(toApiAmount(values.amount), currency)} refunded to the customer's balance`)
          onOpenChange(false)
        },
      }
    )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Refund to balance"
      description={`${orderLabel} owes the customer ${fmt.money(refundable, currency)} (items removed by an order edit, a received return). Put it on their balance instead of refunding the card: it pays their next order by itself.`}
      form={form}
      onSubmit={onSubmit}
      submitLabel="Refund to balance"
      mutation={refund}
    >
      <AmountField form={form} name="amount" id="tc-refund-amount" label="Amount" currency={currency} hint={`At most ${fmt.money(refundable, currency)}.`} />
      <TextField form={form} name="reason" id="tc-refund-reason" label="Reason" hint="Required, e.g. “Items out of stock”. Shown in the credit history." />
      <TextField form={form} name="note" id="tc-refund-note" label="Note" hint="Optional." multiline />
    </FormDrawer>
  )
}
