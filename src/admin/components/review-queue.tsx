import { Badge, Button, Container, Heading, Skeleton, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { useReviews, type ReviewDecision } from "../hooks/reviews"
import { errorMessage } from "../lib/errors"
import { useFormat } from "../hooks/use-format"
import { orderPath, partyLabel } from "../lib/format"
import type { Formatters } from "../lib/intl"
import type { OrderReview } from "../lib/types"
import { ListTable, moneyColumn } from "./list-table"
import { ReviewDecisionPrompt, orderLabel } from "./review-decision-prompt"

const column = createDataTableColumnHelper<OrderReview>()

type Decide = (review: OrderReview, decision: ReviewDecision) => void

function reviewColumns(fmt: Formatters, decide: Decide) {
  return [
    column.accessor("order_id", {
      header: "Order",
      truncateTooltip: false,
      cell: ({ row: { original: r } }) => (
        <Link to={orderPath(r.order_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {orderLabel(r)}
        </Link>
      ),
    }),
    column.accessor((r) => partyLabel(r.customer), { id: "customer", header: "Customer" }),
    column.accessor((r) => partyLabel(r.company), { id: "company", header: "Company" }),
    moneyColumn<OrderReview>("order_total", "Order total"),
    moneyColumn<OrderReview>("available_credit", "Available credit", "balance"),
    moneyColumn<OrderReview>("amount_over", "Over by", "plain", "text-ui-tag-orange-text"),
    column.accessor((r) => fmt.dateTime(r.created_at), { id: "created_at", header: "Held since" }),
    column.display({
      id: "decide",
      header: "",
      cell: ({ row: { original: r } }) => (
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={() => decide(r, "reject")}>
            Reject
          </Button>
          <Button size="small" onClick={() => decide(r, "release")}>
            Release
          </Button>
        </div>
      ),
    }),
  ]
}

/** Orders held because they went over the credit limit, oldest decisions first in line. */
export const ReviewQueue = () => {
  const { data, isLoading, isError, error, refetch } = useReviews({ status: "pending", limit: 50 })
  const [pending, setPending] = useState<{ review: OrderReview; decision: ReviewDecision } | null>(null)
  const reviews = data?.reviews ?? []
  const fmt = useFormat()
  const columns = useMemo(
    () => reviewColumns(fmt, (review, decision) => setPending({ review, decision })),
    [fmt]
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Orders held for review</Heading>
          {reviews.length > 0 && (
            <Badge size="2xsmall" color="orange">
              {data?.count ?? reviews.length}
            </Badge>
          )}
        </div>
      </div>
      {isLoading && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      )}
      {isError && (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Try again
          </Button>
        </div>
      )}
      {!isLoading && !isError && (
        <ListTable
          data={reviews}
          columns={columns}
          getRowId={(r) => r.id}
          isLoading={false}
          emptyText={
            data?.unavailable
              ? "No orders are held. Orders paid on account that go over the credit limit show up here for you to release or reject."
              : "No orders waiting for review."
          }
        />
      )}
      <ReviewDecisionPrompt
        review={pending?.review ?? null}
        decision={pending?.decision ?? "release"}
        onClose={() => setPending(null)}
      />
    </Container>
  )
}
