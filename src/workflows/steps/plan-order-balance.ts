import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { Actor, Idempotency, OrderBalanceInput } from "../../modules/trade-credit/types"
import type { AutoBalanceSource } from "../../modules/trade-credit/constants"
import { isBalanceSession } from "../../modules/trade-credit/utils/cart-balance"
import { isPayOnAccountProvider } from "../../providers/pay-on-account/provider-id"
import { parseAmount } from "../../modules/trade-credit/utils/money"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import {
  guestOrderMessage,
  refundableOf,
  refundComment,
  returnRefundDestination,
  settleToleranceFor,
  toleranceSettlement,
} from "../../modules/trade-credit/utils/order-balance"

export type PlanOrderBalanceInput =
  | {
      /** An admin's refund to balance (`POST /admin/trade-credit/orders/:id/refund-to-balance`). */
      source: "admin"
      order_id: string
      amount: BigNumberInput
      reason: string
      note?: string | null
      account_id?: string | null
      actor: Actor
      idempotency?: Idempotency
    }
  | {
      /** A received return (`order.return_received`), or a small difference within `settle_tolerance`. */
      source: AutoBalanceSource
      order_id: string
      return_id?: string | null
    }

type PlannedOrder = {
  id: string
  display_id?: number | null
  status: string
  customer_id: string | null
  currency_code: string
  metadata?: Record<string, unknown> | null
  summary?: { pending_difference?: BigNumberInput; raw_pending_difference?: BigNumberInput; paid_total?: BigNumberInput; raw_paid_total?: BigNumberInput } | null
  customer?: { id: string; has_account?: boolean; groups?: Array<{ id: string }> | null } | null
  payment_collections?: Array<{ payment_sessions?: Array<{ provider_id?: string | null } | null> | null } | null> | null
}

export const planOrderBalanceStepId = "plan-trade-credit-order-balance"

const SYSTEM: Actor = { type: "system", id: "order-balance", name: "Refund to balance" }

/**
 * Decides, under the order's lock (taken by the workflow), what goes between
 * an order and its customer's balance: the account (the one the admin named,
 * if the customer may use it; else the company account that paid the order on
 * account; else the customer's personal account, opened when needed), the
 * amount and what it may be at most (Medusa's pending difference). An admin's
 * request on a guest or canceled order is refused (400); the automatic paths
 * return null (nothing to do) for those, for orders paid on account (the
 * on-account flow reduces their invoice), for a return the admin sends to the
 * original payment, and for differences over the tolerance. Reads only.
 */
export const planOrderBalanceStep = createStep(
  planOrderBalanceStepId,
  async (input: PlanOrderBalanceInput, { container }): Promise<StepResponse<OrderBalanceInput | null>> => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "status",
        "customer_id",
        "currency_code",
        "metadata",
        "summary.*",
        "customer.id",
        "customer.has_account",
        "customer.groups.id",
        "payment_collections.payment_sessions.provider_id",
      ],
      filters: { id: input.order_id },
    })
    const order = orders[0] as unknown as PlannedOrder | undefined
    if (!order) {
      if (input.source === "admin") {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found.`)
      }
      return new StepResponse(null)
    }
    const label = order.display_id ? `Order #${order.display_id}` : `Order ${order.id}`
    const admin = input.source === "admin"
    const refuse = (message: string) => {
      if (admin) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
      }
      return new StepResponse(null)
    }
    if (!order.customer_id || !order.customer?.has_account) {
      return refuse(guestOrderMessage(label))
    }
    if (order.status === "canceled") {
      return refuse(`${label} is canceled: its payment and balance were given back by the cancel.`)
    }
    const currency = order.currency_code.toLowerCase()
    const pending = order.summary?.raw_pending_difference ?? order.summary?.pending_difference ?? 0
    const paid = order.summary?.raw_paid_total ?? order.summary?.paid_total ?? 0
    const purchases = await tradeCredit.listTradeCreditLedgerEntries(
      { order_id: order.id, operation: "purchased" },
      { select: ["account_id", "payment_session_id"] }
    )
    const onAccount = purchases.find((e) => !isBalanceSession(e.payment_session_id))
    const base = {
      order_id: order.id,
      order_display_id: order.display_id ?? null,
      currency_code: currency,
      customer_id: order.customer_id,
    }

    if (input.source === "admin") {
      // Only money the order owes the customer: never a debit through this route.
      const amount = parseAmount(input.amount, currency, "amount", { allowNegative: false })
      let accountId: string | null = onAccount?.account_id ?? null
      if (input.account_id) {
        const usable = await tradeCredit.listUsableAccounts({
          customer_id: order.customer_id,
          customer_group_ids: (order.customer.groups ?? []).map((g) => g.id),
          currency_code: currency,
        })
        if (!usable.some((a) => a.id === input.account_id)) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Account ${input.account_id} is not an account of this customer or of their company in ${currency.toUpperCase()}.`
          )
        }
        accountId = input.account_id
      }
      return new StepResponse({
        ...base,
        account_id: accountId,
        amount: amount.toFixed(),
        limit: refundableOf(pending, currency).toFixed(),
        comment: refundComment(input.reason, input.note),
        actor: input.actor,
        idempotency: input.idempotency,
      })
    }

    // Automatic paths: orders paid on account (posted, or held for review) are the on-account flow's.
    const paidOnAccount = (order.payment_collections ?? []).some((c) =>
      (c?.payment_sessions ?? []).some((ps) => isPayOnAccountProvider(ps?.provider_id))
    )
    if (onAccount || paidOnAccount) {
      return new StepResponse(null)
    }
    if (input.source === "return") {
      const { data: returns } = input.return_id
        ? await query.graph({ entity: "return", fields: ["id", "metadata"], filters: { id: input.return_id } })
        : { data: [] as Array<{ metadata?: Record<string, unknown> | null }> }
      const destination = returnRefundDestination(
        (returns[0]?.metadata as Record<string, unknown> | null | undefined) ?? null,
        order.metadata ?? null,
        tradeCredit.getOrderBalanceOptions().refund_returns_to
      )
      const refundable = refundableOf(pending, currency)
      if (destination !== "balance" || refundable.isZero()) {
        return new StepResponse(null)
      }
      return new StepResponse({
        ...base,
        amount: refundable.toFixed(),
        limit: refundable.toFixed(),
        comment: "Refund of a received return",
        reference: input.return_id ?? null,
        actor: SYSTEM,
        idempotency: { key: internalIdempotencyKey("refund", "return", input.return_id ?? order.id) },
      })
    }
    const settlement = toleranceSettlement({
      pending_difference: pending,
      paid_total: paid,
      tolerance: settleToleranceFor(tradeCredit.getOrderBalanceOptions(), currency),
      currency_code: currency,
    })
    if (!settlement) {
      return new StepResponse(null)
    }
    const over = settlement.amount.gt(0)
    return new StepResponse({
      ...base,
      amount: settlement.amount.toFixed(),
      limit: settlement.amount.abs().toFixed(),
      comment: over ? "Small overpayment settled to the balance" : "Small underpayment settled from the balance",
      actor: SYSTEM,
      // One settlement per state of the order's payments: a second event for the same state finds it.
      idempotency: { key: internalIdempotencyKey("refund", "settle", order.id, MathBN.convert(pending).toFixed(), MathBN.convert(paid).toFixed()) },
    })
  }
)
