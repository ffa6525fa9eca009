import { Select } from "@medusajs/ui"
import { LEDGER_OPERATIONS, OPERATION_LABELS } from "../lib/format"
import type { LedgerOperation } from "../lib/types"

const ALL = "all"

export const OperationFilter = ({
  value,
  onChange,
}: {
  value: LedgerOperation | undefined
  onChange: (value: LedgerOperation | undefined) => void
}) => (
  <Select size="small" value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : (v as LedgerOperation))}>
    <Select.Trigger className="w-[160px]" aria-label="Filter by operation">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={ALL}>All operations</Select.Item>
      {LEDGER_OPERATIONS.map((op) => (
        <Select.Item key={op} value={op}>
          {OPERATION_LABELS[op]}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
