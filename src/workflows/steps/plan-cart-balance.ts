import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import {
  appliedBalance,
  BALANCE_CART_METADATA_KEY,
  BALANCE_CREDIT_LINE_REFERENCE,
  cartBalanceChoice,
  cartBalanceTarget,
  type CartBalanceChoice,
} from "../../modules/trade-credit/utils/cart-balance"

export const planCartBalanceStepId = "plan-trade-credit-cart-balance"

export type PlanCartBalanceInput = {
  cart_id: string
  /** The buyer's new choice (the store routes); left out, the one stored on the cart stands. */
  choice?: CartBalanceChoice
}

export type CartBalancePlan = {
  cart_id: string
  /** False for a completed or missing cart: nothing is touched. */
  open: boolean
  customer_id: string | null
  account_id: string | null
  currency_code: string | null
  /** The balance the cart gets (decimal string). */
  target: string
  /** The balance currently applied (decimal string). */
  applied: string
  /** The cart's metadata with the new choice, when it changes. */
  metadata: Record<string, unknown> | null
  /** Balance credit lines to remove, and the one to add instead. */
  remove_ids: string[]
  create: { cart_id: string; amount: string; reference: string; reference_id: string | null; metadata: Record<string, unknown> | null } | null
  /** The cart has a payment collection whose amount must follow the new total. */
  refresh_payment_collection: boolean
}

/** The cart fields the plan reads. */
export const CART_BALANCE_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "metadata",
  "total",
  "credit_lines.id",
  "credit_lines.amount",
  "credit_lines.raw_amount",
  "credit_lines.reference",
  "credit_lines.reference_id",
  "payment_collection.id",
]

/**
 * Works out the balance a cart gets now: as much of the customer's
 * spendable balance (personal account, cart currency) as the cart's total
 * before the balance allows, or the amount they asked for, or none when they
 * opted out or the store doesn't apply it by itself (plugin option
 * `auto_apply_balance`). Guests' carts get none. Reads only: the workflow
 * applies the plan with Medusa's own credit line workflows.
 */
export const planCartBalanceStep = createStep(planCartBalanceStepId, async (input: PlanCartBalanceInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const { data } = await query.graph({ entity: "cart", fields: CART_BALANCE_FIELDS, filters: { id: input.cart_id } })
  const cart = data[0] as
    | {
        id: string
        customer_id: string | null
        currency_code: string
        completed_at: Date | null
        metadata: Record<string, unknown> | null
        total: BigNumberInput
        credit_lines?: Array<{ id: string; amount: BigNumberInput; raw_amount?: unknown; reference: string | null }>
        payment_collection?: { id: string } | null
      }
    | undefined
  const none: CartBalancePlan = {
    cart_id: input.cart_id,
    open: false,
    customer_id: null,
    account_id: null,
    currency_code: null,
    target: "0",
    applied: "0",
    metadata: null,
    remove_ids: [],
    create: null,
    refresh_payment_collection: false,
  }
  if (!cart || cart.completed_at) {
    return new StepResponse(none)
  }
  const ours = (cart.credit_lines ?? []).filter((l) => l?.reference === BALANCE_CREDIT_LINE_REFERENCE)
  const applied = appliedBalance(ours)
  const stored = cartBalanceChoice(cart.metadata)
  const choice = input.choice ?? stored
  const metadata = input.choice ? { ...(cart.metadata ?? {}), [BALANCE_CART_METADATA_KEY]: input.choice } : null
  let target = MathBN.convert(0)
  let accountId: string | null = null
  if (cart.customer_id) {
    const spendable = await tradeCredit.retrieveSpendableBalance({ customer_id: cart.customer_id, currency_code: cart.currency_code })
    accountId = spendable.account_id
    // A completion attempt of this very cart that already debited the balance
    // (a retry, or a second request racing the first) is this cart's to use.
    const attempts = accountId ? await tradeCredit.listCartBalanceAttempts({ cart_id: cart.id, account_id: accountId }) : []
    const ownDebit = attempts.filter((a) => !a.order_id).reduce((sum, a) => MathBN.add(sum, a.outstanding), MathBN.convert(0))
    target = cartBalanceTarget({
      // While a completion attempt holds a debit, the cart may use that debit and nothing more: a
      // re-cap running between the debit and Medusa placing the order (a cart event handled by
      // another process) must never raise the credit line above what was taken.
      spendable: MathBN.gt(ownDebit, 0) ? ownDebit : spendable.amount,
      cart_total_before_credit: MathBN.add(cart.total, applied),
      currency_code: cart.currency_code,
      choice,
      auto_apply: tradeCredit.isBalanceAutoApplied(),
    })
  }
  const unchanged = target.isZero() ? ours.length === 0 : ours.length === 1 && applied.eq(target)
  return new StepResponse({
    ...none,
    open: true,
    customer_id: cart.customer_id,
    account_id: accountId,
    currency_code: cart.currency_code,
    target: target.toFixed(),
    applied: applied.toFixed(),
    metadata,
    remove_ids: unchanged ? [] : ours.map((l) => l.id),
    create:
      unchanged || target.isZero()
        ? null
        : { cart_id: cart.id, amount: target.toFixed(), reference: BALANCE_CREDIT_LINE_REFERENCE, reference_id: accountId, metadata: null },
    refresh_payment_collection: !unchanged && !!cart.payment_collection?.id,
  } satisfies CartBalancePlan)
})
