import { formatDueDate, formatMoney, renderReminderEmail, type ReminderEmailInput } from "../reminder-email"
import { normalizeReminderTemplates } from "../reminder-templates"

/** Intl separates with no-break spaces (U+00A0, U+202F): compared here as plain spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

const input = (over: Partial<ReminderEmailInput> = {}): ReminderEmailInput => ({
  stage: { name: "overdue_7", kind: "overdue" },
  holder_name: "Antwerp Joinery",
  currency_code: "eur",
  invoices: [
    { number: "INV-2026-000101", amount_open: "1250.5", currency_code: "eur", due_at: "2026-11-20", days_overdue: 11 },
    { number: "INV-2026-000123", amount_open: "99.99", currency_code: "eur", due_at: "2026-12-24", days_overdue: -23 },
  ],
  reminder_for: ["INV-2026-000101"],
  total_open: "1350.49",
  available_credit: "-50",
  bank_details: "Bank: Example Bank\nIBAN DE02 1203 0000 0000 2020 51",
  locale: "en-GB",
  store_name: "Tiles & Co",
  ...over,
})

describe("formatMoney and formatDueDate", () => {
  it("formats exact amounts in the locale's currency style, with no float on the way", () => {
    expect(spaces(formatMoney("1234567890123.45", "eur", "de-DE"))).toBe("1.234.567.890.123,45 €")
    expect(formatMoney("0.1", "usd", "en-US")).toBe("$0.10")
    expect(formatMoney(1500, "jpy", "ja-JP")).toBe("￥1,500")
    expect(formatMoney("-50", "eur", "en-GB")).toBe("-€50.00")
  })

  it("shows a calendar due date as that day in every zone, and a timestamp in the store's zone", () => {
    expect(formatDueDate("2026-12-01", "en-GB", "America/Los_Angeles")).toBe("1 Dec 2026")
    expect(formatDueDate(new Date("2026-12-01T23:30:00Z"), "en-GB", "Europe/Berlin")).toBe("2 Dec 2026")
    expect(formatDueDate("2026-12-01", "de-DE")).toBe("01.12.2026")
    expect(() => formatDueDate("soon", "en")).toThrow(/Not a date/)
  })
})

describe("renderReminderEmail", () => {
  it("lists every open invoice with number, due date, days overdue and amount, the total, available credit and how to pay", () => {
    const email = renderReminderEmail(input())
    expect(email.subject).toBe("Invoice INV-2026-000101 is 11 days overdue")
    expect(email.text).toBe(
      [
        "Dear Antwerp Joinery,",
        "",
        "According to our records, the invoice below is past due and still unpaid. Please arrange payment as soon as possible.",
        "",
        "INV-2026-000101  Due date: 20 Nov 2026  Days overdue: 11  Amount open: €1,250.50",
        "INV-2026-000123  Due date: 24 Dec 2026  Days overdue: –  Amount open: €99.99",
        "",
        "Total open on your account: €1,350.49",
        "Available credit: -€50.00",
        "",
        "How to pay:",
        "Bank: Example Bank\nIBAN DE02 1203 0000 0000 2020 51",
        "",
        "Please quote the invoice number with your payment. If you have already paid, please disregard this reminder.",
        "",
        "Kind regards,",
        "Tiles &amp; Co".replace("&amp;", "&"),
        "",
      ].join("\n")
    )
    expect(email.html).toContain("<td style=\"padding:6px 12px;border-bottom:1px solid #e5e7eb;text-align:left\">INV-2026-000101</td>")
    expect(email.html).toContain(">€1,250.50</td>")
    expect(email.html).toContain("<strong>Total open on your account:</strong> €1,350.49")
    expect(email.html).toContain("Bank: Example Bank<br>\nIBAN DE02 1203 0000 0000 2020 51")
    expect(email.html).toContain("Tiles &amp; Co")
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en-GB">/)
  })

  it("words each kind of stage, for one invoice and for several", () => {
    const subject = (kind: ReminderEmailInput["stage"]["kind"], reminder_for?: string[]) =>
      renderReminderEmail(input({ stage: { name: kind, kind }, reminder_for })).subject
    expect(subject("upcoming", ["INV-2026-000123"])).toBe("Invoice INV-2026-000123 is due on 24 Dec 2026")
    expect(subject("due", ["INV-2026-000123"])).toBe("Invoice INV-2026-000123 is due today")
    expect(subject("final_notice", ["INV-2026-000101"])).toBe("Final notice: invoice INV-2026-000101 is 11 days overdue")
    expect(subject("overdue", undefined)).toBe("2 invoices are overdue")
    expect(renderReminderEmail(input({ stage: { name: "final", kind: "final_notice" } })).text).toContain("This is our final notice")
    const oneDay = input({
      stage: { name: "final", kind: "final_notice" },
      invoices: [{ number: "INV-7", amount_open: 1, currency_code: "eur", due_at: "2026-11-30", days_overdue: 1 }],
      reminder_for: undefined,
    })
    expect(renderReminderEmail(oneDay).subject).toBe("Final notice: invoice INV-7 is 1 day overdue")
    expect(renderReminderEmail({ ...oneDay, locale: "de" }).subject).toBe("Letzte Mahnung: Rechnung INV-7 ist seit 1 Tag überfällig")
  })

  it("escapes every value it puts in HTML", () => {
    const email = renderReminderEmail(
      input({
        holder_name: '<script>alert("x")</script>',
        invoices: [{ number: "INV<1>", amount_open: 10, currency_code: "eur", due_at: "2026-11-01", days_overdue: 30 }],
        reminder_for: undefined,
        bank_details: "Pay to <b>us</b> & co",
      })
    )
    expect(email.html).not.toMatch(/<script>|<b>us<\/b>|INV<1>/)
    expect(email.html).toContain("Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,")
    expect(email.html).toContain(">INV&lt;1&gt;</td>")
    expect(email.html).toContain("Pay to &lt;b&gt;us&lt;/b&gt; &amp; co")
    expect(email.text).toContain('Dear <script>alert("x")</script>,')
  })

  it("writes German for a German store, with German amounts and dates", () => {
    const rendered = renderReminderEmail(input({ locale: "de-DE" }))
    const email = { ...rendered, text: spaces(rendered.text) }
    expect(email.subject).toBe("Rechnung INV-2026-000101 ist seit 11 Tagen überfällig")
    expect(email.text).toContain("INV-2026-000101  Fällig am: 20.11.2026  Tage überfällig: 11  Offener Betrag: 1.250,50 €")
    expect(email.text).toContain("Verfügbarer Kredit: -50,00 €")
    expect(email.html).toContain('<html lang="de-DE">')
  })

  it("uses English words but the locale's formats where it has no copy, and English for a malformed locale", () => {
    const french = renderReminderEmail(input({ locale: "fr-FR" }))
    expect(spaces(french.text)).toContain("Total open on your account: 1 350,49 €")
    expect(renderReminderEmail(input({ locale: "not a locale!" })).text).toContain("€1,350.49")
  })

  it("refuses a reminder without invoices, or about an invoice it doesn't list", () => {
    expect(() => renderReminderEmail(input({ invoices: [], reminder_for: [] }))).toThrow(/at least one open invoice/)
    expect(() => renderReminderEmail(input({ reminder_for: ["INV-9"] }))).toThrow(/INV-9 is not among them/)
  })

  it("applies template strings of the store, per stage first, escaping values in HTML only", () => {
    const templates = normalizeReminderTemplates(
      {
        subject: "{{store_name}}: {{invoice_count}} invoice(s) for {{holder_name}}",
        text: "Hello {{holder_name}}\n{{invoices_text}}\nTotal {{total_open}}\n{{bank_details}}",
        stages: {
          overdue_7: { html: "<h1>{{holder_name}}</h1>{{invoices_html}}<p>{{bank_details_html}}</p>" },
        },
      },
      ["overdue_7", "due"]
    )
    const email = renderReminderEmail(input({ holder_name: "Smith & Sons" }), templates)
    expect(email.subject).toBe("Tiles & Co: 1 invoice(s) for Smith & Sons")
    expect(email.text).toMatch(/^Hello Smith & Sons\nINV-2026-000101 {2}Due date: 20 Nov 2026.*\nTotal €1,350.49\nBank: Example Bank\nIBAN/s)
    expect(email.html).toMatch(/^<h1>Smith &amp; Sons<\/h1><table /)
    expect(email.html).toContain("Bank: Example Bank<br>\nIBAN")
    // Another stage has no html template of its own: the built-in one stays.
    const due = renderReminderEmail(input({ stage: { name: "due", kind: "due" } }), templates)
    expect(due.html).toMatch(/^<!doctype html>/)
    expect(due.subject).toBe("Tiles & Co: 1 invoice(s) for Antwerp Joinery")
  })

  it("applies a template function to the formatted data and the built-in e-mail", () => {
    const templates = normalizeReminderTemplates(
      (data: any, rendered: any) => ({
        subject: `[${data.stage_kind}] ${data.invoices.map((i: any) => `${i.number}=${i.amount_open}`).join(" ")}`,
        text: `${rendered.text}\nP.S. call us`,
      }),
      []
    )
    const email = renderReminderEmail(input(), templates)
    expect(email.subject).toBe("[overdue] INV-2026-000101=€1,250.50 INV-2026-000123=€99.99")
    expect(email.text).toMatch(/Kind regards,\nTiles & Co\n\nP\.S\. call us$/)
    expect(email.html).toMatch(/^<!doctype html>/)
    expect(() => renderReminderEmail(input(), normalizeReminderTemplates(() => ({ subject: 42 }), []))).toThrow(
      /returned a number as subject; it must return strings/
    )
  })

  it("keeps a subject on one line whatever a template puts in it", () => {
    const templates = normalizeReminderTemplates({ subject: "{{holder_name}}" }, [])
    expect(renderReminderEmail(input({ holder_name: "Evil\r\nBcc: x@y.test" }), templates).subject).toBe("Evil Bcc: x@y.test")
  })
})
