import { fetchAccounts } from "../hooks/accounts"
import { downloadCsv, toCsv } from "../lib/csv"
import { HOLDER_TYPE_LABELS, formatTerms, statusLabel } from "../lib/format"
import type { AccountListParams, TradeCreditAccount } from "../lib/types"
import { CsvExportButton } from "./csv-export-button"

const PAGE = 100
const HEADER = [
  "Holder type",
  "Holder",
  "Email",
  "Holder ID",
  "Currency",
  "Outstanding balance",
  "Available credit",
  "Credit limit",
  "Reserved",
  "Allow exceed",
  "Over limit policy",
  "Status",
  "Payment terms",
  "Reference",
  "Account ID",
  "Updated at",
]

const row = (a: TradeCreditAccount) => [
  HOLDER_TYPE_LABELS[a.holder.type],
  a.holder.name,
  a.holder.email,
  a.holder.id,
  a.currency_code.toUpperCase(),
  a.balance,
  a.available_credit,
  a.credit_limit,
  a.reserved,
  a.allow_exceed,
  a.over_limit_policy ?? "default",
  statusLabel(a.status),
  formatTerms(a.payment_terms),
  a.reference,
  a.id,
  a.updated_at,
]

/** Downloads every account matching the filters (all pages) as CSV; amounts unformatted, in major units. */
export const ExportAccountsButton = ({ params }: { params: AccountListParams }) => {
  const exportFile = async () => {
    const all: TradeCreditAccount[] = []
    let count = Infinity
    for (let offset = 0; offset < count; offset += PAGE) {
      const page = await fetchAccounts({ ...params, limit: PAGE, offset })
      count = page.count
      all.push(...page.accounts)
      if (!page.accounts.length) {
        break
      }
    }
    const stamp = new Date().toISOString().slice(0, 10)
    downloadCsv(`trade-credit-accounts-${stamp}.csv`, toCsv(HEADER, all.map(row)))
    return `Exported ${all.length} account${all.length === 1 ? "" : "s"}`
  }
  return <CsvExportButton exportFile={exportFile} />
}
