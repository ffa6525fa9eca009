import { Input, Select } from "@medusajs/ui"
import { MAX_TERMS_DAYS, PAYMENT_TERMS_TYPES } from "../../modules/trade-credit/constants"
import { PAYMENT_TERMS_LABELS, formatTerms } from "../lib/format"
import type { PaymentTermsType } from "../lib/types"
import { FormField } from "./form-field"

export type TermsDraft = {
  type: PaymentTermsType
  net_days: string
  grace_days: string
}

/** Seed 002's day codes: 14 / 30 / 60 days, or end of next month. */
const COMMON_NET_DAYS = ["14", "30", "60"]

export function termsDraftErrors(draft: TermsDraft): { net_days?: string; grace_days?: string } {
  const errors: { net_days?: string; grace_days?: string } = {}
  if (draft.type === "net_days" && !/^\d+$/.test(draft.net_days.trim())) {
    errors.net_days = "Enter the number of days, like 30."
  } else if (draft.type === "net_days" && Number(draft.net_days) < 1) {
    errors.net_days = "At least 1 day."
  } else if (draft.type === "net_days" && Number(draft.net_days) > MAX_TERMS_DAYS) {
    errors.net_days = `At most ${MAX_TERMS_DAYS} days.`
  }
  if (draft.type !== "prepayment" && draft.grace_days.trim() !== "" && !/^\d+$/.test(draft.grace_days.trim())) {
    errors.grace_days = "Enter a whole number of days, or leave it empty."
  } else if (draft.type !== "prepayment" && Number(draft.grace_days || 0) > MAX_TERMS_DAYS) {
    errors.grace_days = `At most ${MAX_TERMS_DAYS} days.`
  }
  return errors
}

export function termsFromDraft(draft: TermsDraft) {
  return {
    type: draft.type,
    net_days: draft.type === "net_days" ? Number(draft.net_days) : null,
    grace_days: draft.type === "prepayment" ? 0 : Number(draft.grace_days || 0),
  }
}

type TermsFieldsProps = {
  idPrefix: string
  value: TermsDraft
  onChange: (value: TermsDraft) => void
  showErrors: boolean
}

/** Payment terms: type, net days (with the common choices), grace days; the result in words. */
export const TermsFields = ({ idPrefix, value, onChange, showErrors }: TermsFieldsProps) => {
  const errors = showErrors ? termsDraftErrors(value) : {}
  const valid = Object.keys(termsDraftErrors(value)).length === 0
  return (
    <div className="flex flex-col gap-y-4">
      <FormField
        id={`${idPrefix}-terms-type`}
        label="Payment terms"
        hint={valid ? `Shown to the buyer as "${formatTerms(termsFromDraft(value))}".` : undefined}
      >
        <Select value={value.type} onValueChange={(type) => onChange({ ...value, type: type as PaymentTermsType })}>
          <Select.Trigger id={`${idPrefix}-terms-type`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {PAYMENT_TERMS_TYPES.map((t) => (
              <Select.Item key={t} value={t}>
                {PAYMENT_TERMS_LABELS[t]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
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
  )
}
