import { StatusBadge, Tooltip } from "@medusajs/ui"
import { STATUS_DESCRIPTIONS, statusColor, statusLabel } from "../lib/format"
import type { AccountStatus } from "../lib/types"

/** Credit status as a coloured badge: Normal green, Query orange, On stop red. */
export const AccountStatusBadge = ({ status }: { status: AccountStatus }) => (
  <Tooltip content={STATUS_DESCRIPTIONS[status] ?? statusLabel(status)}>
    <StatusBadge color={statusColor(status)} className="whitespace-nowrap">
      {statusLabel(status)}
    </StatusBadge>
  </Tooltip>
)
