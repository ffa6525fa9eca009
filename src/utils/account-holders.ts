import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { HOLDER_FIELDS, holderOf } from "../api/utils/format"
import type { AccountHolder } from "../types/http"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** What the company's buyers add to an account read, for its contact e-mail. */
const BUYER_FIELDS = ["customer_group.customers.email", "customer_group.customers.created_at"]

/**
 * Who to write to about an account: the customer, or for a company its first
 * buyer (earliest to join Medusa; by e-mail on a tie), so reports and
 * reminders always name the same person.
 */
export function holderWithContact(account: any): AccountHolder {
  const holder = holderOf(account)
  if (holder.email) {
    return holder
  }
  const buyers = [...(account.customer_group?.customers ?? [])].sort(
    (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || String(a.email).localeCompare(String(b.email))
  )
  return { ...holder, email: buyers[0]?.email ?? null }
}

/**
 * The holders of some accounts by account id, read through Medusa's query in
 * one call: name, and with `contact` the e-mail to write to (holderWithContact).
 */
export async function accountHolders(
  container: MedusaContainer,
  accountIds: string[],
  { contact = false }: { contact?: boolean } = {}
): Promise<Map<string, AccountHolder>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "trade_credit_account",
    fields: ["id", ...HOLDER_FIELDS, ...(contact ? BUYER_FIELDS : [])],
    filters: { id: accountIds },
  })
  return new Map(data.map((account: any) => [account.id as string, contact ? holderWithContact(account) : holderOf(account)]))
}
