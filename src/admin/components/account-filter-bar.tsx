import { Button, Checkbox, Input, Label, Text } from "@medusajs/ui"
import {
  EMPTY_FILTERS,
  countActiveFilters,
  isValidBound,
  type AccountFilters,
} from "../lib/account-filters"
import { ACCOUNT_STATUSES, statusLabel } from "../lib/format"
import type { AccountStatus, HolderType } from "../lib/types"
import { ChoiceSelect, type Choice } from "./choice-select"

const STATUS_CHOICES: Choice<AccountStatus>[] = ACCOUNT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))

const HOLDER_CHOICES: Choice<HolderType>[] = [
  { value: "customer", label: "Customers only" },
  { value: "customer_group", label: "Companies only" },
]

/** Status and holder type: "any" is the empty filter. */
const SELECTS = [
  { key: "status", label: "Credit status", none: "Any status", className: "w-[140px]", choices: STATUS_CHOICES },
  { key: "holder_type", label: "Holder type", none: "All holders", className: "w-[150px]", choices: HOLDER_CHOICES },
] as const

/** The balance range: negative balances are owed. */
const BOUNDS = [
  { key: "balance_below", label: "Balance below", title: "E.g. -1000: accounts that owe more than 1,000" },
  { key: "balance_above", label: "Balance above", title: "E.g. 0: accounts with money paid in advance" },
] as const

type AccountFilterBarProps = {
  value: AccountFilters
  onChange: (value: AccountFilters) => void
}

/** Search, status, holder type and balance range of the accounts list. */
export const AccountFilterBar = ({ value, onChange }: AccountFilterBarProps) => {
  const set = <K extends keyof AccountFilters>(key: K, v: AccountFilters[K]) => onChange({ ...value, [key]: v })
  const boundsInvalid = BOUNDS.some((bound) => !isValidBound(value[bound.key]))
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          type="search"
          size="small"
          placeholder="Search name, email, company, reference"
          className="w-[260px]"
          value={value.q}
          onChange={(e) => set("q", e.target.value)}
          aria-label="Search accounts"
        />
        {SELECTS.map((select) => (
          <ChoiceSelect<string>
            key={select.key}
            size="small"
            className={select.className}
            aria-label={select.label}
            value={value[select.key] || null}
            choices={select.choices}
            none={select.none}
            onChange={(v) => onChange({ ...value, [select.key]: v ?? "" })}
          />
        ))}
        {BOUNDS.map((bound) => (
          <Input
            key={bound.key}
            size="small"
            inputMode="decimal"
            placeholder={bound.label}
            className="w-[130px]"
            value={value[bound.key]}
            onChange={(e) => set(bound.key, e.target.value)}
            aria-label={bound.label}
            aria-invalid={!isValidBound(value[bound.key]) || undefined}
            title={bound.title}
          />
        ))}
        <div className="flex items-center gap-x-2 px-1">
          <Checkbox
            id="tc-filter-due-for-chase"
            checked={value.due_for_chase}
            onCheckedChange={(checked) => set("due_for_chase", checked === true)}
          />
          <Label htmlFor="tc-filter-due-for-chase" size="small" title="Accounts whose next chase day is today or earlier">
            Due for a chase
          </Label>
        </div>
        {(countActiveFilters(value) > 0 || value.q) && (
          <Button size="small" variant="transparent" onClick={() => onChange({ ...EMPTY_FILTERS, order: value.order })}>
            Clear filters
          </Button>
        )}
      </div>
      {boundsInvalid && (
        <Text size="xsmall" className="text-ui-fg-error">
          Balance bounds are numbers in the account's currency, like -1000 or 250.50; negative means owed.
        </Text>
      )}
    </div>
  )
}
