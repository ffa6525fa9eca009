import { MedusaError } from "@medusajs/framework/utils"

/**
 * Overriding the reminder e-mail (plugin option `reminder_templates`), in one
 * of two forms:
 *
 * 1. Template strings: `{ subject?, html?, text?, stages?: { <stage name>:
 *    { subject?, html?, text? } } }`. `{{placeholder}}` is replaced by the
 *    value of that name (REMINDER_PLACEHOLDERS). In `html` every value is
 *    HTML-escaped, except `{{invoices_html}}` and `{{bank_details_html}}`,
 *    which are HTML the plugin built from escaped values; those two can't be
 *    used in `subject` or `text`. A stage's own strings win over the general
 *    ones; a part no string names keeps the built-in wording. Unknown
 *    placeholders are refused when the plugin loads.
 * 2. A function `(data, rendered) => ({ subject?, html?, text? })`: `data` is
 *    the formatted values (ReminderTemplateData, plus `invoices` as a list),
 *    `rendered` the built-in e-mail; the parts it returns replace the
 *    built-in ones. It must be synchronous and escape what it puts in HTML.
 */

export type RenderedEmail = { subject: string; html: string; text: string }
export type ReminderTemplateParts = Partial<RenderedEmail>

/** Every value a template can place, as text (amounts and dates already formatted in the e-mail's locale). */
export const REMINDER_PLACEHOLDERS = [
  "holder_name",
  "store_name",
  "stage",
  "stage_kind",
  "locale",
  "currency_code",
  "invoice_count",
  "invoice_numbers",
  "invoice_number",
  "due_date",
  "days_overdue",
  "total_open",
  "available_credit",
  "bank_details",
  "invoices_text",
  "invoices_html",
  "bank_details_html",
] as const
export type ReminderPlaceholder = (typeof REMINDER_PLACEHOLDERS)[number]

/** Placeholders that hold HTML: inserted as they are, so only in `html`. */
export const HTML_PLACEHOLDERS: readonly ReminderPlaceholder[] = ["invoices_html", "bank_details_html"]

export type ReminderTemplateInvoice = { number: string; amount_open: string; due_date: string; days_overdue: number }

export type ReminderTemplateData = Record<ReminderPlaceholder, string> & { invoices: ReminderTemplateInvoice[] }

export type ReminderTemplateFunction = (data: ReminderTemplateData, rendered: RenderedEmail) => ReminderTemplateParts

export type ReminderTemplateStrings = ReminderTemplateParts & { stages?: Record<string, ReminderTemplateParts> }

export type ReminderTemplatesOption = ReminderTemplateFunction | ReminderTemplateStrings

export const REMINDER_TEMPLATES_OPTION = "reminder_templates"

const PARTS = ["subject", "html", "text"] as const
const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: option "${REMINDER_TEMPLATES_OPTION}" ${message}`)
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

function checkParts(parts: unknown, where: string): ReminderTemplateParts {
  const label = where ? `${where.slice(0, -1)} ` : ""
  if (typeof parts !== "object" || parts === null || Array.isArray(parts)) {
    fail(`${label}must be { subject?, html?, text? }, got ${JSON.stringify(parts)}.`)
  }
  const out: ReminderTemplateParts = {}
  for (const [key, value] of Object.entries(parts as Record<string, unknown>)) {
    if (key === "stages" && where === "") {
      continue
    }
    if (!(PARTS as readonly string[]).includes(key)) {
      fail(`${label}has "${key}"; a template has subject, html and text${where === "" ? ", and stages" : ""}.`)
    }
    if (typeof value !== "string" || !value.trim()) {
      fail(`${where}${key} must be a non-empty template string.`)
    }
    for (const [, name] of value.matchAll(PLACEHOLDER)) {
      if (!(REMINDER_PLACEHOLDERS as readonly string[]).includes(name)) {
        fail(`${where}${key} uses {{${name}}}, which is not a placeholder. Placeholders: ${REMINDER_PLACEHOLDERS.join(", ")}.`)
      }
      if (key !== "html" && (HTML_PLACEHOLDERS as readonly string[]).includes(name)) {
        fail(`${where}${key} uses {{${name}}}, which is HTML: use it in html only (invoices_text and bank_details are the text forms).`)
      }
    }
    out[key as keyof ReminderTemplateParts] = value
  }
  return out
}

/**
 * Checks the option when the plugin loads. `stageNames` are the configured
 * stages: a template for a stage that doesn't exist is refused.
 */
export function normalizeReminderTemplates(option: unknown, stageNames: readonly string[]): ReminderTemplatesOption | null {
  if (option === undefined || option === null) {
    return null
  }
  if (typeof option === "function") {
    return option as ReminderTemplateFunction
  }
  const general = checkParts(option, "") as ReminderTemplateStrings
  const stages = (option as Record<string, unknown>).stages
  if (stages !== undefined) {
    if (typeof stages !== "object" || stages === null || Array.isArray(stages)) {
      fail(`stages must map stage names to { subject?, html?, text? }, got ${JSON.stringify(stages)}.`)
    }
    general.stages = {}
    for (const [name, parts] of Object.entries(stages as Record<string, unknown>)) {
      if (!stageNames.includes(name)) {
        fail(`has templates for the stage "${name}", which is not a reminder stage (stages: ${stageNames.join(", ") || "none"}).`)
      }
      general.stages[name] = checkParts(parts, `stages.${name}.`)
    }
  }
  return general
}

/** Fills `{{placeholders}}`; in HTML, values are escaped except the HTML ones. */
export function fillTemplate(template: string, data: ReminderTemplateData, html: boolean): string {
  return template.replace(PLACEHOLDER, (_, name: ReminderPlaceholder) => {
    const value = data[name] ?? ""
    return html && !HTML_PLACEHOLDERS.includes(name) ? escapeHtml(value) : value
  })
}

/** The e-mail after the store's templates: the built-in parts they don't replace stay. */
export function applyReminderTemplates(
  templates: ReminderTemplatesOption | null | undefined,
  stage: string,
  data: ReminderTemplateData,
  rendered: RenderedEmail
): RenderedEmail {
  if (!templates) {
    return rendered
  }
  let parts: ReminderTemplateParts
  if (typeof templates === "function") {
    parts = templates(data, rendered) ?? {}
    for (const part of PARTS) {
      if (parts[part] !== undefined && typeof parts[part] !== "string") {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Trade credit: the "${REMINDER_TEMPLATES_OPTION}" function returned a ${typeof parts[part]} as ${part}; it must return strings.`
        )
      }
    }
  } else {
    const own = templates.stages?.[stage] ?? {}
    parts = {}
    for (const part of PARTS) {
      const template = own[part] ?? templates[part]
      if (template !== undefined) {
        parts[part] = fillTemplate(template, data, part === "html")
      }
    }
  }
  return {
    subject: (parts.subject ?? rendered.subject).replace(/\s*[\r\n]+\s*/g, " ").trim(),
    html: parts.html ?? rendered.html,
    text: parts.text ?? rendered.text,
  }
}
