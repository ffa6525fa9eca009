import { useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { isNotFound } from "../lib/errors"
import { sdk } from "../lib/sdk"
import type { OrderReview, ReviewListParams, ReviewListResponse } from "../lib/types"
import { tradeCreditKeys } from "./query-keys"
import { useIdempotentMutation } from "./use-idempotent-mutation"

export type ReviewList = ReviewListResponse & {
  /** The review endpoint doesn't exist on this server (pay on account not installed yet). */
  unavailable: boolean
}

/**
 * Orders held for review because they went over the credit limit. A 404
 * from the endpoint means the feature isn't there: the result is empty and
 * `unavailable`, never an error.
 */
export function useReviews(params: ReviewListParams, options: { enabled?: boolean } = {}) {
  return useQuery<ReviewList>({
    queryKey: tradeCreditKeys.reviewList(params),
    queryFn: async () => {
      try {
        const res = await sdk.client.fetch<ReviewListResponse>("/admin/trade-credit/reviews", {
          method: "GET",
          query: params,
        })
        return { ...res, reviews: res.reviews ?? [], unavailable: false }
      } catch (error) {
        if (isNotFound(error)) {
          return { reviews: [], count: 0, limit: params.limit ?? 0, offset: 0, unavailable: true }
        }
        throw error
      }
    },
    enabled: options.enabled ?? true,
    retry: (count, error) => !isNotFound(error) && count < 2,
  })
}

export type ReviewDecision = "release" | "reject"

/** Release (let the order through over the limit) or reject (cancel it) a held order. */
export function useDecideReview() {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    (
      { review, decision, comment }: { review: OrderReview; decision: ReviewDecision; comment?: string },
      headers
    ) =>
      sdk.client.fetch<{ review?: OrderReview }>(`/admin/trade-credit/reviews/${review.id}/${decision}`, {
        method: "POST",
        body: comment ? { comment } : {},
        headers,
      }),
    {
      onSuccess: async (_data, { review, decision }) => {
        // Here, not in the caller: the banner holding the prompt unmounts as
        // soon as the review list refreshes, and a caller's callbacks would be skipped.
        const label = review.order_display_id ? `#${review.order_display_id}` : review.order_id
        toast.success(decision === "release" ? `Order ${label} released` : `Order ${label} rejected`)
        await Promise.all([
          // The dashboard's own order sections (payment status) read these.
          queryClient.invalidateQueries({ queryKey: ["orders"] }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.reviews() }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.accounts() }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.entries(review.account_id) }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.order(review.order_id) }),
        ])
      },
    }
  )
}
