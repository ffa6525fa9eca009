import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_REMINDER_LOCALE, type ReminderStageKind } from "../constants"
import { reminderCopy } from "./reminder-copy"
import {
  applyReminderTemplates,
  escapeHtml,
  type ReminderTemplateData,
  type ReminderTemplatesOption,
  type RenderedEmail,
} from "./reminder-templates"

/**
 * The reminder e-mail of one account: its open invoices with number, amount
 * open, due date and days overdue, the total, the available credit and how
 * to pay, in HTML and plain text, in the store's language. Pure: the
 * reminder job gathers the data and sends what this returns through the
 * notification module (`content: { subject, html, text }`).
 */

export type ReminderEmailInvoice = {
  number: string
  amount_open: BigNumberInput
  currency_code: string
  /** A "YYYY-MM-DD" calendar date, or a timestamp shown in `timezone`. */
  due_at: Date | string
  /** Days past the due date; 0 or less when not overdue. */
  days_overdue: number
}

export type ReminderEmailInput = {
  stage: { name: string; kind: ReminderStageKind }
  /** The company (customer group) or the customer the account belongs to. */
  holder_name: string
  /** The account's currency: total and available credit are in it. */
  currency_code: string
  /** The account's open invoices, in the order to list them (oldest due first, say). */
  invoices: ReminderEmailInvoice[]
  /** Numbers of the invoices that reached `stage` (the subject names them). Default: all listed. */
  reminder_for?: string[]
  total_open: BigNumberInput
  available_credit: BigNumberInput
  /** How to pay (plugin option `bank_details`): plain text, line breaks kept. */
  bank_details?: string | null
  /** BCP 47 tag: words (see reminder-copy.ts), amounts and dates. */
  locale: string
  /** IANA zone in which timestamps are shown as dates. Default UTC. */
  timezone?: string
  /** Signs the e-mail. Default: the copy's "Accounts receivable". */
  store_name?: string | null
}

/** A usable Intl locale from a tag ("de-AT", "en_GB", garbage → the default). */
export function intlLocale(locale: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(String(locale ?? "").replace(/_/g, "-"))[0] ?? DEFAULT_REMINDER_LOCALE
  } catch {
    return DEFAULT_REMINDER_LOCALE
  }
}

/** An exact amount in the locale's currency format (no float on the way: Intl formats the decimal text). */
export function formatMoney(amount: BigNumberInput, currencyCode: string, locale: string): string {
  const text = MathBN.convert(amount).toFixed()
  // ES2023 Intl formats decimal strings exactly; TypeScript's ES2022 lib only knows numbers.
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() })
  return (formatter.format as unknown as (value: string) => string)(text)
}

