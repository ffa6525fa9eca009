import type { MedusaContainer } from "@medusajs/framework/types"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { LedgerOperation } from "../../modules/trade-credit/types"
import { fetchAccount } from "./accounts"
import { formatEntry } from "./format"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * One page of an existing account's history (404 for an unknown account),
 * each entry in the caller's shape: the admin's (`formatEntry`) or the
 * buyer's (`formatStoreEntry`).
 */
export async function listAccountEntries(
  scope: MedusaContainer,
  accountId: string,
  page: { limit?: number; cursor?: string; operation?: LedgerOperation | LedgerOperation[] },
  format: (entry: any) => unknown = formatEntry
) {
  await fetchAccount(scope, accountId, ["id"])
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const { entries, next_cursor, has_more } = await tradeCredit.listEntryPage({
    account_id: accountId,
    limit: page.limit,
    cursor: page.cursor,
    operation: page.operation,
  })
  return { entries: entries.map((e) => format(e)), next_cursor, has_more }
}
