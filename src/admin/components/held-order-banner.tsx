import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import type { ReviewDecision } from "../hooks/reviews"
import { useFormat } from "../hooks/use-format"
import type { OrderReview } from "../lib/types"
import { REVIEW_REASON_LABELS } from "../lib/format"
import { Banner } from "./banner"
import { Money } from "./money"
import { ReviewDecisionPrompt } from "./review-decision-prompt"

/** An order held for credit review (over the limit, or invoices overdue): the numbers, why, and Release / Reject. */
export const HeldOrderBanner = ({ review }: { review: OrderReview }) => {
  const [decision, setDecision] = useState<ReviewDecision | null>(null)
  const c = review.currency_code
  const fmt = useFormat()
  return (
    <Banner
      tone="orange"
      title={`Held for review: ${REVIEW_REASON_LABELS[review.reason] ?? REVIEW_REASON_LABELS.over_limit}`}
      actions={
        <>
          <Button size="small" variant="secondary" onClick={() => setDecision("reject")}>
            Reject
          </Button>
          <Button size="small" onClick={() => setDecision("release")}>
            Release
          </Button>
          <ReviewDecisionPrompt
            review={decision ? review : null}
            decision={decision ?? "release"}
            onClose={() => setDecision(null)}
          />
        </>
      }
    >
      {review.reason === "overdue_invoices" && review.comment && (
        <Text size="small" className="text-ui-fg-subtle">
          {review.comment}
        </Text>
      )}
      <Text size="small" className="text-ui-fg-subtle">
        Order total <Money amount={review.order_total} currency={c} />, available credit{" "}
        <Money amount={review.available_credit} currency={c} variant="balance" />: over by{" "}
        <Money amount={review.amount_over} currency={c} className="text-ui-fg-base font-medium" />.
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        Held since {fmt.dateTime(review.created_at)}
      </Text>
    </Banner>
  )
}
