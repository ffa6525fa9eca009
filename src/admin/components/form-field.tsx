import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

type FormFieldProps = {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  children: ReactNode
}

/** Label, control, hint and validation message, stacked the way the dashboard's forms are. */
export const FormField = ({ id, label, optional, hint, error, children }: FormFieldProps) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && !error && <Hint>{hint}</Hint>}
    {error && <Hint variant="error">{error}</Hint>}
  </div>
)