/** A due date in the locale's medium date style. */
export function formatDueDate(value: Date | string, locale: string, timeZone = "UTC"): string {
  const calendar = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  const instant = calendar
    ? new Date(Date.UTC(Number(calendar[1]), Number(calendar[2]) - 1, Number(calendar[3])))
    : value instanceof Date
      ? value
      : new Date(value)
  if (Number.isNaN(instant.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a date: ${JSON.stringify(value)}.`)
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: calendar ? "UTC" : timeZone }).format(instant)
}

/** The values the e-mail (and a store's template) shows, formatted in the e-mail's locale. */
export function reminderTemplateData(input: ReminderEmailInput): ReminderTemplateData {
  const locale = intlLocale(input.locale)
  const copy = reminderCopy(locale)
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const invoices = input.invoices.map((invoice) => ({
    number: invoice.number,
    amount_open: formatMoney(invoice.amount_open, invoice.currency_code, locale),
    due_date: formatDueDate(invoice.due_at, locale, input.timezone),
    days_overdue: Math.max(0, Math.trunc(invoice.days_overdue)),
  }))
  const wanted = new Set(input.reminder_for ?? input.invoices.map((i) => i.number))
  const concerned = invoices.filter((i) => wanted.has(i.number))
  const first = concerned[0] ?? invoices[0]
  const daysOverdue = concerned.reduce((max, i) => Math.max(max, i.days_overdue), 0)
  const bank = (input.bank_details ?? "").trim()
  const text = (i: (typeof invoices)[number]) =>
    `${i.number}  ${copy.columns.due_date}: ${i.due_date}  ${copy.columns.days_overdue}: ${
      i.days_overdue > 0 ? integer.format(i.days_overdue) : copy.not_overdue
    }  ${copy.columns.amount_open}: ${i.amount_open}`
  return {
    holder_name: input.holder_name,
    store_name: input.store_name?.trim() || copy.default_sender,
    stage: input.stage.name,
    stage_kind: input.stage.kind,
    locale,
    currency_code: input.currency_code.toUpperCase(),
    invoice_count: integer.format(concerned.length),
    invoice_numbers: concerned.map((i) => i.number).join(", "),
    invoice_number: first?.number ?? "",
    due_date: first?.due_date ?? "",
    days_overdue: integer.format(daysOverdue),
    total_open: formatMoney(input.total_open, input.currency_code, locale),
    available_credit: formatMoney(input.available_credit, input.currency_code, locale),
    bank_details: bank,
    invoices_text: invoices.map(text).join("\n"),
    invoices_html: invoiceTableHtml(invoices, copy.columns, copy.not_overdue, integer),
    bank_details_html: bank ? escapeHtml(bank).replace(/\r?\n/g, "<br>\n") : "",
    invoices,
  }
}

function invoiceTableHtml(
  invoices: ReminderTemplateData["invoices"],
  columns: { number: string; due_date: string; days_overdue: string; amount_open: string },
  notOverdue: string,
  integer: Intl.NumberFormat
): string {
  const cell = 'style="padding:6px 12px;border-bottom:1px solid #e5e7eb;text-align:left"'
  const right = 'style="padding:6px 12px;border-bottom:1px solid #e5e7eb;text-align:right"'
  const head = [columns.number, columns.due_date, columns.days_overdue, columns.amount_open]
    .map((c, i) => `<th ${i >= 2 ? right : cell}>${escapeHtml(c)}</th>`)
    .join("")
  const rows = invoices
    .map(
      (i) =>
        `<tr><td ${cell}>${escapeHtml(i.number)}</td><td ${cell}>${escapeHtml(i.due_date)}</td><td ${right}>${
          i.days_overdue > 0 ? escapeHtml(integer.format(i.days_overdue)) : escapeHtml(notOverdue)
        }</td><td ${right}>${escapeHtml(i.amount_open)}</td></tr>`
    )
    .join("\n")
  return `<table style="border-collapse:collapse;margin:16px 0"><thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`
}

/** The built-in e-mail, before the store's templates. */
function defaultEmail(input: ReminderEmailInput, data: ReminderTemplateData): RenderedEmail {
  const copy = reminderCopy(data.locale)
  const wanted = new Set(input.reminder_for ?? input.invoices.map((i) => i.number))
  const concerned = data.invoices.filter((i) => wanted.has(i.number))
  const count = concerned.length
  const subject = copy.subject(input.stage.kind, {
    count,
    number: data.invoice_number,
    due_date: data.due_date,
    days_overdue: concerned.reduce((max, i) => Math.max(max, i.days_overdue), 0),
  })
  const intro = copy.intro(input.stage.kind, count)
  const h = escapeHtml
  const html = [
    `<!doctype html>`,
    `<html lang="${h(data.locale)}"><head><meta charset="utf-8"><title>${h(subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111827">`,
    `<p>${h(copy.greeting(data.holder_name))}</p>`,
    `<p>${h(intro)}</p>`,
    data.invoices_html,
    `<p><strong>${h(copy.total_open)}:</strong> ${h(data.total_open)}<br>`,
    `<strong>${h(copy.available_credit)}:</strong> ${h(data.available_credit)}</p>`,
    ...(data.bank_details_html ? [`<p><strong>${h(copy.how_to_pay)}</strong><br>\n${data.bank_details_html}</p>`] : []),
    `<p>${h(copy.quote_number)} ${h(copy.already_paid)}</p>`,
    `<p>${h(copy.sign_off)}<br>${h(data.store_name)}</p>`,
    `</body></html>`,
  ].join("\n")
  const text = [
    copy.greeting(data.holder_name),
    "",
    intro,
    "",
    data.invoices_text,
    "",
    `${copy.total_open}: ${data.total_open}`,
    `${copy.available_credit}: ${data.available_credit}`,
    ...(data.bank_details ? ["", `${copy.how_to_pay}:`, data.bank_details] : []),
    "",
    `${copy.quote_number} ${copy.already_paid}`,
    "",
    copy.sign_off,
    data.store_name,
    "",
  ].join("\n")
  return { subject, html, text }
}

/**
 * `{subject, html, text}` of a reminder: the built-in wording in the locale's
 * language (English where there is no copy), with the store's templates
 * (option `reminder_templates`) applied over it.
 */
export function renderReminderEmail(input: ReminderEmailInput, templates?: ReminderTemplatesOption | null): RenderedEmail {
  if (!input.invoices.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A reminder needs at least one open invoice.")
  }
  const listed = new Set(input.invoices.map((i) => i.number))
  const missing = (input.reminder_for ?? []).filter((n) => !listed.has(n))
  if (missing.length || input.reminder_for?.length === 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A reminder is about invoices it lists: ${missing.length ? missing.join(", ") : "none"} ${missing.length === 1 ? "is" : "are"} not among them.`
    )
  }
  const data = reminderTemplateData(input)
  return applyReminderTemplates(templates, input.stage.name, data, defaultEmail(input, data))
}
