import { Select } from "@medusajs/ui"
import { OVER_LIMIT_POLICIES, OVER_LIMIT_POLICY_LABELS } from "../lib/format"
import type { OverLimitPolicy } from "../lib/types"

const DEFAULT = "store_default"

/** Over-limit policy; "Store default" stands for null (the plugin option decides). */
export const PolicySelect = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: OverLimitPolicy | null
  onChange: (value: OverLimitPolicy | null) => void
}) => (
  <Select
    value={value ?? DEFAULT}
    onValueChange={(v) => onChange(v === DEFAULT ? null : (v as OverLimitPolicy))}
  >
    <Select.Trigger id={id}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value={DEFAULT}>Store default</Select.Item>
      {OVER_LIMIT_POLICIES.map((p) => (
        <Select.Item key={p} value={p}>
          {OVER_LIMIT_POLICY_LABELS[p]}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
