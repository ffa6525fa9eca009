/**
 * Every display helper of the trade credit admin: money, terms in words,
 * status and operation labels and colours, dates, actors. Components reuse
 * these instead of formatting on their own.
 */
import {
  ACCOUNT_STATUSES,
  HOLDER_TYPES,
  LEDGER_OPERATIONS,
  ORDER_OPERATIONS,
  OVER_LIMIT_POLICIES,
  PAYMENT_TERMS_TYPES,
} from "../../modules/trade-credit/constants"
import type {
  AccountHolder,
  AccountStatus,
  Actor,
  ActorType,
  Amount,
  HolderType,
  LedgerOperation,
  OverLimitPolicy,
  OverduePolicy,
  PaymentTerms,
  PaymentTermsType,
  ReviewParty,
  ReviewReason,
} from "./types"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const locale = (): string | undefined =>
  typeof navigator !== "undefined" ? navigator.language : undefined

const moneyFormatters = new Map<string, Intl.NumberFormat>()

function moneyFormatter(currency: string, signed: boolean): Intl.NumberFormat {
  const code = currency.toUpperCase()
  const key = `${code}:${signed}`
  let formatter = moneyFormatters.get(key)
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale(), {
        style: "currency",
        currency: code,
        currencyDisplay: "symbol",
        signDisplay: signed ? "exceptZero" : "auto",
      })
    } catch {
      // Unknown currency code: show the number with the code after it.
      formatter = new Intl.NumberFormat(locale(), {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        signDisplay: signed ? "exceptZero" : "auto",
      })
    }
    moneyFormatters.set(key, formatter)
  }
  return formatter
}

function toNumber(amount: Amount | string | null | undefined): number | null {
  if (amount === null || amount === undefined || amount === "") {
    return null
  }
  const n = typeof amount === "number" ? amount : Number(amount)
  return Number.isFinite(n) ? n : null
}

/** "€1,234.50" in the account's currency; "–" when there is no amount. */
export function formatMoney(amount: Amount | string | null | undefined, currency: string): string {
  const n = toNumber(amount)
  return n === null ? "–" : moneyFormatter(currency, false).format(n)
}

/** "+€100.00" / "-€100.00" / "€0.00": for movements in the credit history. */
export function formatSignedMoney(amount: Amount | string | null | undefined, currency: string): string {
  const n = toNumber(amount)
  return n === null ? "–" : moneyFormatter(currency, true).format(n)
}

/** Tailwind text colour for a signed amount: credit green, debit red. */
export function amountTone(amount: Amount | string | null | undefined): string {
  const n = toNumber(amount)
  if (n === null || n === 0) {
    return "text-ui-fg-subtle"
  }
  return n > 0 ? "text-ui-tag-green-text" : "text-ui-tag-red-text"
}

/** Colour for a balance: owing is red, anything else neutral. */
export function balanceTone(amount: Amount | string | null | undefined): string {
  const n = toNumber(amount)
  return n !== null && n < 0 ? "text-ui-tag-red-text" : "text-ui-fg-base"
}

/** The currency's symbol ("€", "$", "CHF"). */
export function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat(locale(), { style: "currency", currency: currency.toUpperCase() })
      .formatToParts(0)
      .find((p) => p.type === "currency")
    return part?.value ?? currency.toUpperCase()
  } catch {
    return currency.toUpperCase()
  }
}

/** "Euro" for "eur", in the admin's language. */
export function currencyName(currency: string): string {
  try {
    const names = new Intl.DisplayNames([locale() ?? "en"], { type: "currency" })
    return names.of(currency.toUpperCase()) ?? currency.toUpperCase()
  } catch {
    return currency.toUpperCase()
  }
}

// ---------------------------------------------------------------- terms

