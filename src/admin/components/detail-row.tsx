import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A label / value row, as in the dashboard's detail sections. */
export const DetailRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-compact-small text-ui-fg-base min-w-0 break-words">{children}</div>
  </div>
)
