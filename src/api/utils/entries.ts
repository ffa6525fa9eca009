import type { MedusaContainer } from "@medusajs/framework/types"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { LedgerOperation } from "../../modules/trade-credit/types"
import { fetchAccount } from "./accounts"
import { formatAdminEntry, formatEntry } from "./format"

/** One page of an existing account's history (404 for an unknown account). */
export async function listAccountEntries(
  scope: MedusaContainer,
  accountId: string,
  page: { limit?: number; cursor?: string; operation?: LedgerOperation | LedgerOperation[] },
  { withEdits = false } = {}
) {
  await fetchAccount(scope, accountId, ["id"])
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const { entries, next_cursor, has_more } = await tradeCredit.listEntryPage({
    account_id: accountId,
    limit: page.limit,
    cursor: page.cursor,
    operation: page.operation,
  })
  if (!withEdits) {
    return { entries: entries.map(formatEntry), next_cursor, has_more }
  }
  // The admin sees each reimbursement's corrections with it.
  const edits = await tradeCredit.listEditsOfEntries(entries.filter((e) => e.operation === "reimbursed").map((e) => e.id))
  return { entries: entries.map((e) => formatAdminEntry(e, edits.get(e.id))), next_cursor, has_more }
}
