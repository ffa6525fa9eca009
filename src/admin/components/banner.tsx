import { ExclamationCircle } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

// Whole class names: Tailwind only keeps classes it finds written out.
const TONES = {
  orange: {
    box: "bg-ui-tag-orange-bg border-ui-tag-orange-border",
    icon: "text-ui-tag-orange-icon",
    title: "text-ui-tag-orange-text",
  },
  red: {
    box: "bg-ui-tag-red-bg border-ui-tag-red-border",
    icon: "text-ui-tag-red-icon",
    title: "text-ui-tag-red-text",
  },
}

type BannerProps = {
  tone: keyof typeof TONES
  title: ReactNode
  /** The lines under the title. */
  children: ReactNode
  /** Buttons, at the bottom right. */
  actions?: ReactNode
}

/** Something about an order that needs the admin: a tinted box with an icon, a title, details and actions. */
export const Banner = ({ tone, title, children, actions }: BannerProps) => {
  const t = TONES[tone]
  return (
    <div className={clx("flex flex-col gap-y-3 rounded-lg border px-4 py-3", t.box)}>
      <div className="flex items-start gap-x-2">
        <ExclamationCircle className={clx("mt-0.5 shrink-0", t.icon)} />
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" className={t.title}>
            {title}
          </Text>
          {children}
        </div>
      </div>
      {actions && <div className="flex justify-end gap-x-2">{actions}</div>}
    </div>
  )
}
