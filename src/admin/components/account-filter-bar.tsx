import { Button, Input, Select, Text } from "@medusajs/ui"
import {
  EMPTY_FILTERS,
  countActiveFilters,
  isValidBound,
  type AccountFilters,
} from "../lib/account-filters"
import { ACCOUNT_STATUSES, HOLDER_TYPES, HOLDER_TYPE_LABELS, statusLabel } from "../lib/format"
import type { AccountStatus, HolderType } from "../lib/types"

const ANY = "any"

type AccountFilterBarProps = {
  value: AccountFilters
  onChange: (value: AccountFilters) => void
}

/** Search, status, holder type and balance range of the accounts list. */
export const AccountFilterBar = ({ value, onChange }: AccountFilterBarProps) => {
  const set = <K extends keyof AccountFilters>(key: K, v: AccountFilters[K]) => onChange({ ...value, [key]: v })
  const belowInvalid = !isValidBound(value.balance_below)
  const aboveInvalid = !isValidBound(value.balance_above)
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
        <Select size="small" value={value.status || ANY} onValueChange={(v) => set("status", v === ANY ? "" : (v as AccountStatus))}>
          <Select.Trigger className="w-[140px]" aria-label="Credit status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ANY}>Any status</Select.Item>
            {ACCOUNT_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {statusLabel(s)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select
          size="small"
          value={value.holder_type || ANY}
          onValueChange={(v) => set("holder_type", v === ANY ? "" : (v as HolderType))}
        >
          <Select.Trigger className="w-[150px]" aria-label="Holder type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ANY}>All holders</Select.Item>
            {HOLDER_TYPES.map((t) => (
              <Select.Item key={t} value={t}>
                {t === "customer" ? "Customers only" : "Companies only"}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Input
          size="small"
          inputMode="decimal"
          placeholder="Balance below"
          className="w-[130px]"
          value={value.balance_below}
          onChange={(e) => set("balance_below", e.target.value)}
          aria-label="Balance below"
          aria-invalid={belowInvalid || undefined}
          title="E.g. -1000: accounts that owe more than 1,000"
        />
        <Input
          size="small"
          inputMode="decimal"
          placeholder="Balance above"
          className="w-[130px]"
          value={value.balance_above}
          onChange={(e) => set("balance_above", e.target.value)}
          aria-label="Balance above"
          aria-invalid={aboveInvalid || undefined}
          title="E.g. 0: accounts with money paid in advance"
        />
        {(countActiveFilters(value) > 0 || value.q) && (
          <Button size="small" variant="transparent" onClick={() => onChange({ ...EMPTY_FILTERS, order: value.order })}>
            Clear filters
          </Button>
        )}
      </div>
      {(belowInvalid || aboveInvalid) && (
        <Text size="xsmall" className="text-ui-fg-error">
          Balance bounds are numbers in the account's currency, like -1000 or 250.50; negative means owed.
        </Text>
      )}
    </div>
  )
}