export const PAYMENT_TERMS_LABELS: Record<PaymentTermsType, string> = {
  prepayment: "Prepayment",
  net_days: "Net days",
  end_of_next_month: "End of next month",
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`

/** "Net 30, 5 days grace", "End of next month", "Prepayment". */
export function formatTerms(terms: PaymentTerms | null | undefined): string {
  if (!terms) {
    return "–"
  }
  let words: string
  switch (terms.type) {
    case "prepayment":
      return "Prepayment"
    case "net_days":
      words = `Net ${terms.net_days ?? "?"}`
      break
    case "end_of_next_month":
      words = "End of next month"
      break
    default:
      words = String(terms.type)
  }
  const grace = terms.grace_days ?? 0
  return grace > 0 ? `${words}, ${days(grace)} grace` : words
}

// ---------------------------------------------------------------- status

export { ACCOUNT_STATUSES, HOLDER_TYPES, LEDGER_OPERATIONS, ORDER_OPERATIONS, OVER_LIMIT_POLICIES, PAYMENT_TERMS_TYPES }

export const STATUS_LABELS: Record<AccountStatus, string> = {
  normal: "Normal",
  query: "Query",
  on_stop: "On stop",
}

export const STATUS_DESCRIPTIONS: Record<AccountStatus, string> = {
  normal: "Orders on account go through.",
  query: "Orders on account go through; admins get an alert to check them.",
  on_stop: "No new orders on account.",
}

export const STATUS_COLORS: Record<AccountStatus, BadgeColor> = {
  normal: "green",
  query: "orange",
  on_stop: "red",
}

export function statusLabel(status: AccountStatus | string): string {
  return STATUS_LABELS[status as AccountStatus] ?? String(status)
}

export function statusColor(status: AccountStatus | string): BadgeColor {
  return STATUS_COLORS[status as AccountStatus] ?? "grey"
}

export const OVER_LIMIT_POLICY_LABELS: Record<OverLimitPolicy, string> = {
  hold: "Hold the order for review",
  block: "Refuse the order",
}

export const OVERDUE_POLICY_LABELS: Record<OverduePolicy, string> = {
  block: "Refuse orders on account",
  hold: "Hold orders for review",
  allow: "Allow orders on account",
}

/** Why an order waits in the credit review queue. */
export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  over_limit: "over the credit limit",
  overdue_invoices: "overdue invoices",
}

export function overLimitPolicyLabel(policy: OverLimitPolicy | null | undefined): string {
  return policy ? OVER_LIMIT_POLICY_LABELS[policy] ?? policy : "Store default"
}

export function yesNo(value: boolean | null | undefined): string {
  return value ? "Yes" : "No"
}

// ---------------------------------------------------------------- ledger

export const OPERATION_LABELS: Record<LedgerOperation, string> = {
  allocated: "Allocated",
  updated: "Updated",
  purchased: "Purchased",
  captured: "Captured",
  reimbursed: "Reimbursed",
  refunded: "Refunded",
  reverted: "Reverted",
  adjusted: "Adjusted",
}

export const OPERATION_COLORS: Record<LedgerOperation, BadgeColor> = {
  allocated: "blue",
  updated: "grey",
  purchased: "purple",
  captured: "purple",
  reimbursed: "green",
  refunded: "green",
  reverted: "orange",
  adjusted: "blue",
}

export function operationLabel(op: LedgerOperation | string): string {
  return OPERATION_LABELS[op as LedgerOperation] ?? String(op)
}

export function operationColor(op: LedgerOperation | string): BadgeColor {
  return OPERATION_COLORS[op as LedgerOperation] ?? "grey"
}

const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  user: "Admin",
  customer: "Customer",
  system: "System",
  erp: "ERP",
}

/** "Updated by": the actor's name, or what kind of actor it was. */
export function actorLabel(actor: Actor | null | undefined): string {
  if (!actor) {
    return "–"
  }
  return actor.name || ACTOR_TYPE_LABELS[actor.type as ActorType] || actor.type || "–"
}

const FIELD_LABELS: Record<string, string> = {
  credit_limit: "Credit limit",
  allow_exceed: "Allow exceeding limit",
  over_limit_policy: "Over the limit",
  overdue_policy: "Overdue invoices",
  status: "Status",
  payment_terms: "Terms",
  currency_code: "Currency",
  reference: "Reference",
  billing_email: "Billing e-mail",
  reminders_paused: "Reminders paused",
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, " ")
}

/** One side of a change in the history ("€5,000.00", "On stop", "Net 30"). */
export function formatChangeValue(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === "") {
    return field === "over_limit_policy" ? "Store default" : "–"
  }
  switch (field) {
    case "credit_limit":
      return formatMoney(value as Amount, currency)
    case "status":
      return statusLabel(String(value))
    case "allow_exceed":
      return yesNo(Boolean(value))
    case "over_limit_policy":
      return overLimitPolicyLabel(value as OverLimitPolicy)
    case "overdue_policy":
      return OVERDUE_POLICY_LABELS[value as OverduePolicy] ?? String(value)
    case "payment_terms":
      return typeof value === "object" ? formatTerms(value as PaymentTerms) : String(value)
    case "currency_code":
      return String(value).toUpperCase()
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value)
  }
}

// ---------------------------------------------------------------- dates

const dateFormatter = () => new Intl.DateTimeFormat(locale(), { dateStyle: "medium" })
const dateTimeFormatter = () =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "medium" })

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) {
    return "–"
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? String(value) : dateFormatter().format(d)
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) {
    return "–"
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? String(value) : dateTimeFormatter().format(d)
}

// ---------------------------------------------------------------- holders

export const HOLDER_TYPE_LABELS: Record<HolderType, string> = {
  customer: "Customer",
  customer_group: "Company",
}

/** The dashboard path of an account's holder (relative to the admin base). */
export function holderPath(holder: Pick<AccountHolder, "type" | "id">): string {
  return holder.type === "customer" ? `/customers/${holder.id}` : `/customer-groups/${holder.id}`
}

/**
 * A link to one ledger entry: the holder's page, whose credit history of that
 * account opens at the entry, scrolled to it and highlighted. The account is
 * in the link because a holder has one history per currency.
 */
export function entryPath(holder: Pick<AccountHolder, "type" | "id">, entry: { id: string; account_id: string }): string {
  return `${holderPath(holder)}#trade-credit-entry-${entry.account_id}-${entry.id}`
}

/** The entry a page's location hash links to (`entryPath`), if any. */
export function linkedEntry(hash: string): { account_id: string; entry_id: string } | null {
  const match = /^#trade-credit-entry-([A-Za-z0-9]+_[A-Za-z0-9]+)-([A-Za-z0-9]+_[A-Za-z0-9]+)$/.exec(hash)
  return match ? { account_id: match[1], entry_id: match[2] } : null
}

export function holderName(holder: AccountHolder): string {
  return holder.name || holder.email || holder.id
}

/** The dashboard path of an order (relative to the admin base); the order list while a review has no order yet. */
export function orderPath(orderId: string | null): string {
  return orderId ? `/orders/${orderId}` : "/orders"
}

/** A review's customer or company as text. */
export function partyLabel(party: ReviewParty | null | undefined): string {
  if (!party) {
    return "–"
  }
  return party.name || party.email || party.id || "–"
}
