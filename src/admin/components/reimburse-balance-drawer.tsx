import { toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useCreateReimbursement } from "../hooks/accounts"
import { useFormat } from "../hooks/use-format"
import { toApiAmount } from "../lib/decimal"
import { holderName } from "../lib/format"
import { optionalText, reimbursementSchema, type ReimbursementForm } from "../lib/form-schemas"
import type { AdminInvoice } from "../lib/types"
import type { AccountDrawerProps } from "./adjust-balance-drawer"
import { MovementAmountField } from "./balance-preview"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { TextField } from "./form-fields"

/**
 * "Reimburse balance": record an offline payment from the buyer (a bank transfer, a cheque).
 * A negative amount takes a recorded payment back (e.g. a bounced transfer).
 * With `invoice` it is "Record payment" against that invoice: the amount open
 * is suggested and the payment names the invoice (`invoice_id`), which it pays first.
 */
export const ReimburseBalanceDrawer = ({
  account,
  open,
  onOpenChange,
  invoice = null,
}: AccountDrawerProps & { invoice?: AdminInvoice | null }) => {
  const currency = account.currency_code
  const fmt = useFormat()
  const reimburse = useCreateReimbursement(account.id)
  const schema = useMemo(() => reimbursementSchema(currency), [currency])
  const form = useDrawerForm<ReimbursementForm>({
    open,
    schema,
    defaultValues: () => ({ amount: invoice ? String(invoice.amount_open) : "", reference: "", comment: "" }),
    onOpen: reimburse.reset,
  })
  // What is owed, as a positive amount to suggest ("-1200.5" → "1200.5").
  // Against an invoice: what is open on it.
  const owed = invoice
    ? String(invoice.amount_open)
    : account.balance < 0
      ? String(account.balance).replace(/^-/, "")
      : null

  const onSubmit = (values: ReimbursementForm) =>
    reimburse.mutate(
      {
        amount: toApiAmount(values.amount),
        reference: optionalText(values.reference),
        comment: optionalText(values.comment),
        ...(invoice ? { invoice_id: invoice.id } : {}),
      },
      {
        onSuccess: () => {
          toast.success(
            invoice
              ? `Payment of ${fmt.money(values.amount, currency)} recorded against ${invoice.number}`
              : `Reimbursement of ${fmt.signedMoney(values.amount, currency)} recorded`
          )
          onOpenChange(false)
        },
      }
    )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={invoice ? `Record payment · ${invoice.number}` : "Reimburse balance"}
      description={
        invoice
          ? `Record a payment ${holderName(account.holder)} made for invoice ${invoice.number} (${fmt.money(invoice.amount_open, currency)} open). It pays this invoice first; anything above settles their other invoices, oldest first.`
          : `Record a payment ${holderName(account.holder)} made outside the store (bank transfer, cheque). The outstanding balance and available credit are recalculated.`
      }
      form={form}
      onSubmit={onSubmit}
      submitLabel={invoice ? "Record payment" : "Reimburse"}
      mutation={reimburse}
    >
      <MovementAmountField
        form={form}
        account={account}
        id="tc-reimburse-amount"
        hint={
          <span>
            A negative amount takes back a payment recorded earlier.
            {owed && (
              <>
                {" "}
                <button
                  type="button"
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  onClick={() => form.setValue("amount", owed, { shouldValidate: form.formState.isSubmitted })}
                >
                  {invoice ? `Pay the ${fmt.money(owed, currency)} open` : `Pay off ${fmt.money(owed, currency)}`}
                </button>
              </>
            )}
          </span>
        }
      />
      <TextField
        form={form}
        name="reference"
        id="tc-reimburse-reference"
        label="Custom reference number"
        optional
        hint="One reference per reimbursement, e.g. the PO or invoice it pays. For several POs, record one reimbursement each."
      />
      <TextField form={form} name="comment" id="tc-reimburse-comment" label="Comment" optional multiline />
    </FormDrawer>
  )
}
