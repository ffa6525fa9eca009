import { Select } from "@medusajs/ui"
import type { AccountFilters } from "../lib/account-filters"

/** Most owed first (the default) or most in credit first. */
export const AccountSortSelect = ({
  value,
  onChange,
}: {
  value: AccountFilters["order"]
  onChange: (value: AccountFilters["order"]) => void
}) => (
  <Select size="small" value={value} onValueChange={(v) => onChange(v as AccountFilters["order"])}>
    <Select.Trigger className="w-[170px]" aria-label="Sort accounts">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value="balance">Most owed first</Select.Item>
      <Select.Item value="-balance">Most in credit first</Select.Item>
    </Select.Content>
  </Select>
)
