import { usableAccountFilter } from "../modules/trade-credit/utils/paying-account"

type GraphQuery = {
  graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{
    data: Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  }>
}

/**
 * The customer groups (companies) a customer belongs to: with the customer,
 * who may use which account (see the module's `payingAccount` and
 * `listUsableAccounts`). Customer groups live in another module, so the
 * caller reads them and hands them to the trade credit module.
 */
export async function customerGroupIds(query: GraphQuery, customerId: string): Promise<string[]> {
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "groups.id"],
    filters: { id: customerId },
  })
  return ((data[0]?.groups ?? []) as ({ id?: string } | null)[])
    .map((g) => g?.id)
    .filter((id): id is string => !!id)
}

/** The accounts a customer may use, as a filter for Query: their own and their companies'. */
export async function customerAccountFilter(query: GraphQuery, customerId: string) {
  return usableAccountFilter(customerId, await customerGroupIds(query, customerId))
}
