import { StatusBadge } from "@medusajs/ui"
import { Controller, useWatch, type Control, type UseFormReturn } from "react-hook-form"
import {
  ACCOUNT_STATUSES,
  OVER_LIMIT_POLICY_LABELS,
  OVERDUE_POLICY_LABELS,
  STATUS_DESCRIPTIONS,
  statusColor,
  statusLabel,
} from "../lib/format"
import { ACCOUNT_REFERENCE_MAX, type TermsDraft } from "../lib/form-schemas"
import type { AccountStatus, OverLimitPolicy, OverduePolicy } from "../lib/types"
import { ChoiceSelect } from "./choice-select"
import { FormField } from "./form-field"
import { AmountField, TextField } from "./form-fields"
import { SwitchField } from "./switch-field"
import { TermsFields } from "./terms-fields"

/** The settings an account is created with and edited in. */
export type AccountSettingsValues = {
  credit_limit: string
  allow_exceed: boolean
  over_limit_policy: OverLimitPolicy | null
  overdue_policy: OverduePolicy
  status: AccountStatus
  payment_terms: TermsDraft
  reference: string
}

const POLICY_CHOICES = (Object.keys(OVER_LIMIT_POLICY_LABELS) as OverLimitPolicy[]).map((p) => ({
  value: p,
  label: OVER_LIMIT_POLICY_LABELS[p],
}))

const OVERDUE_CHOICES = (Object.keys(OVERDUE_POLICY_LABELS) as OverduePolicy[]).map((p) => ({
  value: p,
  label: OVERDUE_POLICY_LABELS[p],
}))

const STATUS_CHOICES = ACCOUNT_STATUSES.map((s) => ({
  value: s,
  label: <StatusBadge color={statusColor(s)}>{statusLabel(s)}</StatusBadge>,
}))

type AccountSettingsFieldsProps = {
  form: UseFormReturn<AccountSettingsValues>
  /** "tc-create" / "tc-edit": the fields' ids. */
  idPrefix: string
  currency: string
  /** Creating: the limit may be left empty (0, a plain prepaid balance). */
  limitOptional?: boolean
  limitHint?: string
  referenceHint: string
}

/** Credit limit, allow-exceed, over-limit policy, overdue policy, terms, status and reference. */
export const AccountSettingsFields = ({
  form,
  idPrefix,
  currency,
  limitOptional = false,
  limitHint,
  referenceHint,
}: AccountSettingsFieldsProps) => {
  const control = form.control
  const [allowExceed, status] = useWatch({ control, name: ["allow_exceed", "status"] })
  return (
    <>
      <AmountField
        form={form}
        name="credit_limit"
        id={`${idPrefix}-limit`}
        label="Credit limit"
        optional={limitOptional}
        hint={limitHint}
        currency={currency}
        placeholder={limitOptional ? "0" : undefined}
      />
      <Controller
        control={control}
        name="allow_exceed"
        render={({ field }) => (
          <SwitchField
            id={`${idPrefix}-allow-exceed`}
            label="Allow to exceed credit limit"
            description="Orders on account may go over the limit; each one is flagged."
            checked={field.value}
            onChange={field.onChange}
          />
        )}
      />
      {!allowExceed && (
        <FormField
          id={`${idPrefix}-policy`}
          label="When an order goes over the limit"
          hint="Hold it for an admin to release or reject, or refuse it at checkout."
        >
          <Controller
            control={control}
            name="over_limit_policy"
            render={({ field }) => (
              <ChoiceSelect
                id={`${idPrefix}-policy`}
                value={field.value}
                choices={POLICY_CHOICES}
                none="Store default"
                onChange={field.onChange}
              />
            )}
          />
        </FormField>
      )}
      <FormField
        id={`${idPrefix}-overdue-policy`}
        label="When invoices are overdue"
        hint="While an invoice is overdue past its grace days: refuse orders on account at checkout, hold them for review, or allow them."
      >
        <Controller
          control={control}
          name="overdue_policy"
          render={({ field }) => (
            <ChoiceSelect
              id={`${idPrefix}-overdue-policy`}
              value={field.value}
              choices={OVERDUE_CHOICES}
              onChange={(v) => field.onChange(v ?? field.value)}
            />
          )}
        />
      </FormField>
      <TermsFields
        idPrefix={idPrefix}
        control={control as unknown as Control<{ payment_terms: TermsDraft }>}
        showErrors={form.formState.isSubmitted}
      />
      <FormField id={`${idPrefix}-status`} label="Credit status" hint={STATUS_DESCRIPTIONS[status]}>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <ChoiceSelect
              id={`${idPrefix}-status`}
              value={field.value}
              choices={STATUS_CHOICES}
              onChange={(v) => field.onChange(v ?? field.value)}
            />
          )}
        />
      </FormField>
      <TextField
        form={form}
        name="reference"
        id={`${idPrefix}-reference`}
        label="Account reference"
        optional
        hint={referenceHint}
        maxLength={ACCOUNT_REFERENCE_MAX}
      />
    </>
  )
}
