import { Select, StatusBadge } from "@medusajs/ui"
import { ACCOUNT_STATUSES, statusColor, statusLabel } from "../lib/format"
import type { AccountStatus } from "../lib/types"

/** Credit status with its colour (the field's hint says what it does to orders). */
export const StatusSelect = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: AccountStatus
  onChange: (value: AccountStatus) => void
}) => (
  <Select value={value} onValueChange={(v) => onChange(v as AccountStatus)}>
    <Select.Trigger id={id}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {ACCOUNT_STATUSES.map((s) => (
        <Select.Item key={s} value={s}>
          <StatusBadge color={statusColor(s)}>{statusLabel(s)}</StatusBadge>
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
