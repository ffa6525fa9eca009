import validateOptions from "../../loaders/validate-options"
import { DEFAULT_REMINDER_STAGES } from "../../constants"
import { normalizeReminderOptions, reminderLocale } from "../reminder-options"

describe("normalizeReminderOptions", () => {
  it("defaults: the default stages on the email channel, no bank details, built-in wording, the store's language", () => {
    const options = normalizeReminderOptions({})
    expect(options.stages.map((s) => [s.name, s.days_after_due])).toEqual(DEFAULT_REMINDER_STAGES.map((s) => [s.name, s.days_after_due]))
    expect(options).toMatchObject({ channel: "email", bank_details: null, templates: null, locale: null })
  })

  it("keeps what the store configures", () => {
    const options = normalizeReminderOptions({
      reminder_stages: [{ name: "chase", days_after_due: 10 }],
      reminder_channel: " trade-credit-email ",
      bank_details: "  IBAN DE02 1203 0000 0000 2020 51\nBIC BYLADEM1001  ",
      reminder_templates: { stages: { chase: { subject: "Please pay {{invoice_numbers}}" } } },
      reminder_locale: "de-at",
    })
    expect(options).toMatchObject({
      stages: [{ name: "chase", days_after_due: 10, kind: "final_notice" }],
      channel: "trade-credit-email",
      bank_details: "IBAN DE02 1203 0000 0000 2020 51\nBIC BYLADEM1001",
      templates: { stages: { chase: { subject: "Please pay {{invoice_numbers}}" } } },
      locale: "de-AT",
    })
  })

  it.each([
    [{ reminder_channel: "" }, /option "reminder_channel" must name the notification channel/],
    [{ bank_details: 42 }, /option "bank_details" must be text/],
    [{ bank_details: "x".repeat(2001) }, /option "bank_details" must be text \(at most 2000 characters\)/],
    [{ bank_details: "IBAN\u0000" }, /option "bank_details" must not contain control characters/],
    [{ reminder_locale: "english please" }, /option "reminder_locale" must be a BCP 47 language tag/],
    [{ reminder_stages: "weekly" }, /option "reminder_stages" must be a list of stages/],
    [{ reminder_templates: "Dear {{holder_name}}" }, /option "reminder_templates" must be \{ subject\?, html\?, text\? \}/],
    [{ reminder_templates: { body: "x" } }, /option "reminder_templates" has "body"; a template has subject, html and text, and stages/],
    [{ reminder_templates: { subject: "" } }, /subject must be a non-empty template string/],
    [{ reminder_templates: { text: "Hi {{customer_name}}" } }, /text uses \{\{customer_name\}\}, which is not a placeholder\. Placeholders: holder_name/],
    [{ reminder_templates: { text: "{{invoices_html}}" } }, /text uses \{\{invoices_html\}\}, which is HTML: use it in html only/],
    [{ reminder_templates: { stages: { overdue_99: { subject: "x" } } } }, /templates for the stage "overdue_99", which is not a reminder stage \(stages: upcoming, due, overdue_7, overdue_14, final_notice\)/],
    [{ reminder_templates: { stages: { due: { subject: "x", footer: "y" } } } }, /stages\.due has "footer"/],
  ])("refuses %j with a message naming the option", (options, message) => {
    expect(() => normalizeReminderOptions(options)).toThrow(message)
  })

  it("is checked when the module loads", async () => {
    await expect(validateOptions({ options: { reminder_stages: [{ name: "x", days_after_due: 1 }, { name: "x", days_after_due: 2 }] } } as any)).rejects.toThrow(
      /option "reminder_stages" lists the stage name "x" twice/
    )
    await expect(validateOptions({ options: { bank_details: "IBAN ..." } } as any)).resolves.toBeUndefined()
  })
})

describe("reminderLocale", () => {
  it("is the option, else the store's first supported locale, else English", () => {
    expect(reminderLocale("de", ["fr-FR"])).toBe("de")
    expect(reminderLocale(null, [null, "", "fr-FR", "en-US"])).toBe("fr-FR")
    expect(reminderLocale(undefined, [])).toBe("en")
  })
})
