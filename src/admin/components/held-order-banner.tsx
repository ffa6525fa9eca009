import { ExclamationCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ReviewDecision } from "../hooks/reviews"
import { formatDateTime } from "../lib/format"
import type { OrderReview } from "../lib/types"
import { Money } from "./money"
import { ReviewDecisionPrompt } from "./review-decision-prompt"

/** An order held because it went over the credit limit: the numbers, and Release / Reject. */
export const HeldOrderBanner = ({ review }: { review: OrderReview }) => {
  const [decision, setDecision] = useState<ReviewDecision | null>(null)
  const c = review.currency_code
  return (
    <div className="bg-ui-tag-orange-bg border-ui-tag-orange-border flex flex-col gap-y-3 rounded-lg border px-4 py-3">
      <div className="flex items-start gap-x-2">
        <ExclamationCircle className="text-ui-tag-orange-icon mt-0.5 shrink-0" />
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" className="text-ui-tag-orange-text">
            Held for review: over the credit limit
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Order total <Money amount={review.order_total} currency={c} />, available credit{" "}
            <Money amount={review.available_credit} currency={c} variant="balance" />: over by{" "}
            <Money amount={review.amount_over} currency={c} className="text-ui-fg-base font-medium" />.
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            Held since {formatDateTime(review.created_at)}
          </Text>
        </div>
      </div>
      <div className="flex justify-end gap-x-2">
        <Button size="small" variant="secondary" onClick={() => setDecision("reject")}>
          Reject
        </Button>
        <Button size="small" onClick={() => setDecision("release")}>
          Release
        </Button>
      </div>
      <ReviewDecisionPrompt
        review={decision ? review : null}
        decision={decision ?? "release"}
        onClose={() => setDecision(null)}
      />
    </div>
  )
}
