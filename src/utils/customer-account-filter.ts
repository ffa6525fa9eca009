type GraphQuery = {
  graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{
    data: Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
  }>
}

/**
 * The rule for which accounts a customer may use: their own and those of
 * their customer groups (their companies). Returns the account filter; the
 * store API and the pay-on-account provider both go through it.
 */
export async function customerAccountFilter(query: GraphQuery, customerId: string) {
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "groups.id"],
    filters: { id: customerId },
  })
  const groupIds = ((data[0]?.groups ?? []) as ({ id?: string } | null)[])
    .map((g) => g?.id)
    .filter((id): id is string => !!id)
  const $or: Record<string, unknown>[] = [{ customer_id: customerId }]
  if (groupIds.length) {
    $or.push({ customer_group_id: groupIds })
  }
  return { $or }
}
