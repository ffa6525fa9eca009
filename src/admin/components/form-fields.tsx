import { Input, Textarea } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Controller, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form"
import { AmountInput } from "./amount-input"
import { FormField } from "./form-field"

type FieldProps<TValues extends FieldValues> = {
  form: UseFormReturn<TValues>
  name: FieldPath<TValues>
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  autoFocus?: boolean
}

/** Label, hint and the schema's message (once the form has been submitted, then live) around a control. */
function Field<TValues extends FieldValues>({
  form,
  name,
  id,
  label,
  optional,
  hint,
  children,
}: FieldProps<TValues> & { children: (invalid: boolean) => ReactNode }) {
  const error = form.getFieldState(name, form.formState).error?.message ?? null
  return (
    <FormField id={id} label={label} optional={optional} hint={hint} error={error}>
      {children(Boolean(error))}
    </FormField>
  )
}

/** A one-line (or, with `multiline`, a multi-line) text field. */
export function TextField<TValues extends FieldValues>({
  multiline = false,
  maxLength,
  ...field
}: FieldProps<TValues> & { multiline?: boolean; maxLength?: number }) {
  const Control = multiline ? Textarea : Input
  return (
    <Field {...field}>
      {(invalid) => (
        <Control
          id={field.id}
          maxLength={maxLength}
          autoFocus={field.autoFocus}
          aria-invalid={invalid || undefined}
          {...field.form.register(field.name)}
        />
      )}
    </Field>
  )
}

/** An amount in `currency`, kept as the text typed (the schema checks its decimals). */
export function AmountField<TValues extends FieldValues>({
  currency,
  allowNegative,
  placeholder,
  ...field
}: FieldProps<TValues> & { currency: string; allowNegative?: boolean; placeholder?: string }) {
  return (
    <Field {...field}>
      {(invalid) => (
        <Controller
          control={field.form.control}
          name={field.name}
          render={({ field: control }) => (
            <AmountInput
              id={field.id}
              currency={currency}
              value={control.value ?? ""}
              onChange={control.onChange}
              allowNegative={allowNegative}
              placeholder={placeholder}
              autoFocus={field.autoFocus}
              invalid={invalid}
            />
          )}
        />
      )}
    </Field>
  )
}
