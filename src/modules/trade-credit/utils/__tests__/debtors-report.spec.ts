import { isoWeek, renderDebtorsReportEmail, weeklyReportDue } from "../debtors-report"
import { normalizeReportOptions } from "../report-options"

describe("the weekly debtors report", () => {
  it.each([
    ["2026-11-30", "2026-W49"], // a Monday
    ["2026-12-06", "2026-W49"], // its Sunday
    ["2027-01-01", "2026-W53"], // a Friday in the last week of 2026
    ["2027-01-04", "2027-W01"],
    ["2024-12-30", "2025-W01"], // a Monday that belongs to next year's week 1
    ["2021-01-03", "2020-W53"],
  ])("puts %s in ISO week %s", (day, week) => {
    expect(isoWeek(day)).toBe(week)
  })

  it("is due from Monday 07:00 in the plugin's time zone to the end of the week", () => {
    expect(weeklyReportDue(new Date("2026-11-30T06:59:00Z"), "UTC")).toBeNull()
    expect(weeklyReportDue(new Date("2026-11-30T07:00:00Z"), "UTC")).toBe("2026-W49")
    expect(weeklyReportDue(new Date("2026-12-06T23:59:00Z"), "UTC")).toBe("2026-W49")
    // 06:30 UTC is 07:30 in Amsterdam (CET): due there, not in UTC.
    expect(weeklyReportDue(new Date("2026-11-30T06:30:00Z"), "Europe/Amsterdam")).toBe("2026-W49")
    // Sunday 23:30 UTC is already Monday 00:30 in Amsterdam: the new week, not due before 07:00.
    expect(weeklyReportDue(new Date("2026-11-29T23:30:00Z"), "Europe/Amsterdam")).toBeNull()
    expect(weeklyReportDue(new Date("2026-11-29T23:30:00Z"), "UTC")).toBe("2026-W48")
  })

  it("renders totals, buckets, DSO and the top debtors, escaping names in HTML", () => {
    const buckets = { current: 100, "1_30": 20.5, "31_60": 0, "61_90": 0, "90_plus": 0 }
    const email = renderDebtorsReportEmail({
      as_of: "2026-11-30",
      dso_period_days: 90,
      totals: [{ currency_code: "eur", accounts: 1, open_invoices: 2, open_total: 120.5, overdue_total: 20.5, buckets, average_days_to_pay: 12, sales: 300, dso: 36.15 }],
      accounts: [
        {
          account_id: "tcacc_1",
          holder: { type: "customer_group", id: "cusgroup_1", name: "Smith & <Sons>" },
          email: null,
          currency_code: "eur",
          credit_limit: 1000,
          status: "normal",
          open_invoices: 2,
          open_total: 120.5,
          overdue_total: 20.5,
          buckets,
          oldest_overdue_invoice: { id: "tcinv_1", number: "INV-2026-000001", due_date: "2026-11-10", due_at: "2026-11-10T00:00:00.000Z", days_overdue: 20 },
          last_payment_at: null,
          average_days_to_pay: 12,
          sales: 300,
          dso: 36.15,
        },
      ],
      count: 1,
      store_name: "Tiles BV",
      locale: "en",
      csv_filename: "aging-2026-11-30.csv",
    })
    expect(email.subject).toBe("Tiles BV: debtors report as of 2026-11-30")
    expect(email.text).toContain("EUR: €120.50 open on 2 invoice(s) of 1 account(s), €20.50 overdue; DSO 36.15 days (90 days)")
    expect(email.text).toContain("Current: €100.00 | 1-30: €20.50 | 31-60: €0.00")
    expect(email.text).toContain("1. Smith & <Sons>: €120.50 open, €20.50 overdue, oldest overdue INV-2026-000001 (20 days)")
    expect(email.html).toContain("Smith &amp; &lt;Sons&gt;")
    expect(email.html).not.toContain("<Sons>")
  })

  it("reads report_recipients: a list or a comma-separated string; off when empty; refuses what is not an address", () => {
    expect(normalizeReportOptions({}).report_recipients).toEqual([])
    expect(normalizeReportOptions({ report_recipients: "a@x.example, b@x.example,a@x.example" }).report_recipients).toEqual(["a@x.example", "b@x.example"])
    expect(normalizeReportOptions({ report_recipients: ["cfo@x.example"] }).report_recipients).toEqual(["cfo@x.example"])
    expect(() => normalizeReportOptions({ report_recipients: ["not an address"] })).toThrow(/report_recipients.*"not an address" is not an e-mail address/)
    expect(() => normalizeReportOptions({ report_recipients: 42 })).toThrow(/report_recipients/)
    expect(() => normalizeReportOptions({ report_recipients: [1] })).toThrow(/report_recipients/)
  })
})
