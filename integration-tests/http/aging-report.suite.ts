import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { AGING_CSV_COLUMNS } from "../../src/modules/trade-credit/aging-report"
import { addDays, calendarDay, overdueAt, startOfDay } from "../../src/modules/trade-credit/utils/due-dates"
import { adminHeaders, customerGroup, failure, setStoreCurrencies } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(240_000)

/** RFC 4180 lines of a CSV text (no field here holds a line break). */
function parseCsv(text: string): string[][] {
  const lines = text.split("\r\n")
  expect(lines.pop()).toBe("")
  return lines.map((line) => {
    const out: string[] = []
    const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g
    let m: RegExpExecArray | null
    while ((m = re.exec(line)) && m[0] !== "") {
      out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1])
      if (m[3] === "") break
    }
    return out
  })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let tradeCredit: TradeCreditModuleService
    const today = calendarDay(new Date())
    let session = 0

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      const container = getContainer()
      admin = await adminHeaders(api, container)
      await setStoreCurrencies(container)
      tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    })

    /** An order of `amount` posted to the account (invoiced at once, net 30 by the account's terms). */
    const order = async (accountId: string, amount: string, currency = "eur") => {
      session++
      await tradeCredit.authorizeOnAccount({
        account_id: accountId,
        payment_session_id: `ps_aging_${session}`,
        amount,
        currency_code: currency,
        order_id: `order_aging_${session}`,
        order_display_id: session,
        capture: true,
        default_over_limit_policy: "hold",
        actor: { type: "system", name: "test" },
      })
      const [invoice] = await tradeCredit.listTradeCreditInvoices({ payment_session_id: `ps_aging_${session}` })
      return invoice
    }

    /** Moves an invoice (issued today, net 30, no grace) back so that it was due `daysAgo` days ago: issued 30 + daysAgo days ago. */
    const dueDaysAgo = async (invoiceId: string, daysAgo: number) => {
      const due = addDays(today, -daysAgo)
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex.raw(
        `UPDATE trade_credit_invoice SET issued_at = issued_at - make_interval(days => ?), due_date = ?, due_at = ?, overdue_at = ? WHERE id = ?`,
        [30 + daysAgo, due, startOfDay(due), overdueAt(due, 0), invoiceId]
      )
    }

    const companyAccount = async (name: string, buyerEmail: string) => {
      const group = await customerGroup(getContainer(), name)
      const customers = getContainer().resolve(Modules.CUSTOMER)
      const [buyer] = await customers.createCustomers([{ email: buyerEmail, first_name: "Ann", last_name: name }])
      await customers.addCustomerToGroup({ customer_id: buyer.id, customer_group_id: group.id })
      const account = await client.openAccount(api, admin.headers, {
        customer_group_id: group.id,
        credit_limit: 10000,
        payment_terms: { type: "net_days", net_days: 30, grace_days: 0 },
      })
      return { group, account }
    }

    /**
     * Antwerp (EUR): 100 current, 200 due yesterday and 300 due 30 days ago (1-30), 400 due 31 days
     * ago (31-60), 500 due 91 days ago (90+). Brugge (EUR): 50 and 70 due 61 and 90 days ago
     * (61-90), 30 issued 40 days ago and paid today. Delft (EUR): 25 issued today and paid.
     * Chicago, a customer (USD): 80 due 45 days ago.
     */
    const seed = async () => {
      const antwerp = await companyAccount("Antwerp Tiles", "ann@antwerp.example")
      const brugge = await companyAccount("Brugge Bouw", "ann@brugge.example")
      const delft = await companyAccount("Delft Delivery", "ann@delft.example")
      const [chicagoCustomer] = await getContainer().resolve(Modules.CUSTOMER).createCustomers([
        { email: "pat@chicago.example", first_name: "Pat", last_name: "Chicago" },
      ])
      const chicago = await client.openAccount(api, admin.headers, {
        customer_id: chicagoCustomer.id,
        currency_code: "usd",
        credit_limit: 1000,
        payment_terms: { type: "net_days", net_days: 30, grace_days: 0 },
      })
      const a = [await order(antwerp.account.id, "100.00"), await order(antwerp.account.id, "200.00"), await order(antwerp.account.id, "300.00")]
      a.push(await order(antwerp.account.id, "400.00"), await order(antwerp.account.id, "500.00"))
      await dueDaysAgo(a[1].id, 1)
      await dueDaysAgo(a[2].id, 30)
      await dueDaysAgo(a[3].id, 31)
      await dueDaysAgo(a[4].id, 91)
      const b = [await order(brugge.account.id, "50.00"), await order(brugge.account.id, "70.00"), await order(brugge.account.id, "30.00")]
      await dueDaysAgo(b[0].id, 61)
      await dueDaysAgo(b[1].id, 90)
      await dueDaysAgo(b[2].id, 10)
      const payment = await client.reimburse(api, admin.headers, brugge.account.id, { amount: 30, invoice_id: b[2].id, reference: "BANK-B" })
      const d = await order(delft.account.id, "25.00")
      await client.reimburse(api, admin.headers, delft.account.id, { amount: 25, reference: d.number })
      const c = await order(chicago.id, "80.00", "usd")
      await dueDaysAgo(c.id, 45)
      return { antwerp, brugge, delft, chicago, a, b, c, payment }
    }

    it("ages open invoices by days past due, with the oldest overdue invoice, payments, DSO and totals per currency", async () => {
      const s = await seed()
      const report = await client.agingReport(api, admin.headers)
      expect(report).toEqual(
        expect.objectContaining({ as_of: today, timezone: "UTC", currency_code: null, dso_period_days: 90, count: 3, limit: 50, offset: 0 })
      )
      // Most owed first; Delft owes nothing and has no row.
      expect(report.accounts.map((r) => r.account_id)).toEqual([s.antwerp.account.id, s.brugge.account.id, s.chicago.id])
      const [antwerp, brugge, chicago] = report.accounts
      expect(antwerp).toEqual({
        account_id: s.antwerp.account.id,
        holder: { type: "customer_group", id: s.antwerp.group.id, name: "Antwerp Tiles" },
        email: "ann@antwerp.example",
        currency_code: "eur",
        credit_limit: 10000,
        status: "normal",
        open_invoices: 5,
        open_total: 1500,
        overdue_total: 1400,
        buckets: { current: 100, "1_30": 500, "31_60": 400, "61_90": 0, "90_plus": 500 },
        oldest_overdue_invoice: {
          id: s.a[4].id,
          number: s.a[4].number,
          due_date: addDays(today, -91),
          due_at: startOfDay(addDays(today, -91)).toISOString(),
          days_overdue: 91,
        },
        last_payment_at: null,
        average_days_to_pay: null,
        // Issued in the 90 days ending today: 100 + 200 (31 days ago) + 300 (60) + 400 (61); not the 500 (121).
        sales: 1000,
        dso: 135, // 1500 / 1000 × 90
      })
      expect(brugge).toEqual(
        expect.objectContaining({
          open_total: 120,
          buckets: { current: 0, "1_30": 0, "31_60": 0, "61_90": 120, "90_plus": 0 },
          oldest_overdue_invoice: expect.objectContaining({ id: s.b[1].id, days_overdue: 90 }),
          last_payment_at: s.payment.entry.created_at,
          average_days_to_pay: 40, // issued 40 days ago, paid today
          sales: 30, // the 50 and 70 were issued 91 and 120 days ago
          dso: 360,
        })
      )
      expect(chicago).toEqual(
        expect.objectContaining({
          holder: { type: "customer", id: expect.any(String), name: "Pat Chicago" },
          email: "pat@chicago.example",
          currency_code: "usd",
          buckets: { current: 0, "1_30": 0, "31_60": 80, "61_90": 0, "90_plus": 0 },
          dso: 90,
        })
      )
      expect(report.totals).toEqual([
        {
          currency_code: "eur",
          accounts: 2,
          open_invoices: 7,
          open_total: 1620,
          overdue_total: 1520,
          buckets: { current: 100, "1_30": 500, "31_60": 400, "61_90": 120, "90_plus": 500 },
          // Delft's paid invoice counts in sales and days to pay: (40 + 0) / 2.
          average_days_to_pay: 20,
          sales: 1055,
          dso: 138.2, // 1620 / 1055 × 90 = 138.19…
        },
        {
          currency_code: "usd",
          accounts: 1,
          open_invoices: 1,
          open_total: 80,
          overdue_total: 80,
          buckets: { current: 0, "1_30": 0, "31_60": 80, "61_90": 0, "90_plus": 0 },
          average_days_to_pay: null,
          sales: 80,
          dso: 90,
        },
      ])

      // Paging: the same rows and totals a page at a time.
      const page2 = await client.agingReport(api, admin.headers, { limit: 1, offset: 1 })
      expect(page2.accounts.map((r) => r.account_id)).toEqual([s.brugge.account.id])
      expect([page2.count, page2.totals]).toEqual([3, report.totals])

      // On a past day: what was open and how late it was then. 35 days ago the two newest Antwerp
      // invoices didn't exist, the 300 and 400 were not yet due, the 500 was 56 days late; Brugge's
      // 50 and 70 were 26 and 55 days late, and its 30 was still open (paid today).
      const past = await client.agingReport(api, admin.headers, { as_of: addDays(today, -35), currency_code: "eur" })
      expect(past.accounts.map((r) => [r.account_id, r.open_total, r.buckets])).toEqual([
        [s.antwerp.account.id, 1200, { current: 700, "1_30": 0, "31_60": 500, "61_90": 0, "90_plus": 0 }],
        [s.brugge.account.id, 150, { current: 30, "1_30": 50, "31_60": 70, "61_90": 0, "90_plus": 0 }],
      ])
      expect(past.accounts[1].last_payment_at).toBeNull()
    })

    it("filters by currency, and streams the same report as CSV", async () => {
      const s = await seed()
      const usd = await client.agingReport(api, admin.headers, { currency_code: "USD" })
      expect(usd.currency_code).toBe("usd")
      expect(usd.accounts.map((r) => r.account_id)).toEqual([s.chicago.id])
      expect(usd.totals.map((t) => [t.currency_code, t.open_total])).toEqual([["usd", 80]])

      const json = await client.agingReport(api, admin.headers)
      const res = await api.get(`/admin/trade-credit/reports/aging?format=csv`, { headers: admin.headers, responseType: "text", transformResponse: (x: any) => x })
      expect(res.status).toBe(200)
      expect(res.headers["content-type"]).toMatch(/^text\/csv/)
      expect(res.headers["content-disposition"]).toBe(`attachment; filename="aging-${today}.csv"`)
      const [header, ...lines] = parseCsv(res.data)
      expect(header).toEqual([...AGING_CSV_COLUMNS])
      const rows = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])))
      expect(rows.map((r) => r.row_type)).toEqual(["account", "account", "account", "total", "total"])
      for (const [i, row] of json.accounts.entries()) {
        const csv = rows[i]
        expect(csv).toEqual(
          expect.objectContaining({
            account_id: row.account_id,
            holder_type: row.holder.type,
            holder_id: row.holder.id,
            holder_name: row.holder.name,
            email: row.email,
            currency_code: row.currency_code,
            status: row.status,
            open_invoices: String(row.open_invoices),
            oldest_overdue_number: row.oldest_overdue_invoice?.number ?? "",
            oldest_overdue_days: String(row.oldest_overdue_invoice?.days_overdue ?? ""),
            last_payment_at: row.last_payment_at ?? "",
            dso: String(row.dso ?? ""),
          })
        )
        for (const field of ["credit_limit", "open_total", "overdue_total", "sales"] as const) {
          expect([field, csv[field]]).toEqual([field, row[field].toFixed(2)])
        }
        for (const [bucket, amount] of Object.entries(row.buckets)) {
          expect([bucket, csv[bucket]]).toEqual([bucket, amount.toFixed(2)])
        }
      }
      expect(rows.slice(3).map((r) => [r.currency_code, r.accounts, r.open_total, r["90_plus"], r.dso])).toEqual(
        json.totals.map((t) => [t.currency_code, String(t.accounts), t.open_total.toFixed(2), t.buckets["90_plus"].toFixed(2), String(t.dso)])
      )

      // The currency filter applies to the CSV too, and names its file.
      const usdCsv = await api.get(`/admin/trade-credit/reports/aging?format=csv&currency_code=usd&as_of=${addDays(today, -1)}`, {
        headers: admin.headers,
        responseType: "text",
        transformResponse: (x: any) => x,
      })
      expect(usdCsv.headers["content-disposition"]).toBe(`attachment; filename="aging-${addDays(today, -1)}-usd.csv"`)
      expect(parseCsv(usdCsv.data).slice(1).map((l) => [l[0], l[1], l[6]])).toEqual([
        ["account", s.chicago.id, "usd"],
        ["total", "", "usd"],
      ])
    })

    it("answers an empty report on a store without invoices, refuses bad input with 400 and anyone but an admin with 401", async () => {
      expect(await client.agingReport(api, admin.headers)).toEqual(expect.objectContaining({ accounts: [], totals: [], count: 0 }))
      const csv = await api.get(`/admin/trade-credit/reports/aging?format=csv`, { headers: admin.headers, responseType: "text", transformResponse: (x: any) => x })
      expect(parseCsv(csv.data)).toEqual([[...AGING_CSV_COLUMNS]])

      for (const query of [`as_of=${addDays(today, 2)}`, "as_of=yesterday", "format=xlsx", "currency_code=euro", "limit=0", "bogus=1"]) {
        const res = await failure(api.get(`/admin/trade-credit/reports/aging?${query}`, { headers: admin.headers }))
        expect([query, res.status]).toEqual([query, 400])
      }
      const future = await failure(api.get(`/admin/trade-credit/reports/aging?format=csv&as_of=${addDays(today, 2)}`, { headers: admin.headers }))
      expect(future.data.message).toMatch(/is after today/)

      for (const path of ["/admin/trade-credit/reports/aging", "/admin/trade-credit/reports/aging?format=csv"]) {
        const res = await failure(api.get(path))
        expect([path, res.status]).toEqual([path, 401])
      }
    })
  },
})
