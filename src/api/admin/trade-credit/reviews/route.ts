import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatReviews } from "../../../utils/reviews"
import type { AdminListReviewsType } from "../validators"
import type { AdminReviewListResponse } from "../../../../types/http"

/** Orders held for credit review (`status=pending` is the queue), oldest first by default. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListReviewsType>, res: MedusaResponse<AdminReviewListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { status, order_id, account_id } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (order_id) filters.order_id = order_id
  if (account_id) filters.account_id = account_id
  const { data, metadata } = await query.graph({
    entity: "trade_credit_review",
    fields: req.queryConfig.fields,
    filters,
    pagination: { order: { created_at: "ASC" }, ...req.queryConfig.pagination },
  })
  res.json({
    reviews: await formatReviews(req.scope, data),
    count: metadata?.count ?? data.length,
    limit: metadata?.take ?? req.queryConfig.pagination.take ?? req.validatedQuery.limit,
    offset: metadata?.skip ?? req.queryConfig.pagination.skip ?? req.validatedQuery.offset,
  })
}
