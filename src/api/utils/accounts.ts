import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { customerAccountFilter } from "../../utils/customer-account-filter"
import { ACCOUNT_FIELDS } from "./format"

/** One account with its holder, or 404. */
export async function fetchAccount(scope: MedusaContainer, id: string, fields: string[] = ACCOUNT_FIELDS) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "trade_credit_account", fields, filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Trade credit account ${id} was not found.`)
  }
  return data[0]
}

/**
 * The accounts a customer may use: their own and those of their customer
 * groups (their companies).
 */
export async function fetchCustomerAccounts(scope: MedusaContainer, customerId: string, fields: string[] = ACCOUNT_FIELDS) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters = await customerAccountFilter(query, customerId)
  const { data } = await query.graph({
    entity: "trade_credit_account",
    fields,
    filters,
  })
  return data
}
