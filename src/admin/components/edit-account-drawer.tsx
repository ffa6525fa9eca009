import { Text, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useWatch, type UseFormReturn } from "react-hook-form"
import { useUpdateAccount } from "../hooks/accounts"
import { checkAmount, toApiAmount } from "../lib/decimal"
import { fieldLabel, formatChangeValue, formatTerms, holderName } from "../lib/format"
import {
  ACCOUNT_REFERENCE_MAX,
  editAccountDefaults,
  editAccountSchema,
  optionalText,
  termsDraftErrors,
  termsFromDraft,
  type EditAccountForm,
} from "../lib/form-schemas"
import type { TradeCreditAccount, UpdateAccountBody } from "../lib/types"
import { AccountSettingsFields, type AccountSettingsValues } from "./account-settings-fields"
import type { AccountDrawerProps } from "./adjust-balance-drawer"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { TextField } from "./form-fields"

type Changes = Omit<UpdateAccountBody, "reason">

/** What the form changes on the account (only the fields whose values are valid). */
function changesOf(account: TradeCreditAccount, values: EditAccountForm): Changes {
  const changes: Changes = {}
  const limit = checkAmount(values.credit_limit, account.currency_code, { allowZero: true })
  if (limit.ok && Number(limit.value) !== Number(account.credit_limit)) {
    changes.credit_limit = toApiAmount(limit.value)
  }
  if (values.allow_exceed !== account.allow_exceed) {
    changes.allow_exceed = values.allow_exceed
  }
  if (values.over_limit_policy !== account.over_limit_policy) {
    changes.over_limit_policy = values.over_limit_policy
  }
  if (values.overdue_policy !== account.overdue_policy) {
    changes.overdue_policy = values.overdue_policy
  }
  if (values.status !== account.status) {
    changes.status = values.status
  }
  if (Object.keys(termsDraftErrors(values.payment_terms)).length === 0) {
    const next = termsFromDraft(values.payment_terms)
    if (formatTerms(next) !== formatTerms(account.payment_terms)) {
      changes.payment_terms = next
    }
  }
  if (optionalText(values.reference) !== (account.reference ?? null)) {
    changes.reference = optionalText(values.reference)
  }
  return changes
}

/** Edit limit, allow-exceed, over-limit policy, terms, status and reference; a reason is required. */
export const EditAccountDrawer = ({ account, open, onOpenChange }: AccountDrawerProps) => {
  const currency = account.currency_code
  const update = useUpdateAccount(account.id)
  const schema = useMemo(() => editAccountSchema(currency), [currency])
  const form = useDrawerForm<EditAccountForm>({
    open,
    schema,
    defaultValues: () => editAccountDefaults(account),
    onOpen: update.reset,
  })
  const changes = changesOf(account, useWatch({ control: form.control }) as EditAccountForm)
  const changed = Object.keys(changes) as Array<keyof Changes>

  const onSubmit = (values: EditAccountForm) => {
    const next = changesOf(account, values)
    if (!Object.keys(next).length) {
      return
    }
    update.mutate(
      { ...next, reason: values.reason },
      {
        onSuccess: () => {
          toast.success("Credit account updated")
          onOpenChange(false)
        },
      }
    )
  }

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Edit credit account"
      description={`${holderName(account.holder)} · ${currency.toUpperCase()}`}
      form={form}
      onSubmit={onSubmit}
      submitLabel="Save"
      mutation={update}
      submitDisabled={form.formState.isSubmitted && !changed.length}
    >
      <AccountSettingsFields
        form={form as unknown as UseFormReturn<AccountSettingsValues>}
        idPrefix="tc-edit"
        currency={currency}
        referenceHint={`Max. ${ACCOUNT_REFERENCE_MAX} characters.`}
      />
      <TextField
        form={form}
        name="reason"
        id="tc-edit-reason"
        label="Reason for change"
        hint="Required. Shown in the credit history."
        multiline
      />
      <div className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-lg px-4 py-3">
        <Text size="small" weight="plus">
          {changed.length ? "Changes" : "Nothing changed yet"}
        </Text>
        {changed.map((field) => (
          <Text key={field} size="small" className="text-ui-fg-subtle">
            {fieldLabel(field)}: {formatChangeValue(field, account[field as keyof TradeCreditAccount], currency)} →{" "}
            <span className="text-ui-fg-base">{formatChangeValue(field, changes[field], currency)}</span>
          </Text>
        ))}
      </div>
    </FormDrawer>
  )
}
