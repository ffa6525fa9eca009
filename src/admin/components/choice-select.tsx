import { Select } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Choice<T extends string> = { value: T; label: ReactNode }

const NONE = "__none__"

type ChoiceSelectProps<T extends string> = {
  value: T | null | undefined
  choices: Choice<T>[]
  /** The label of the first choice, which stands for "no value" (null); none when left out. */
  none?: ReactNode
  onChange: (value: T | null) => void
  id?: string
  size?: "small" | "base"
  className?: string
  "aria-label"?: string
}

/** One of a few values, in the dashboard's select; `none` offers "any" / "default" as null. */
export function ChoiceSelect<T extends string>({
  value,
  choices,
  none,
  onChange,
  id,
  size,
  className,
  "aria-label": ariaLabel,
}: ChoiceSelectProps<T>) {
  return (
    <Select size={size} value={value ?? NONE} onValueChange={(v) => onChange(v === NONE ? null : (v as T))}>
      <Select.Trigger id={id} className={className} aria-label={ariaLabel}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {none !== undefined && <Select.Item value={NONE}>{none}</Select.Item>}
        {choices.map((c) => (
          <Select.Item key={c.value} value={c.value}>
            {c.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
