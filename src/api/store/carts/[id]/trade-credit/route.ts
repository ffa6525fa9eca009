import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../modules/trade-credit/service"
import { parseAmount } from "../../../../../modules/trade-credit/utils/money"
import { syncCartBalanceWorkflow } from "../../../../../workflows/sync-cart-balance"
import { withCartBalanceLock } from "../../../../../utils/cart-balance-lock"
import { customerCart, storeCartWithBalance } from "../../../../utils/cart-balance"
import type { StoreApplyCartBalanceType } from "../../../trade-credit/validators"

/**
 * Applies the customer's balance to their cart as the `trade-credit` credit
 * line: as much as possible, or up to `amount`; never more than the balance
 * nor the cart's total. Undoes an earlier opt-out. Answers `{cart}` with its
 * `credit_lines` and `total` (what is left to pay).
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyCartBalanceType>, res: MedusaResponse) => {
  const cart = await customerCart(req.scope, req.params.id, req.auth_context.actor_id)
  const amount =
    req.validatedBody.amount === undefined
      ? null
      : parseAmount(req.validatedBody.amount, cart.currency_code, "amount", { allowNegative: false }).toFixed()
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const spendable = await tradeCredit.retrieveSpendableBalance({ customer_id: cart.customer_id, currency_code: cart.currency_code })
  if (!spendable.amount.gt(0)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `You have no balance in ${cart.currency_code.toUpperCase()} to pay with.`)
  }
  await withCartBalanceLock(req.scope, cart.id, () =>
    syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cart.id, choice: { opted_in: true, amount } } })
  )
  res.json({ cart: await storeCartWithBalance(req.scope, cart.id) })
}

/** The buyer opts out: the balance's credit line goes, and stays gone for this cart until they apply it again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cart = await customerCart(req.scope, req.params.id, req.auth_context.actor_id)
  await withCartBalanceLock(req.scope, cart.id, () =>
    syncCartBalanceWorkflow(req.scope).run({ input: { cart_id: cart.id, choice: { opted_out: true } } })
  )
  res.json({ cart: await storeCartWithBalance(req.scope, cart.id) })
}
