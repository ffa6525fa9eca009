import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRADE_CREDIT_MODULE } from "../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../modules/trade-credit/service"
import { currencyDecimals, toAmount } from "../../../../modules/trade-credit/utils/money"
import type { StoreGetBalanceType } from "../validators"
import type { StoreBalanceResponse } from "../../../../types/http"

/**
 * The logged-in customer's spendable balance in a currency: what their
 * personal account can pay at checkout (balance less open on-account
 * authorizations, never below 0). 0 with `account_id: null` without an
 * account. Company accounts are not a balance: they pay on account.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetBalanceType>, res: MedusaResponse<StoreBalanceResponse>) => {
  const { currency_code } = req.validatedQuery
  currencyDecimals(currency_code) // an unknown currency is a 400
  const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const balance = await tradeCredit.retrieveSpendableBalance({ customer_id: req.auth_context.actor_id, currency_code })
  res.json({ balance: { currency_code, amount: toAmount(balance.amount.toFixed()), account_id: balance.account_id } })
}
