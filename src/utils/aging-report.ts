import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import { agingReport, streamAgingCsv, type AgingHolder, type AgingReportInput, type CsvSink } from "../modules/trade-credit/aging-report"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { accountHolders } from "./account-holders"

/**
 * The debtors report with the holders' names and contact e-mails (read
 * through Medusa's query, one call per page of rows): `GET
 * /admin/trade-credit/reports/aging`.
 */

/** Holder and contact e-mail of each account (the customer's, or for a company its first buyer's). */
async function agingHolders(container: MedusaContainer, accountIds: string[]): Promise<Map<string, AgingHolder>> {
  const holders = await accountHolders(container, accountIds, { contact: true })
  return new Map([...holders].map(([accountId, { type, id, name, email }]) => [accountId, { holder: { type, id, name }, email }]))
}

function input(container: MedusaContainer, q: { as_of?: string; currency_code?: string }): AgingReportInput {
  return {
    knex: container.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    timezone: container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE).getOptions().timezone,
    as_of: q.as_of,
    currency_code: q.currency_code,
    holders: (rows) => agingHolders(container, rows.map((r) => r.account_id)),
  }
}

export async function agingReportOf(container: MedusaContainer, q: { as_of?: string; currency_code?: string; limit: number; offset: number }) {
  return await agingReport(input(container, q), { limit: q.limit, offset: q.offset })
}

export async function streamAgingReportCsv(
  container: MedusaContainer,
  q: { as_of?: string; currency_code?: string },
  sink: CsvSink
) {
  return await streamAgingCsv(input(container, q), sink)
}
