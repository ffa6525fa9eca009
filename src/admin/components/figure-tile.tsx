import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One key figure of an account: label, value, optional note. */
export const FigureTile = ({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) => (
  <div className="flex min-w-0 flex-col gap-y-1">
    <Text size="xsmall" weight="plus" className="text-ui-fg-subtle uppercase tracking-wide">
      {label}
    </Text>
    <Text size="large" weight="plus" className="truncate">
      {value}
    </Text>
    {note && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {note}
      </Text>
    )}
  </div>
)
