import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../../../../../modules/trade-credit"
import type TradeCreditModuleService from "../../../../../../modules/trade-credit/service"
import { isPayOnAccountProvider } from "../../../../../../providers/pay-on-account/provider-id"
import { fetchAccount } from "../../../../../utils/accounts"
import { formatAccount } from "../../../../../utils/format"

/**
 * The account that pays (or would pay) for an order on account, as the
 * checkout decides it: the one its pay-on-account session names (`known`),
 * else the module's answer for the order's customer and currency (their
 * company's account first, else their own). `account` is null when the
 * customer has none. 404 for an unknown order.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "currency_code",
      "customer.groups.id",
      "payment_collections.payment_sessions.provider_id",
      "payment_collections.payment_sessions.data",
    ],
    filters: { id: req.params.id },
  })
  const order = orders[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const sessions = (order.payment_collections ?? []).flatMap((c: any) => c?.payment_sessions ?? []) // eslint-disable-line @typescript-eslint/no-explicit-any
  const named = sessions.find((s: any) => isPayOnAccountProvider(s?.provider_id) && s?.data?.account_id) // eslint-disable-line @typescript-eslint/no-explicit-any
  let accountId: string | null = named?.data?.account_id ?? null
  if (!accountId && order.customer_id) {
    const tradeCredit = req.scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const paying = await tradeCredit.payingAccount({
      customer_id: order.customer_id,
      customer_group_ids: ((order.customer?.groups ?? []) as ({ id?: string } | null)[]).flatMap((g) => (g?.id ? [g.id] : [])),
      currency_code: order.currency_code,
    })
    accountId = paying?.id ?? null
  }
  const account = accountId ? await fetchAccount(req.scope, accountId).catch(() => null) : null
  res.json({ account: account ? formatAccount(account) : null, known: !!named })
}
