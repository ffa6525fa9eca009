import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { LedgerOperation } from "../../modules/trade-credit/types"
import { encodeEntryCursor } from "../../modules/trade-credit/utils/entry-cursor"
import { fetchAccount } from "./accounts"
import type { EntryPage } from "../../types/http"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The cursor of the page that starts at an entry of the account (that entry,
 * then older ones); 404 when the account has no such entry.
 */
async function cursorAt(tradeCredit: TradeCreditModuleService, accountId: string, entryId: string): Promise<string> {
  const [entry] = await tradeCredit.listTradeCreditLedgerEntries({ id: entryId, account_id: accountId }, { select: ["seq"], take: 1 })
  if (!entry) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Entry ${entryId} is not in the credit history of account ${accountId}.`)
  }
  return encodeEntryCursor(Number(entry.seq) + 1)
}

/**
 * One page of an existing account's history (404 for an unknown account),
 * each entry in the caller's shape: the admin's (`formatAdminEntry`) or the
 * buyer's (`formatStoreEntry`).
 */
export async function listAccountEntries<E>(
  scope: MedusaContainer,
  accountId: string,
  page: { limit?: number; cursor?: string; from_entry?: string; operation?: LedgerOperation | LedgerOperation[] },
  { format, withEdits = false }: { format: (entry: any, edits?: any[]) => E; withEdits?: boolean }
): Promise<EntryPage<E>> {
  await fetchAccount(scope, accountId, ["id"])
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const { entries, next_cursor, has_more } = await tradeCredit.listEntryPage({
    account_id: accountId,
    limit: page.limit,
    cursor: page.from_entry ? await cursorAt(tradeCredit, accountId, page.from_entry) : page.cursor,
    operation: page.operation,
  })
  // The admin sees each reimbursement's corrections with it.
  const edits = withEdits
    ? await tradeCredit.listEditsOfEntries(entries.filter((e) => e.operation === "reimbursed").map((e) => e.id))
    : new Map<string, any[]>()
  return { entries: entries.map((e) => format(e, edits.get(e.id))), next_cursor, has_more }
}
