import { Button, Drawer, Input, Text, Textarea, toast } from "@medusajs/ui"
import { MAX_ACCOUNT_REFERENCE_LENGTH } from "../../modules/trade-credit/constants"
import { useEffect, useState, type FormEvent } from "react"
import { useUpdateAccount } from "../hooks/accounts"
import { checkAmount, toApiAmount } from "../lib/decimal"
import { STATUS_DESCRIPTIONS, fieldLabel, formatChangeValue, formatTerms, holderName } from "../lib/format"
import type { AccountStatus, OverLimitPolicy, TradeCreditAccount, UpdateAccountBody } from "../lib/types"
import { AmountInput } from "./amount-input"
import { FormError } from "./form-error"
import { FormField } from "./form-field"
import { PolicySelect } from "./policy-select"
import { StatusSelect } from "./status-select"
import { SwitchField } from "./switch-field"
import { TermsFields, termsDraftErrors, termsFromDraft, type TermsDraft } from "./terms-fields"


type EditAccountDrawerProps = {
  account: TradeCreditAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}

const termsDraftOf = (account: TradeCreditAccount): TermsDraft => ({
  type: account.payment_terms.type,
  net_days: account.payment_terms.net_days != null ? String(account.payment_terms.net_days) : "30",
  grace_days: account.payment_terms.grace_days ? String(account.payment_terms.grace_days) : "",
})

/** Edit limit, allow-exceed, over-limit policy, terms, status and reference; a reason is required. */
export const EditAccountDrawer = ({ account, open, onOpenChange }: EditAccountDrawerProps) => {
  const currency = account.currency_code
  const [limit, setLimit] = useState("")
  const [allowExceed, setAllowExceed] = useState(false)
  const [policy, setPolicy] = useState<OverLimitPolicy | null>(null)
  const [status, setStatus] = useState<AccountStatus>("normal")
  const [terms, setTerms] = useState<TermsDraft>(termsDraftOf(account))
  const [reference, setReference] = useState("")
  const [reason, setReason] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const update = useUpdateAccount(account.id)

  useEffect(() => {
    if (open) {
      setLimit(String(account.credit_limit))
      setAllowExceed(account.allow_exceed)
      setPolicy(account.over_limit_policy)
      setStatus(account.status)
      setTerms(termsDraftOf(account))
      setReference(account.reference ?? "")
      setReason("")
      setSubmitted(false)
      update.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const limitCheck = checkAmount(limit, currency, { allowZero: true })
  const termsErrors = termsDraftErrors(terms)

  const changes: Omit<UpdateAccountBody, "reason"> = {}
  if (limitCheck.ok && Number(limitCheck.value) !== Number(account.credit_limit)) {
    changes.credit_limit = toApiAmount(limitCheck.value)
  }
  if (allowExceed !== account.allow_exceed) {
    changes.allow_exceed = allowExceed
  }
  if (policy !== account.over_limit_policy) {
    changes.over_limit_policy = policy
  }
  if (status !== account.status) {
    changes.status = status
  }
  if (Object.keys(termsErrors).length === 0) {
    const next = termsFromDraft(terms)
    if (formatTerms(next) !== formatTerms(account.payment_terms)) {
      changes.payment_terms = next
    }
  }
  if ((reference.trim() || null) !== (account.reference ?? null)) {
    changes.reference = reference.trim() || null
  }
  const changed = Object.keys(changes) as Array<keyof typeof changes>
  const reasonMissing = reason.trim() === ""
  const valid = limitCheck.ok && Object.keys(termsErrors).length === 0 && changed.length > 0 && !reasonMissing

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!valid) {
      return
    }
    update.mutate(
      { ...changes, reason: reason.trim() },
      {
        onSuccess: () => {
          toast.success("Credit account updated")
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
            <Drawer.Title>Edit credit account</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              {holderName(account.holder)} · {currency.toUpperCase()}
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <FormField
              id="tc-edit-limit"
              label="Credit limit"
              error={submitted && !limitCheck.ok ? limitCheck.error : null}
            >
              <AmountInput
                id="tc-edit-limit"
                currency={currency}
                value={limit}
                onChange={setLimit}
                invalid={submitted && !limitCheck.ok}
              />
            </FormField>
            <SwitchField
              id="tc-edit-allow-exceed"
              label="Allow to exceed credit limit"
              description="Orders on account may go over the limit; each one is flagged."
              checked={allowExceed}
              onChange={setAllowExceed}
            />
            {!allowExceed && (
              <FormField
                id="tc-edit-policy"
                label="When an order goes over the limit"
                hint="Hold it for an admin to release or reject, or refuse it at checkout."
              >
                <PolicySelect id="tc-edit-policy" value={policy} onChange={setPolicy} />
              </FormField>
            )}
            <TermsFields idPrefix="tc-edit" value={terms} onChange={setTerms} showErrors={submitted} />
            <FormField id="tc-edit-status" label="Credit status" hint={STATUS_DESCRIPTIONS[status]}>
              <StatusSelect id="tc-edit-status" value={status} onChange={setStatus} />
            </FormField>
            <FormField
              id="tc-edit-reference"
              label="Account reference"
              optional
              hint={`Max. ${MAX_ACCOUNT_REFERENCE_LENGTH} characters.`}
            >
              <Input
                id="tc-edit-reference"
                value={reference}
                maxLength={MAX_ACCOUNT_REFERENCE_LENGTH}
                onChange={(e) => setReference(e.target.value)}
              />
            </FormField>
            <FormField
              id="tc-edit-reason"
              label="Reason for change"
              hint="Required. Shown in the credit history."
              error={submitted && reasonMissing ? "Say why the account changes." : null}
            >
              <Textarea
                id="tc-edit-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={(submitted && reasonMissing) || undefined}
              />
            </FormField>
            <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg px-4 py-3">
              <Text size="small" weight="plus">
                {changed.length ? "Changes" : "Nothing changed yet"}
              </Text>
              {changed.map((field) => (
                <Text key={field} size="small" className="text-ui-fg-subtle">
                  {fieldLabel(field)}:{" "}
                  {formatChangeValue(field, account[field as keyof TradeCreditAccount], currency)} →{" "}
                  <span className="text-ui-fg-base">{formatChangeValue(field, changes[field], currency)}</span>
                </Text>
              ))}
            </div>
            <FormError error={update.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending} disabled={submitted && !changed.length}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
