import { Button, Drawer, Input, Text, Textarea, toast } from "@medusajs/ui"
import { DEFAULT_PAYMENT_TERMS, MAX_ACCOUNT_REFERENCE_LENGTH } from "../../modules/trade-credit/constants"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { useCreateAccount } from "../hooks/accounts"
import { useStoreCurrencies } from "../hooks/store-currencies"
import { checkAmount, toApiAmount } from "../lib/decimal"
import { HOLDER_TYPE_LABELS, STATUS_DESCRIPTIONS } from "../lib/format"
import type { AccountStatus, HolderType, OverLimitPolicy } from "../lib/types"
import { AmountInput } from "./amount-input"
import { CurrencySelect } from "./currency-select"
import { FormError } from "./form-error"
import { FormField } from "./form-field"
import { PolicySelect } from "./policy-select"
import { StatusSelect } from "./status-select"
import { SwitchField } from "./switch-field"
import { TermsFields, termsDraftErrors, termsFromDraft, type TermsDraft } from "./terms-fields"

export const DEFAULT_CURRENCY = "eur"

type CreateAccountDrawerProps = {
  holder: { type: HolderType; id: string; name: string }
  /** Currencies the holder already has an account in (one account per holder and currency). */
  existingCurrencies: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

const initialTerms: TermsDraft = {
  type: DEFAULT_PAYMENT_TERMS.type,
  net_days: String(DEFAULT_PAYMENT_TERMS.net_days),
  grace_days: "",
}

export const CreateAccountDrawer = ({ holder, existingCurrencies, open, onOpenChange }: CreateAccountDrawerProps) => {
  const { data: storeCurrencies } = useStoreCurrencies()
  const currencies = useMemo(() => {
    const all = [DEFAULT_CURRENCY, ...(storeCurrencies ?? [])]
    return Array.from(new Set(all)).filter((c) => !existingCurrencies.includes(c))
  }, [storeCurrencies, existingCurrencies])

  const [currency, setCurrency] = useState(DEFAULT_CURRENCY)
  const [limit, setLimit] = useState("")
  const [allowExceed, setAllowExceed] = useState(false)
  const [policy, setPolicy] = useState<OverLimitPolicy | null>(null)
  const [status, setStatus] = useState<AccountStatus>("normal")
  const [terms, setTerms] = useState<TermsDraft>(initialTerms)
  const [reference, setReference] = useState("")
  const [comment, setComment] = useState("")
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateAccount()

  useEffect(() => {
    if (open) {
      setCurrency(currencies.includes(DEFAULT_CURRENCY) ? DEFAULT_CURRENCY : currencies[0] ?? DEFAULT_CURRENCY)
      setLimit("")
      setAllowExceed(false)
      setPolicy(null)
      setStatus("normal")
      setTerms(initialTerms)
      setReference("")
      setComment("")
      setSubmitted(false)
      create.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const limitCheck = checkAmount(limit, currency, { allowZero: true, required: false })
  const termsErrors = termsDraftErrors(terms)
  const valid = limitCheck.ok && Object.keys(termsErrors).length === 0 && currencies.includes(currency)

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (!valid) {
      return
    }
    create.mutate(
      {
        ...(holder.type === "customer" ? { customer_id: holder.id } : { customer_group_id: holder.id }),
        currency_code: currency,
        ...(limitCheck.ok && limitCheck.value ? { credit_limit: toApiAmount(limitCheck.value) } : {}),
        allow_exceed: allowExceed,
        over_limit_policy: policy,
        status,
        payment_terms: termsFromDraft(terms),
        reference: reference.trim() || null,
        comment: comment.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success(`Credit account in ${currency.toUpperCase()} created for ${holder.name}`)
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
            <Drawer.Title>Create credit account</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              {HOLDER_TYPE_LABELS[holder.type]}: {holder.name}
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <FormField
              id="tc-create-currency"
              label="Credit currency"
              hint="Balances, limits and payments of this account are kept in this currency. It can't be changed later."
              error={submitted && !currencies.includes(currency) ? "Choose a currency." : null}
            >
              <CurrencySelect id="tc-create-currency" value={currency} options={currencies} onChange={setCurrency} />
            </FormField>
            <FormField
              id="tc-create-limit"
              label="Credit limit"
              optional
              hint="How much the buyer may owe. Leave empty for 0 (a plain prepaid balance)."
              error={submitted && !limitCheck.ok ? limitCheck.error : null}
            >
              <AmountInput
                id="tc-create-limit"
                currency={currency}
                value={limit}
                onChange={setLimit}
                placeholder="0"
                invalid={submitted && !limitCheck.ok}
              />
            </FormField>
            <SwitchField
              id="tc-create-allow-exceed"
              label="Allow to exceed credit limit"
              description="Orders on account may go over the limit; each one is flagged."
              checked={allowExceed}
              onChange={setAllowExceed}
            />
            {!allowExceed && (
              <FormField
                id="tc-create-policy"
                label="When an order goes over the limit"
                hint="Hold it for an admin to release or reject, or refuse it at checkout."
              >
                <PolicySelect id="tc-create-policy" value={policy} onChange={setPolicy} />
              </FormField>
            )}
            <TermsFields idPrefix="tc-create" value={terms} onChange={setTerms} showErrors={submitted} />
            <FormField id="tc-create-status" label="Credit status" hint={STATUS_DESCRIPTIONS[status]}>
              <StatusSelect id="tc-create-status" value={status} onChange={setStatus} />
            </FormField>
            <FormField
              id="tc-create-reference"
              label="Account reference"
              optional
              hint={`Your reference for this account, e.g. the ERP customer number (max. ${MAX_ACCOUNT_REFERENCE_LENGTH} characters).`}
            >
              <Input
                id="tc-create-reference"
                value={reference}
                maxLength={MAX_ACCOUNT_REFERENCE_LENGTH}
                onChange={(e) => setReference(e.target.value)}
              />
            </FormField>
            <FormField id="tc-create-comment" label="Comment" optional hint="Kept in the credit history.">
              <Textarea id="tc-create-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            </FormField>
            {currencies.length === 0 && (
              <Text size="small" className="text-ui-fg-error">
                This holder already has an account in every store currency.
              </Text>
            )}
            <FormError error={create.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending}>
              Create account
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
