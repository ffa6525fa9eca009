import { Badge } from "@medusajs/ui"
import { operationColor, operationLabel } from "../lib/format"
import type { LedgerOperation } from "../lib/types"

export const OperationBadge = ({ operation }: { operation: LedgerOperation }) => (
  <Badge size="2xsmall" color={operationColor(operation)} className="whitespace-nowrap">
    {operationLabel(operation)}
  </Badge>
)
