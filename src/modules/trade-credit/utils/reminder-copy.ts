import type { ReminderStageKind } from "../constants"

/**
 * The wording of the default reminder e-mail, per language. Values arrive
 * formatted (amounts, dates) and, for HTML, escaped: the copy only places them.
 * A language without its own copy gets English words with the locale's
 * number and date formats. Add a language by adding an entry.
 */
export type ReminderCopy = {
  subject: (kind: ReminderStageKind, v: { count: number; number: string; due_date: string; days_overdue: number }) => string
  greeting: (holder: string) => string
  intro: (kind: ReminderStageKind, count: number) => string
  columns: { number: string; due_date: string; days_overdue: string; amount_open: string }
  not_overdue: string
  total_open: string
  available_credit: string
  how_to_pay: string
  quote_number: string
  already_paid: string
  sign_off: string
  default_sender: string
}

const en: ReminderCopy = {
  subject: (kind, v) => {
    const one = v.count === 1
    switch (kind) {
      case "upcoming":
        return one ? `Invoice ${v.number} is due on ${v.due_date}` : `${v.count} invoices are due soon`
      case "due":
        return one ? `Invoice ${v.number} is due today` : `${v.count} invoices are due today`
      case "overdue":
        return one ? `Invoice ${v.number} is ${v.days_overdue} ${v.days_overdue === 1 ? "day" : "days"} overdue` : `${v.count} invoices are overdue`
      case "final_notice":
        return one
          ? `Final notice: invoice ${v.number} is ${v.days_overdue} ${v.days_overdue === 1 ? "day" : "days"} overdue`
          : `Final notice: ${v.count} invoices are overdue`
    }
  },
  greeting: (holder) => `Dear ${holder},`,
  intro: (kind, count) => {
    const these = count === 1 ? "the invoice below" : "the invoices below"
    switch (kind) {
      case "upcoming":
        return `This is a friendly reminder that ${these} will soon be due for payment.`
      case "due":
        return `${count === 1 ? "The invoice below is" : "The invoices below are"} due for payment today.`
      case "overdue":
        return `According to our records, ${these} ${count === 1 ? "is" : "are"} past due and still unpaid. Please arrange payment as soon as possible.`
      case "final_notice":
        return `Despite our earlier reminders, ${these} ${count === 1 ? "remains" : "remain"} unpaid. This is our final notice: please pay the overdue amount now to keep buying on account.`
    }
  },
  columns: { number: "Invoice", due_date: "Due date", days_overdue: "Days overdue", amount_open: "Amount open" },
  not_overdue: "–",
  total_open: "Total open on your account",
  available_credit: "Available credit",
  how_to_pay: "How to pay",
  quote_number: "Please quote the invoice number with your payment.",
  already_paid: "If you have already paid, please disregard this reminder.",
  sign_off: "Kind regards,",
  default_sender: "Accounts receivable",
}

const de: ReminderCopy = {
  subject: (kind, v) => {
    const one = v.count === 1
    switch (kind) {
      case "upcoming":
        return one ? `Rechnung ${v.number} ist am ${v.due_date} fällig` : `${v.count} Rechnungen werden bald fällig`
      case "due":
        return one ? `Rechnung ${v.number} ist heute fällig` : `${v.count} Rechnungen sind heute fällig`
      case "overdue":
        return one ? `Rechnung ${v.number} ist seit ${v.days_overdue} ${v.days_overdue === 1 ? "Tag" : "Tagen"} überfällig` : `${v.count} Rechnungen sind überfällig`
      case "final_notice":
        return one
          ? `Letzte Mahnung: Rechnung ${v.number} ist seit ${v.days_overdue} ${v.days_overdue === 1 ? "Tag" : "Tagen"} überfällig`
          : `Letzte Mahnung: ${v.count} Rechnungen sind überfällig`
    }
  },
  greeting: (holder) => `Guten Tag ${holder},`,
  intro: (kind, count) => {
    const these = count === 1 ? "die folgende Rechnung" : "die folgenden Rechnungen"
    switch (kind) {
      case "upcoming":
        return `wir möchten Sie freundlich daran erinnern, dass ${these} bald fällig ${count === 1 ? "wird" : "werden"}.`
      case "due":
        return `${count === 1 ? "die folgende Rechnung ist" : "die folgenden Rechnungen sind"} heute zur Zahlung fällig.`
      case "overdue":
        return `nach unseren Unterlagen ${count === 1 ? "ist" : "sind"} ${these} überfällig und noch nicht bezahlt. Bitte veranlassen Sie die Zahlung so bald wie möglich.`
      case "final_notice":
        return `trotz unserer Erinnerungen ${count === 1 ? "ist" : "sind"} ${these} noch offen. Dies ist unsere letzte Mahnung: Bitte zahlen Sie den überfälligen Betrag jetzt, um weiterhin auf Rechnung kaufen zu können.`
    }
  },
  columns: { number: "Rechnung", due_date: "Fällig am", days_overdue: "Tage überfällig", amount_open: "Offener Betrag" },
  not_overdue: "–",
  total_open: "Offen auf Ihrem Konto",
  available_credit: "Verfügbarer Kredit",
  how_to_pay: "Zahlung",
  quote_number: "Bitte geben Sie bei der Zahlung die Rechnungsnummer an.",
  already_paid: "Falls Sie bereits bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.",
  sign_off: "Mit freundlichen Grüßen",
  default_sender: "Debitorenbuchhaltung",
}

/** Languages with copy of their own (the language part of a locale: "de-AT" → "de"). */
export const REMINDER_COPY: Readonly<Record<string, ReminderCopy>> = { en, de }

/** The copy for a BCP 47 locale: its language's, else English. */
export function reminderCopy(locale: string): ReminderCopy {
  return REMINDER_COPY[locale.split("-")[0].toLowerCase()] ?? en
}
