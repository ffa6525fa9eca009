import { Button, Drawer, Input, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useCreateReimbursement } from "../hooks/reimbursements"
import { checkAmount, toApiAmount } from "../lib/decimal"
import { formatMoney, formatSignedMoney, holderName } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AmountInput } from "./amount-input"
import { BalancePreview } from "./balance-preview"
import { FormError } from "./form-error"
import { FormField } from "./form-field"

type ReimburseBalanceDrawerProps = {
  account: TradeCreditAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * "Reimburse balance" (seed 001): record an offline payment from the buyer.
 * A negative amount takes a recorded payment back (e.g. a bounced transfer).
 */
export const ReimburseBalanceDrawer = ({ account, open, onOpenChange }: ReimburseBalanceDrawerProps) => {
  const currency = account.currency_code
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  const [comment, setComment] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const reimburse = useCreateReimbursement(account.id)

  useEffect(() => {
    if (open) {
      setAmount("")
      setReference("")
      setComment("")
      setSubmitted(false)
      reimburse.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const check = checkAmount(amount, currency, { allowNegative: true })
  // What is owed, as a positive amount to suggest ("-1200.5" → "1200.5").
  const owed = account.balance < 0 ? String(account.balance).replace(/^-/, "") : null

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!check.ok) {
      return
    }
    reimburse.mutate(
      {
        amount: toApiAmount(check.value),
        reference: reference.trim() || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success(`Reimbursement of ${formatSignedMoney(check.value, currency)} recorded`)
          onOpenChange(false)
        },
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Reimburse balance</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              Record a payment {holderName(account.holder)} made outside the store (bank transfer, cheque). The
              outstanding balance and available credit are recalculated.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <FormField
              id="tc-reimburse-amount"
              label="Amount"
              hint={
                <span>
                  A negative amount takes back a payment recorded earlier.
                  {owed && (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                        onClick={() => setAmount(owed)}
                      >
                        Pay off {formatMoney(owed, currency)}
                      </button>
                    </>
                  )}
                </span>
              }
              error={submitted && !check.ok ? check.error : null}
            >
              <AmountInput
                id="tc-reimburse-amount"
                currency={currency}
                value={amount}
                onChange={setAmount}
                allowNegative
                autoFocus
                invalid={submitted && !check.ok}
              />
            </FormField>
            <BalancePreview account={account} delta={check.ok ? check.value : null} />
            <FormField
              id="tc-reimburse-reference"
              label="Custom reference number"
              optional
              hint="One reference per reimbursement, e.g. the PO or invoice it pays. For several POs, record one reimbursement each."
            >
              <Input id="tc-reimburse-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
            </FormField>
            <FormField id="tc-reimburse-comment" label="Comment" optional>
              <Textarea id="tc-reimburse-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            </FormField>
            <FormError error={reimburse.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={reimburse.isPending}>
              Reimburse
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
