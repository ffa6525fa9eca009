import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_REMINDER_CHANNEL, DEFAULT_REMINDER_LOCALE, MAX_BANK_DETAILS_LENGTH } from "../constants"
import { normalizeReminderStages, type ReminderStage } from "./reminder-stages"
import { normalizeReminderTemplates, type ReminderTemplatesOption } from "./reminder-templates"

/** The reminder options of the plugin, checked, with defaults filled in. */
export type ReminderOptions = {
  stages: ReminderStage[]
  channel: string
  bank_details: string | null
  templates: ReminderTemplatesOption | null
  /** Null: the store's first supported locale, else DEFAULT_REMINDER_LOCALE (see reminderLocale). */
  locale: string | null
}

function fail(option: string, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: option "${option}" ${message}`)
}

/**
 * Reads `reminder_stages`, `reminder_channel`, `bank_details`,
 * `reminder_templates` and `reminder_locale`. Throws (the module then fails to
 * load) with a message naming the option when one is wrong.
 */
export function normalizeReminderOptions(options: {
  reminder_stages?: unknown
  reminder_channel?: unknown
  bank_details?: unknown
  reminder_templates?: unknown
  reminder_locale?: unknown
}): ReminderOptions {
  const stages = normalizeReminderStages(options.reminder_stages)
  const channel = options.reminder_channel ?? DEFAULT_REMINDER_CHANNEL
  if (typeof channel !== "string" || !channel.trim()) {
    fail("reminder_channel", `must name the notification channel of the e-mail provider (e.g. "email"), got ${JSON.stringify(channel)}.`)
  }
  const bank = options.bank_details ?? null
  if (bank !== null && (typeof bank !== "string" || bank.length > MAX_BANK_DETAILS_LENGTH)) {
    fail("bank_details", `must be text (at most ${MAX_BANK_DETAILS_LENGTH} characters) saying how to pay, e.g. "IBAN DE02 1203 0000 0000 2020 51, BIC BYLADEM1001".`)
  }
  if (typeof bank === "string" && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(bank)) {
    fail("bank_details", "must not contain control characters; line breaks are fine.")
  }
  const locale = options.reminder_locale ?? null
  if (locale !== null) {
    let valid = typeof locale === "string"
    try {
      valid = valid && Intl.getCanonicalLocales(locale as string).length === 1
    } catch {
      valid = false
    }
    if (!valid) {
      fail("reminder_locale", `must be a BCP 47 language tag such as "en", "de" or "fr-BE", got ${JSON.stringify(locale)}.`)
    }
  }
  return {
    stages,
    channel: (channel as string).trim(),
    bank_details: typeof bank === "string" && bank.trim() ? bank.trim() : null,
    templates: normalizeReminderTemplates(options.reminder_templates, stages.map((s) => s.name)),
    locale: locale === null ? null : Intl.getCanonicalLocales(locale as string)[0],
  }
}

/**
 * The language of reminders: the option `reminder_locale` when set, else the
 * store's first supported locale (Medusa's store `supported_locales`), else
 * DEFAULT_REMINDER_LOCALE.
 */
export function reminderLocale(option: string | null | undefined, storeLocales: readonly (string | null | undefined)[] = []): string {
  return option || storeLocales.find((l): l is string => typeof l === "string" && l.trim().length > 0) || DEFAULT_REMINDER_LOCALE
}
