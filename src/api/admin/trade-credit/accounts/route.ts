import { withConflictMessage } from "../../../utils/conflict"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { openTradeCreditAccountWorkflow } from "../../../../workflows"
import { TRADE_CREDIT_MODULE } from "../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../modules/trade-credit/service"
import { escapeLikePattern } from "../../../../modules/trade-credit/utils/text"
import { fetchAccount } from "../../../utils/accounts"
import { formatAccount } from "../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../utils/request-context"
import type { AdminCreateAccountType, AdminListAccountsType } from "../validators"
import type { AdminAccountListResponse, AdminAccountResponse } from "../../../../types/http"

/** Holders matched by `q` are capped: a search term this broad should be narrowed. */
const MAX_Q_HOLDERS = 1000

const OPERATORS = ["lt", "lte", "gt", "gte"] as const

function rangeFilter(range?: Partial<Record<(typeof OPERATORS)[number], string>>) {
  if (!range) {
    return undefined
  }
  return Object.fromEntries(Object.entries(range).map(([op, v]) => [`$${op}`, v]))
}

/**
 * Accounts with search and filters, e.g. to find every customer who owes more than an amount.
 * `order=balance` lists the most owed first.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListAccountsType>,
  res: MedusaResponse<AdminAccountListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const params = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (params.customer_id) filters.customer_id = params.customer_id
  if (params.customer_group_id) filters.customer_group_id = params.customer_group_id
  if (params.currency_code) filters.currency_code = params.currency_code.toLowerCase()
  if (params.status) filters.status = params.status
  if (params.holder_type === "customer") filters.customer_id = filters.customer_id ?? { $ne: null }
  if (params.holder_type === "customer_group")
    filters.customer_group_id = filters.customer_group_id ?? { $ne: null }
  if (params.balance === "positive") filters.balance = { $gt: 0 }
  else if (params.balance === "negative") filters.balance = { $lt: 0 }
  else if (params.balance) filters.balance = rangeFilter(params.balance)
  if (params.available_credit) filters.available_credit = rangeFilter(params.available_credit)
  if (params.due_for_chase === "true") {
    const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    filters.next_chase_at = { $lt: tradeCredit.chaseDueBefore() }
  } else if (params.due_for_chase === "false") {
    const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    filters.$and = [{ $or: [{ next_chase_at: null }, { next_chase_at: { $gte: tradeCredit.chaseDueBefore() } }] }]
  }

  if (params.q) {
    // Holder names live in the customer module: find the matching holders
    // there, then the accounts of those holders or with that reference.
    // `q` is text, not a pattern: `%`, `_` and `\` match only themselves. The
    // customer module's `q` puts each word into ILIKE '%word%' as given, so it
    // gets the escaped term too.
    const term = escapeLikePattern(params.q)
    const customerModule = req.scope.resolve(Modules.CUSTOMER)
    const [customers, groups] = await Promise.all([
      customerModule.listCustomers({ q: term }, { select: ["id"], take: MAX_Q_HOLDERS }),
      customerModule.listCustomerGroups({ q: term }, { select: ["id"], take: MAX_Q_HOLDERS }),
    ])
    const $or: Record<string, unknown>[] = [{ reference: { $ilike: `%${term}%` } }]
    if (customers.length) $or.push({ customer_id: customers.map((c) => c.id) })
    if (groups.length) $or.push({ customer_group_id: groups.map((g) => g.id) })
    filters.$or = $or
  }

  const { data: accounts, metadata } = await query.graph({
    entity: "trade_credit_account",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    accounts: accounts.map(formatAccount),
    count: metadata?.count ?? accounts.length,
    limit: metadata?.take ?? req.queryConfig.pagination.take ?? req.validatedQuery.limit,
    offset: metadata?.skip ?? req.queryConfig.pagination.skip ?? req.validatedQuery.offset,
  })
}

/** Opens a credit account for a customer (personal) or a customer group (company). */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminCreateAccountType>,
  res: MedusaResponse<AdminAccountResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { result } = await openTradeCreditAccountWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor, idempotency },
  })
  const account = await fetchAccount(req.scope, result.account.id, req.queryConfig?.fields)
  res.status(result.replayed ? 200 : 201).json({ account: formatAccount(account) })
})
