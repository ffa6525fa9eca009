import { Button, Drawer, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useCreateAdjustment } from "../hooks/adjustments"
import { checkAmount, toApiAmount } from "../lib/decimal"
import { formatSignedMoney, holderName } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AmountInput } from "./amount-input"
import { BalancePreview } from "./balance-preview"
import { FormError } from "./form-error"
import { FormField } from "./form-field"

type AdjustBalanceDrawerProps = {
  account: TradeCreditAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** A correction that is not a payment (write-off, goodwill credit, migration); the comment is required. */
export const AdjustBalanceDrawer = ({ account, open, onOpenChange }: AdjustBalanceDrawerProps) => {
  const currency = account.currency_code
  const [amount, setAmount] = useState("")
  const [comment, setComment] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const adjust = useCreateAdjustment(account.id)

  useEffect(() => {
    if (open) {
      setAmount("")
      setComment("")
      setSubmitted(false)
      adjust.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const check = checkAmount(amount, currency, { allowNegative: true })
  const commentMissing = comment.trim() === ""

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!check.ok || commentMissing) {
      return
    }
    adjust.mutate(
      { amount: toApiAmount(check.value), comment: comment.trim() },
      {
        onSuccess: () => {
          toast.success(`Balance adjusted by ${formatSignedMoney(check.value, currency)}`)
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
            <Drawer.Title>Adjust balance</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              Correct the balance of {holderName(account.holder)} without a payment, e.g. a write-off or a goodwill
              credit.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <FormField
              id="tc-adjust-amount"
              label="Amount"
              hint="Positive adds to the balance (the buyer owes less), negative takes from it."
              error={submitted && !check.ok ? check.error : null}
            >
              <AmountInput
                id="tc-adjust-amount"
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
              id="tc-adjust-comment"
              label="Comment"
              hint="Required. Say why the balance is adjusted; it is shown in the credit history."
              error={submitted && commentMissing ? "Say why the balance is adjusted." : null}
            >
              <Textarea
                id="tc-adjust-comment"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                aria-invalid={(submitted && commentMissing) || undefined}
              />
            </FormField>
            <FormError error={adjust.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={adjust.isPending}>
              Adjust
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
