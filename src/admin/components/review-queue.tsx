import { Badge, Button, Container, Heading, Skeleton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useReviews, type ReviewDecision } from "../hooks/reviews"
import { errorMessage } from "../lib/errors"
import { formatDateTime, orderPath, partyLabel } from "../lib/format"
import type { OrderReview } from "../lib/types"
import { Money } from "./money"
import { ReviewDecisionPrompt } from "./review-decision-prompt"

const HEADERS = ["Order", "Customer", "Company", "Order total", "Available credit", "Over by", "Held since", ""]

/** Orders held because they went over the credit limit, oldest decisions first in line. */
export const ReviewQueue = () => {
  const { data, isLoading, isError, error, refetch } = useReviews({ status: "pending", limit: 50 })
  const [pending, setPending] = useState<{ review: OrderReview; decision: ReviewDecision } | null>(null)
  const reviews = data?.reviews ?? []

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
      {!isLoading && !isError && reviews.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-6">
          {data?.unavailable
            ? "No orders are held. Orders paid on account that go over the credit limit show up here for you to release or reject."
            : "No orders waiting for review."}
        </Text>
      )}
      {reviews.length > 0 && (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                {HEADERS.map((h, i) => (
                  <Table.HeaderCell key={i} className={i >= 3 && i <= 5 ? "whitespace-nowrap text-right" : "whitespace-nowrap"}>
                    {h}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {reviews.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <Link to={orderPath(r.order_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                      {r.order_display_id ? `#${r.order_display_id}` : r.order_id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell className="max-w-[180px] truncate">{partyLabel(r.customer)}</Table.Cell>
                  <Table.Cell className="max-w-[160px] truncate">{partyLabel(r.company)}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={r.order_total} currency={r.currency_code} />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={r.available_credit} currency={r.currency_code} variant="balance" />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={r.amount_over} currency={r.currency_code} className="text-ui-tag-orange-text" />
                  </Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{formatDateTime(r.created_at)}</Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2">
                      <Button size="small" variant="secondary" onClick={() => setPending({ review: r, decision: "reject" })}>
                        Reject
                      </Button>
                      <Button size="small" onClick={() => setPending({ review: r, decision: "release" })}>
                        Release
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <ReviewDecisionPrompt
        review={pending?.review ?? null}
        decision={pending?.decision ?? "release"}
        onClose={() => setPending(null)}
      />
    </Container>
  )
}
