import type { FilterablePaymentProps, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { reconcileLedger, type ReconciliationResult } from "../modules/trade-credit/reconciliation"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import type { MedusaPaymentRecord } from "../modules/trade-credit/utils/reconciliation"
import { isPayOnAccountProvider, payOnAccountProviderId } from "../providers/pay-on-account/provider-id"
import { accountHolders } from "./account-holders"

/** Payments read per page. */
const PAGE = 500

/**
 * Medusa's payments by pay on account (any id the store registered the
 * provider with: `pp_trade-credit_*`), with their captures and refunds, read
 * through the payment module a page at a time, outside any ledger lock.
 */
export async function listOnAccountPayments(container: MedusaContainer): Promise<MedusaPaymentRecord[]> {
  const payments = container.resolve(Modules.PAYMENT)
  const found: MedusaPaymentRecord[] = []
  for (let skip = 0; ; skip += PAGE) {
    const page = await payments.listPayments(
      // The payment module filters on provider_id (an indexed column) though its filter type omits it.
      // LIKE's `_` matches any character: the exact prefix is checked below.
      { provider_id: { $like: `${payOnAccountProviderId("")}%` } } as FilterablePaymentProps,
      { relations: ["captures", "refunds"], order: { id: "ASC" }, take: PAGE, skip }
    )
    found.push(...(page as unknown as MedusaPaymentRecord[]).filter((p) => isPayOnAccountProvider((p as { provider_id?: string }).provider_id)))
    if (page.length < PAGE) {
      return found
    }
  }
}

/** The holder names of some accounts (a customer's name, or the company's), for messages. */
async function holderNames(container: MedusaContainer, accountIds: string[]): Promise<Map<string, string | null>> {
  const holders = await accountHolders(container, accountIds)
  return new Map([...holders].map(([accountId, holder]) => [accountId, holder.name]))
}

/**
 * The reconciliation of the store's trade credit ledger with itself and with
 * Medusa's payments (`GET /admin/trade-credit/reconciliation`,
 * `src/scripts/reconcile.ts`).
 */
export async function reconcileTradeCredit(
  container: MedusaContainer,
  options: { grace_seconds?: number } = {}
): Promise<ReconciliationResult> {
  // Medusa's payments first: see reconcileLedger.
  const payments = await listOnAccountPayments(container)
  return await reconcileLedger({
    knex: container.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    payments,
    grace_seconds: options.grace_seconds,
    invoice_at: container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE).getOptions().invoice_at,
    holderNames: (ids) => holderNames(container, ids),
  })
}
