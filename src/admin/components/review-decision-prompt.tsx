import { Button, Label, Prompt, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useDecideReview, type ReviewDecision } from "../hooks/reviews"
import { useFormat } from "../hooks/use-format"
import type { OrderReview } from "../lib/types"
import { FormError } from "./form-error"

type ReviewDecisionPromptProps = {
  review: OrderReview | null
  decision: ReviewDecision
  onClose: () => void
}

/** "#12", or the order id when it has no display id yet. */
export const orderLabel = (r: OrderReview) => (r.order_display_id ? `#${r.order_display_id}` : r.order_id)

/** Confirm releasing or rejecting a held order, with an optional comment for the history. */
export const ReviewDecisionPrompt = ({ review, decision, onClose }: ReviewDecisionPromptProps) => {
  const [comment, setComment] = useState("")
  // Passed to the hook, not to mutate(): the banner holding this prompt
  // unmounts as soon as the review list refreshes.
  const decide = useDecideReview({
    onSuccess: (_data, { review: decided, decision: made }) => {
      toast.success(`Order ${orderLabel(decided)} ${made === "release" ? "released" : "rejected"}`)
      onClose()
    },
  })
  const fmt = useFormat()

  useEffect(() => {
    if (review) {
      setComment("")
      decide.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [review?.id, decision])

  if (!review) {
    return null
  }
  const release = decision === "release"
  const over = fmt.money(review.amount_over, review.currency_code)

  const submit = () => decide.mutate({ review, decision, comment: comment.trim() || undefined })

  return (
    <Prompt open variant={release ? "confirmation" : "danger"} onOpenChange={(open) => !open && onClose()}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{release ? "Release order" : "Reject order"} {orderLabel(review)}?</Prompt.Title>
          <Prompt.Description>
            {release
              ? `The order goes through on account although it is ${over} over the available credit. The entry is flagged as over the limit.`
              : "The order is canceled. No credit moves."}
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4 pt-2">
          <Label htmlFor="tc-review-comment" size="small" weight="plus">
            Comment <span className="text-ui-fg-muted font-normal">(optional)</span>
          </Label>
          <Textarea id="tc-review-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
          <FormError error={decide.error} />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant={release ? "primary" : "danger"}
            isLoading={decide.isPending}
            onClick={submit}
          >
            {release ? "Release" : "Reject"}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
