import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { toAmount } from "../../modules/trade-credit/utils/money"
import { REVIEW_FIELDS } from "../admin/trade-credit/query-config"
import type { CreditReview } from "../../types/http"
import { ACCOUNT_FIELDS, formatAccount } from "./format"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Reviews as the admin sees them: with the buyer, the company, the order
 * total, the account's available credit now and how far the order is over it.
 */
export async function formatReviews(scope: MedusaContainer, reviews: any[]): Promise<CreditReview[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const accountIds = [...new Set(reviews.map((r) => r.account_id))]
  const customerIds = [...new Set(reviews.map((r) => r.customer_id).filter(Boolean))]
  const [{ data: accounts }, { data: customers }] = await Promise.all([
    accountIds.length
      ? query.graph({ entity: "trade_credit_account", fields: ACCOUNT_FIELDS, filters: { id: accountIds } })
      : Promise.resolve({ data: [] as any[] }),
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name", "company_name"], filters: { id: customerIds } })
      : Promise.resolve({ data: [] as any[] }),
  ])
  const accountById = new Map(accounts.map((a: any) => [a.id, formatAccount(a)]))
  const customerById = new Map(customers.map((c: any) => [c.id, c]))
  return reviews.map((r) => {
    const account = accountById.get(r.account_id)
    const customer = customerById.get(r.customer_id)
    const available = account?.available_credit ?? 0
    const over = MathBN.max(MathBN.sub(r.raw_amount ?? r.amount, available), 0)
    return {
      id: r.id,
      order_id: r.order_id ?? null,
      order_display_id: r.order_display_id ?? null,
      status: r.status,
      reason: r.reason ?? "over_limit",
      account_id: r.account_id,
      currency_code: r.currency_code,
      customer: customer
        ? {
            id: customer.id,
            email: customer.email,
            name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email,
          }
        : null,
      company:
        account?.holder.type === "customer_group" ? { id: account.holder.id, name: account.holder.name } : null,
      account_status: account?.status ?? null,
      order_total: toAmount(r.raw_amount ?? r.amount),
      available_credit: available,
      amount_over: over.toNumber(),
      available_credit_at_order: toAmount(r.raw_available_credit ?? r.available_credit),
      amount_over_at_order: toAmount(r.raw_amount_over ?? r.amount_over),
      comment: r.comment ?? null,
      decided_by: r.decided_by_type ? { type: r.decided_by_type, id: r.decided_by_id, name: r.decided_by_name } : null,
      decided_at: r.decided_at ?? null,
      created_at: r.created_at,
    }
  })
}

export async function fetchReview(scope: MedusaContainer, id: string): Promise<CreditReview> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "trade_credit_review", fields: REVIEW_FIELDS, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Credit review ${id} was not found.`)
  }
  const [review] = await formatReviews(scope, data)
  return review
}
