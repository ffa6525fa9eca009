import { useQuery, useQueryClient } from "@tanstack/react-query"
import { isNotFound } from "../lib/errors"
import { sdk } from "../lib/sdk"
import type { OrderReview, ReviewListParams, ReviewListResponse } from "../lib/types"
import { tradeCreditKeys, type QueryOptions } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

export type ReviewList = ReviewListResponse & {
  /** The review endpoint doesn't exist on this server (pay on account not installed yet). */
  unavailable: boolean
}

/**
 * Orders held for review because they went over the credit limit. A 404
 * from the endpoint means the feature isn't there: the result is empty and
 * `unavailable`, never an error.
 */
export function useReviews(params: ReviewListParams, options?: QueryOptions<ReviewList>) {
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
    retry: (count, error) => !isNotFound(error) && count < 2,
    ...options,
  })
}

export type ReviewDecision = "release" | "reject"

export type DecideReview = { review: OrderReview; decision: ReviewDecision; comment?: string }

/**
 * Release (let the order through over the limit) or reject (cancel it) a
 * held order. The caller says what to tell the admin through `options`.
 */
export function useDecideReview(options?: MutationOptions<{ review?: OrderReview }, DecideReview>) {
  const queryClient = useQueryClient()
  return useIdempotentMutation(
    ({ review, decision, comment }: DecideReview, headers) =>
      sdk.client.fetch<{ review?: OrderReview }>(`/admin/trade-credit/reviews/${review.id}/${decision}`, {
        method: "POST",
        body: comment ? { comment } : {},
        headers,
      }),
    afterSuccess(
      (_data, { review }) =>
        Promise.all([
          // The dashboard's own order sections (payment status) read these.
          queryClient.invalidateQueries({ queryKey: ["orders"] }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.reviews() }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.accounts() }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.entries(review.account_id) }),
          queryClient.invalidateQueries({ queryKey: tradeCreditKeys.order(review.order_id) }),
        ]),
      options
    )
  )
}
