import { Input } from "@medusajs/ui"
import { Controller, useWatch, type Control } from "react-hook-form"
import { PAYMENT_TERMS_LABELS, formatTerms } from "../lib/format"
import { termsDraftErrors, termsFromDraft, type TermsDraft } from "../lib/form-schemas"
import type { PaymentTermsType } from "../lib/types"
import { ChoiceSelect } from "./choice-select"
import { FormField } from "./form-field"

const TERMS_CHOICES = (Object.keys(PAYMENT_TERMS_LABELS) as PaymentTermsType[]).map((t) => ({
  value: t,
  label: PAYMENT_TERMS_LABELS[t],
}))

/** The day codes credit controllers use most: 14 / 30 / 60 days, or end of next month. */
const COMMON_NET_DAYS = ["14", "30", "60"]

type TermsFieldsProps = {
  idPrefix: string
  /** A form whose `payment_terms` field holds a TermsDraft. */
  control: Control<{ payment_terms: TermsDraft }>
  showErrors: boolean
}

/** Payment terms: type, net days (with the common choices), grace days; the result in words. */
export const TermsFields = ({ idPrefix, control, showErrors }: TermsFieldsProps) => {
  const value = useWatch({ control, name: "payment_terms" })
  const allErrors = termsDraftErrors(value)
  const errors = showErrors ? allErrors : {}
  const valid = Object.keys(allErrors).length === 0
  return (
    <Controller
      control={control}
      name="payment_terms"
      render={({ field: { onChange } }) => (
        <div className="flex flex-col gap-y-4">
          <FormField
            id={`${idPrefix}-terms-type`}
            label="Payment terms"
            hint={valid ? `Shown to the buyer as "${formatTerms(termsFromDraft(value))}".` : undefined}
          >
            <ChoiceSelect
              id={`${idPrefix}-terms-type`}
              value={value.type}
              choices={TERMS_CHOICES}
              onChange={(type) => onChange({ ...value, type: type ?? value.type })}
            />
          </FormField>
          {value.type !== "prepayment" && (
            <div className="grid grid-cols-2 gap-x-4">
              {value.type === "net_days" ? (
                <FormField
                  id={`${idPrefix}-net-days`}
                  label="Days to pay"
                  error={errors.net_days}
                  hint={
                    <span className="flex gap-x-1.5">
                      Common:
                      {COMMON_NET_DAYS.map((d) => (
                        <button
                          key={d}
                          type="button"
                          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                          onClick={() => onChange({ ...value, net_days: d })}
                        >
                          {d}
                        </button>
                      ))}
                    </span>
                  }
                >
                  <Input
                    id={`${idPrefix}-net-days`}
                    inputMode="numeric"
                    value={value.net_days}
                    onChange={(e) => onChange({ ...value, net_days: e.target.value })}
                    aria-invalid={Boolean(errors.net_days) || undefined}
                  />
                </FormField>
              ) : (
                <div />
              )}
              <FormField
                id={`${idPrefix}-grace-days`}
                label="Grace days"
                optional
                error={errors.grace_days}
                hint="Days after the due date before an invoice is overdue."
              >
                <Input
                  id={`${idPrefix}-grace-days`}
                  inputMode="numeric"
                  placeholder="0"
                  value={value.grace_days}
                  onChange={(e) => onChange({ ...value, grace_days: e.target.value })}
                  aria-invalid={Boolean(errors.grace_days) || undefined}
                />
              </FormField>
            </div>
          )}
        </div>
      )}
    />
  )
}
