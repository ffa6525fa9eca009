import { normalizeDecimalInput } from "./decimal"
import type { AccountListParams, AccountStatus, HolderType } from "./types"

/** The filters of the accounts list as the user sets them (text as typed). */
export type AccountFilters = {
  q: string
  status: AccountStatus | ""
  holder_type: HolderType | ""
  balance_below: string
  balance_above: string
  /** Only accounts whose next chase day has come (`due_for_chase=true`). */
  due_for_chase: boolean
  /** "balance" = most owed first; "-balance" = most in credit first. */
  order: "balance" | "-balance"
}

export const EMPTY_FILTERS: AccountFilters = {
  q: "",
  status: "",
  holder_type: "",
  balance_below: "",
  balance_above: "",
  due_for_chase: false,
  order: "balance",
}

const DECIMAL = /^-?\d+(\.\d+)?$/

/** Whether a balance bound is usable (empty counts as usable: no bound). */
export function isValidBound(text: string): boolean {
  const v = normalizeDecimalInput(text)
  return v === null || DECIMAL.test(v)
}

/** The list query for these filters; invalid bounds are left out. */
export function toListParams(filters: AccountFilters): AccountListParams {
  const params: AccountListParams = { order: filters.order }
  if (filters.q.trim()) {
    params.q = filters.q.trim()
  }
  if (filters.status) {
    params.status = filters.status
  }
  if (filters.holder_type) {
    params.holder_type = filters.holder_type
  }
  if (filters.due_for_chase) {
    params.due_for_chase = "true"
  }
  const below = normalizeDecimalInput(filters.balance_below)
  const above = normalizeDecimalInput(filters.balance_above)
  const balance: NonNullable<AccountListParams["balance"]> = {}
  if (below !== null && DECIMAL.test(below)) {
    balance.lt = below
  }
  if (above !== null && DECIMAL.test(above)) {
    balance.gt = above
  }
  if (balance.lt !== undefined || balance.gt !== undefined) {
    params.balance = balance
  }
  return params
}

export function countActiveFilters(filters: AccountFilters): number {
  return (
    [filters.status, filters.holder_type, filters.balance_below, filters.balance_above].filter((v) => v !== "").length +
    (filters.due_for_chase ? 1 : 0)
  )
}
