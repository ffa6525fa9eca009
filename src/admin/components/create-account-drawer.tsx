import { Text, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { Controller, useWatch, type UseFormReturn } from "react-hook-form"
import { DEFAULT_OVERDUE_POLICY } from "../../modules/trade-credit/constants"
import { useCreateAccount } from "../hooks/accounts"
import { useStoreCurrencies } from "../hooks/store-currencies"
import { toApiAmount } from "../lib/decimal"
import { HOLDER_TYPE_LABELS } from "../lib/format"
import {
  ACCOUNT_REFERENCE_MAX,
  createAccountSchema,
  optionalText,
  termsDraftOf,
  termsFromDraft,
  type CreateAccountForm,
} from "../lib/form-schemas"
import type { HolderType } from "../lib/types"
import { AccountSettingsFields, type AccountSettingsValues } from "./account-settings-fields"
import { CurrencySelect } from "./currency-select"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { FormField } from "./form-field"
import { TextField } from "./form-fields"

export const DEFAULT_CURRENCY = "eur"

type CreateAccountDrawerProps = {
  holder: { type: HolderType; id: string; name: string }
  /** Currencies the holder already has an account in (one account per holder and currency). */
  existingCurrencies: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

export const CreateAccountDrawer = ({ holder, existingCurrencies, open, onOpenChange }: CreateAccountDrawerProps) => {
  const { data: storeCurrencies } = useStoreCurrencies()
  const currencies = useMemo(() => {
    const all = [DEFAULT_CURRENCY, ...(storeCurrencies ?? [])]
    return Array.from(new Set(all)).filter((c) => !existingCurrencies.includes(c))
  }, [storeCurrencies, existingCurrencies])
  const create = useCreateAccount()
  const form = useDrawerForm<CreateAccountForm>({
    open,
    schema: createAccountSchema,
    defaultValues: () => ({
      currency_code: currencies.includes(DEFAULT_CURRENCY) ? DEFAULT_CURRENCY : currencies[0] ?? "",
      credit_limit: "",
      allow_exceed: false,
      over_limit_policy: null,
      overdue_policy: DEFAULT_OVERDUE_POLICY,
      status: "normal",
      payment_terms: termsDraftOf(null),
      reference: "",
      comment: "",
    }),
    onOpen: create.reset,
  })
  const currency = useWatch({ control: form.control, name: "currency_code" })

  const onSubmit = (values: CreateAccountForm) =>
    create.mutate(
      {
        ...(holder.type === "customer" ? { customer_id: holder.id } : { customer_group_id: holder.id }),
        currency_code: values.currency_code,
        ...(values.credit_limit.trim() ? { credit_limit: toApiAmount(values.credit_limit) } : {}),
        allow_exceed: values.allow_exceed,
        over_limit_policy: values.over_limit_policy,
        overdue_policy: values.overdue_policy,
        status: values.status,
        payment_terms: termsFromDraft(values.payment_terms),
        reference: optionalText(values.reference),
        comment: optionalText(values.comment),
      },
      {
        onSuccess: () => {
          toast.success(`Credit account in ${values.currency_code.toUpperCase()} created for ${holder.name}`)
          onOpenChange(false)
        },
      }
    )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Create credit account"
      description={`${HOLDER_TYPE_LABELS[holder.type]}: ${holder.name}`}
      form={form}
      onSubmit={onSubmit}
      submitLabel="Create account"
      mutation={create}
    >
      <FormField
        id="tc-create-currency"
        label="Credit currency"
        hint="Balances, limits and payments of this account are kept in this currency. It can't be changed later."
        error={form.formState.errors.currency_code?.message}
      >
        <Controller
          control={form.control}
          name="currency_code"
          render={({ field }) => (
            <CurrencySelect id="tc-create-currency" value={field.value} options={currencies} onChange={field.onChange} />
          )}
        />
      </FormField>
      <AccountSettingsFields
        form={form as unknown as UseFormReturn<AccountSettingsValues>}
        idPrefix="tc-create"
        currency={currency || DEFAULT_CURRENCY}
        limitOptional
        limitHint="How much the buyer may owe. Leave empty for 0 (a plain prepaid balance)."
        referenceHint={`Your reference for this account, e.g. the ERP customer number (max. ${ACCOUNT_REFERENCE_MAX} characters).`}
      />
      <TextField form={form} name="comment" id="tc-create-comment" label="Comment" optional hint="Kept in the credit history." multiline />
      {currencies.length === 0 && (
        <Text size="small" className="text-ui-fg-error">
          This holder already has an account in every store currency.
        </Text>
      )}
    </FormDrawer>
  )
}
