import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import { OWING_INVOICE_STATUSES, type InvoiceStatus } from "../../modules/trade-credit/constants"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { overdueState } from "../../modules/trade-credit/utils/due-dates"
import { toAmount } from "../../modules/trade-credit/utils/money"
import { INVOICE_FIELDS } from "../admin/trade-credit/query-config"
import type { AdminInvoice, AdminInvoiceReminder, Invoice, InvoiceAllocation, PageMeta } from "../../types/http"

/* eslint-disable @typescript-eslint/no-explicit-any */

const OWING = [...OWING_INVOICE_STATUSES]

/** The store's time zone (plugin option `timezone`): it decides when an invoice is overdue. */
function timezoneOf(scope: MedusaContainer): string {
  return scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE).getOptions().timezone
}

/** An invoice as the buyer sees it; `overdue` and `days_overdue` as of `now`. */
export function formatInvoice(invoice: any, timezone: string, now: Date): Invoice {
  const { overdue, days_overdue } = overdueState(
    { due_date: invoice.due_date, grace_days: invoice.grace_days ?? 0, owing: OWING.includes(invoice.status) },
    now,
    timezone
  )
  return {
    id: invoice.id,
    number: invoice.number,
    account_id: invoice.account_id,
    order_id: invoice.order_id ?? null,
    order_display_id: invoice.order_display_id ?? null,
    currency_code: invoice.currency_code,
    amount: toAmount(invoice.raw_amount ?? invoice.amount),
    amount_credited: toAmount(invoice.raw_amount_credited ?? invoice.amount_credited),
    amount_paid: toAmount(invoice.raw_amount_paid ?? invoice.amount_paid),
    amount_open: toAmount(invoice.raw_amount_open ?? invoice.amount_open),
    issued_at: invoice.issued_at,
    due_date: invoice.due_date,
    due_at: invoice.due_at,
    grace_days: invoice.grace_days ?? 0,
    terms: { type: invoice.terms_type, net_days: invoice.terms_net_days ?? null },
    status: invoice.status,
    overdue,
    days_overdue,
  }
}

/** An invoice as the admin sees it. */
export function formatAdminInvoice(invoice: any, timezone: string, now: Date): AdminInvoice {
  return {
    ...formatInvoice(invoice, timezone, now),
    reminders_paused: !!invoice.reminders_paused,
    dispute_note: invoice.dispute_note ?? null,
    metadata: invoice.metadata ?? null,
    created_at: invoice.created_at,
    updated_at: invoice.updated_at,
  }
}

export type InvoiceListFilters = {
  account_id?: string | string[]
  order_id?: string | string[]
  status?: InvoiceStatus | InvoiceStatus[]
  overdue?: "true" | "false"
  due_before?: string
  due_after?: string
  number?: string
}

/** Query filters of an invoice list. `overdue` reads the instant stored by the one overdue rule (`overdueAt`). */
export function invoiceListFilters(input: InvoiceListFilters, now: Date): Record<string, unknown> {
  const filters: Record<string, unknown> = {}
  const and: Record<string, unknown>[] = []
  if (input.account_id) filters.account_id = input.account_id
  if (input.order_id) filters.order_id = input.order_id
  if (input.status) filters.status = input.status
  if (input.number) filters.number = { $ilike: input.number.replace(/[\\%_]/g, (c) => `\\${c}`) }
  const due: Record<string, string> = {}
  if (input.due_before) due.$lte = input.due_before
  if (input.due_after) due.$gte = input.due_after
  if (Object.keys(due).length) filters.due_date = due
  if (input.overdue === "true") {
    and.push({ status: OWING }, { overdue_at: { $lte: now } })
  } else if (input.overdue === "false") {
    and.push({ $or: [{ status: { $nin: OWING } }, { overdue_at: { $gt: now } }] })
  }
  if (and.length) filters.$and = and
  return filters
}

/** One page of invoices, by due date (oldest first) unless `order` says otherwise. */
export async function listInvoices<T>(
  scope: MedusaContainer,
  filters: InvoiceListFilters,
  queryConfig: { fields?: string[]; pagination?: Record<string, any> },
  page: { limit: number; offset: number },
  format: (invoice: any, timezone: string, now: Date) => T
): Promise<{ invoices: T[] } & PageMeta> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const now = new Date()
  // By due date unless asked otherwise; the number breaks ties, so pages are stable.
  const order: Record<string, string> = { ...(queryConfig.pagination?.order ?? { due_at: "ASC" }) }
  order.number ??= "ASC"
  const { data, metadata } = await query.graph({
    entity: "trade_credit_invoice",
    fields: INVOICE_FIELDS,
    filters: invoiceListFilters(filters, now) as any,
    pagination: { ...queryConfig.pagination, order },
  })
  const timezone = timezoneOf(scope)
  return {
    invoices: data.map((i: any) => format(i, timezone, now)),
    count: metadata?.count ?? data.length,
    limit: metadata?.take ?? page.limit,
    offset: metadata?.skip ?? page.offset,
  }
}

/** One invoice with its allocations (payments and credit notes, oldest first), or 404; `account_ids` limits whose it may be. */
export async function fetchInvoice<T>(
  scope: MedusaContainer,
  id: string,
  format: (invoice: any, timezone: string, now: Date) => T,
  account_ids?: string[]
): Promise<T & { allocations: InvoiceAllocation[] }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { id }
  if (account_ids) filters.account_id = account_ids
  const { data } = await query.graph({ entity: "trade_credit_invoice", fields: INVOICE_FIELDS, filters: filters as any })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice ${id} was not found.`)
  }
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const allocations = await tradeCredit.listTradeCreditInvoiceAllocations({ invoice_id: id }, { order: { created_at: "ASC", id: "ASC" } })
  const entryIds = [...new Set(allocations.map((a) => a.entry_id))]
  const entries = entryIds.length
    ? await tradeCredit.listTradeCreditLedgerEntries({ id: entryIds }, { select: ["id", "operation", "reference"] })
    : []
  const entryById = new Map(entries.map((e) => [e.id, e]))
  return {
    ...format(data[0], timezoneOf(scope), new Date()),
    allocations: allocations.map((a: any) => ({
      id: a.id,
      kind: a.kind,
      amount: toAmount(a.raw_amount ?? a.amount),
      entry_id: a.entry_id,
      operation: entryById.get(a.entry_id)?.operation ?? null,
      reference: entryById.get(a.entry_id)?.reference ?? null,
      created_at: a.created_at,
    })),
  }
}

/** The reminders of one invoice (the admin's reminder history), oldest first: one per stage reached. */
export async function invoiceReminders(scope: MedusaContainer, invoiceId: string): Promise<AdminInvoiceReminder[]> {
  const tradeCredit = scope.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const reminders = await tradeCredit.listTradeCreditReminders({ invoice_id: invoiceId }, { order: { created_at: "ASC", id: "ASC" } })
  return reminders.map((r: any) => ({
    id: r.id,
    stage: r.stage,
    status: r.status,
    recipients: Array.isArray(r.recipients) ? r.recipients.map(String) : [],
    attempts: r.attempts ?? 0,
    last_error: r.last_error ?? null,
    sent_at: r.sent_at ?? null,
    created_at: r.created_at,
  }))
}
