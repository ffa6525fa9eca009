import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { AccountSettingsChanges, EntryEditChanges } from "../types"
import { currencyDecimals, parseAmount } from "./money"
import { normalizePaymentTerms } from "./payment-terms"
import { assertPlainText } from "./text"
import type { LockedAccountRow } from "./posting"
import { MAX_BILLING_EMAIL_LENGTH } from "../constants"

export const MAX_REFERENCE = 20
export const MAX_ENTRY_REFERENCE = 100
export const MAX_COMMENT = 2000

export type Holder = { column: "customer_id" | "customer_group_id"; id: string; label: string }

/** An account belongs to exactly one holder: a customer (personal) or a customer group (a company). */
export function holderOf(input: { customer_id?: string | null; customer_group_id?: string | null }): Holder {
  const hasCustomer = !!input.customer_id
  const hasGroup = !!input.customer_group_id
  if (hasCustomer === hasGroup) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Give exactly one holder: customer_id (a personal account) or customer_group_id (a company account)."
    )
  }
  return hasCustomer
    ? { column: "customer_id", id: input.customer_id!, label: "customer" }
    : { column: "customer_group_id", id: input.customer_group_id!, label: "customer group" }
}

/** A known ISO 4217 code, lower-cased as Medusa stores it. */
export function normalizeCurrency(code: string): string {
  if (typeof code !== "string" || !/^[a-zA-Z]{3}$/.test(code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `currency_code must be a three-letter ISO 4217 code, got ${JSON.stringify(code)}.`
    )
  }
  currencyDecimals(code)
  return code.toLowerCase()
}

/** Trimmed plain text of at most `max` characters; empty is null. */
export function normalizeText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) {
    return null
  }
  const text = String(value).trim()
  assertPlainText(text, field)
  if (text.length > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be at most ${max} characters (got ${text.length}).`
    )
  }
  return text.length ? text : null
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/

/**
 * `billing_email`: one address or several separated by commas, trimmed and
 * joined with ", "; empty is null. Throws, naming the address, on one that is
 * not an e-mail address.
 */
export function normalizeBillingEmail(value: string | null | undefined): string | null {
  const text = normalizeText(value, "billing_email", MAX_BILLING_EMAIL_LENGTH)
  if (!text) {
    return null
  }
  const addresses = text.split(/[,;]/).map((a) => a.trim()).filter(Boolean)
  const bad = addresses.find((a) => !EMAIL.test(a))
  if (bad !== undefined || !addresses.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `billing_email must be e-mail addresses separated by commas; "${bad ?? text}" is not one.`)
  }
  return addresses.join(", ")
}

/** Field updates plus a `{field: {from, to}}` record of what really changes. */
export function diffSettings(row: LockedAccountRow, input: AccountSettingsChanges) {
  const update: Record<string, unknown> & { credit_limit?: string } = {}
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  const record = (field: string, from: unknown, to: unknown, column = field, value = to) => {
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      update[column] = value
      changes[field] = { from, to }
    }
  }
  if (input.credit_limit !== undefined) {
    const limit = parseAmount(input.credit_limit, row.currency_code, "credit_limit", {
      allowNegative: false,
      allowZero: true,
    })
    if (!MathBN.eq(limit, row.credit_limit)) {
      update.credit_limit = limit.toString()
      changes.credit_limit = { from: row.credit_limit, to: limit.toString() }
    }
  }
  if (input.allow_exceed !== undefined) {
    record("allow_exceed", row.allow_exceed, !!input.allow_exceed)
  }
  if (input.over_limit_policy !== undefined) {
    record("over_limit_policy", row.over_limit_policy, input.over_limit_policy ?? null)
  }
  if (input.overdue_policy !== undefined) {
    record("overdue_policy", row.overdue_policy, input.overdue_policy)
  }
  if (input.status !== undefined) {
    record("status", row.status, input.status)
  }
  if (input.payment_terms !== undefined) {
    const terms = normalizePaymentTerms(input.payment_terms)
    const current = {
      type: row.terms_type,
      net_days: row.terms_net_days,
      grace_days: row.terms_grace_days,
    }
    if (JSON.stringify(current) !== JSON.stringify(terms)) {
      update.terms_type = terms.type
      update.terms_net_days = terms.net_days
      update.terms_grace_days = terms.grace_days
      changes.payment_terms = { from: current, to: terms }
    }
  }
  if (input.reference !== undefined) {
    record("reference", row.reference, normalizeText(input.reference, "reference", MAX_REFERENCE))
  }
  if (input.metadata !== undefined) {
    record("metadata", row.metadata, input.metadata)
  }
  if (input.billing_email !== undefined) {
    record("billing_email", row.billing_email ?? null, normalizeBillingEmail(input.billing_email))
  }
  if (input.reminders_paused !== undefined) {
    record("reminders_paused", !!row.reminders_paused, !!input.reminders_paused)
  }
  return { update, changes }
}

/**
 * The correction of a reimbursement's reference and comment: the columns
 * that really change, and their before/after for the edit history.
 */
export function diffEntryNote(
  note: { reference: string | null; comment: string | null },
  input: { reference?: string | null; comment?: string | null }
) {
  const patch: Record<string, string | null> = {}
  const changes: EntryEditChanges = {}
  const fields = [
    ["reference", input.reference, MAX_ENTRY_REFERENCE],
    ["comment", input.comment, MAX_COMMENT],
  ] as const
  for (const [field, value, max] of fields) {
    if (value === undefined) {
      continue
    }
    const to = normalizeText(value, field, max)
    if (to !== note[field]) {
      patch[field] = to
      changes[field] = { from: note[field], to }
    }
  }
  return { patch, changes }
}
