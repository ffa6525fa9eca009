import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "../../../../../utils/conflict"
import { orderBalanceWorkflow } from "../../../../../../workflows/order-balance"
import { fetchAccount } from "../../../../../utils/accounts"
import { formatAccount, formatEntry } from "../../../../../utils/format"
import { adminActorOf, idempotencyOf } from "../../../../../utils/request-context"
import type { AdminRefundToBalanceType } from "../../../validators"
import type { AdminAccountMutationResponse } from "../../../../../../types/http"

/**
 * Refund to balance, for an order paid by any provider: what the order owes
 * the customer (its pending difference: a received return, items removed by
 * an order edit, a claim) is credited to their personal account (opened with
 * limit 0 when they have none), or to the company account that paid the order
 * on account, or to `account_id`, as a `refunded` entry naming the order; the
 * order gets a transaction of -amount (reference `trade_credit`) so Medusa's
 * pending difference comes back to 0. More than the order owes: 409. A guest's
 * order: 400. 201 on a first refund, 200 when the `Idempotency-Key` replays it.
 */
export const POST = withConflictMessage(async (
  req: AuthenticatedMedusaRequest<AdminRefundToBalanceType>,
  res: MedusaResponse<AdminAccountMutationResponse>
) => {
  const idempotency = idempotencyOf(req)
  const actor = await adminActorOf(req)
  const { amount, reason, note, account_id } = req.validatedBody
  const { result } = await orderBalanceWorkflow(req.scope).run({
    input: { source: "admin", order_id: req.params.id, amount, reason, note, account_id, actor, idempotency },
  })
  const posted = result!
  const account = await fetchAccount(req.scope, posted.account.id)
  res.status(posted.replayed ? 200 : 201).json({ account: formatAccount(account), entry: formatEntry(posted.entry) })
})
