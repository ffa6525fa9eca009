import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { seedStorefront } from "../../src/scripts/demo/storefront"
import { COMPANIES, ensureAccount, ensureBuyer, ensureCustomerGroup, ensureGroupMembers } from "../../src/scripts/demo/people"
import { ensureDemoInvoices } from "../../src/scripts/demo/invoices"
import { addDays, calendarDay } from "../../src/modules/trade-credit/utils/due-dates"
import { adminHeaders } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * The demo seed's invoices (src/scripts/demo/invoices.ts): real orders on
 * account, back-dated into every state, consistent with the ledger, and a
 * second run adds nothing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("places the demo's orders on account, back-dates their invoices into each state, pays one, and a second run adds nothing", async () => {
      const container = getContainer()
      const admin = await adminHeaders(api, container)
      const created: string[] = []
      const note = (what: string, isNew: boolean) => isNew && created.push(what)
      const { region, salesChannel } = await seedStorefront(container)
      const company = COMPANIES.find((c) => c.slug === "utrecht-roofing")!
      const run = async () => {
        const group = await ensureCustomerGroup(container, company, note)
        const [b] = company.buyers
        const customer = await ensureBuyer(container, b, { ...company.address, company: company.name }, company.name, note)
        await ensureGroupMembers(container, group.id, [customer.id], note)
        const account = await ensureAccount(container, { customer_group_id: group.id }, company.slug, company.account, note)
        await ensureDemoInvoices(
          container,
          {
            slug: company.slug,
            account_id: account.id,
            customer: { id: customer.id, email: b.email, first_name: b.first_name, last_name: b.last_name },
            shipping_address: { ...company.address, company: company.name },
            region_id: region.id,
            sales_channel_id: salesChannel.id,
            invoices: company.invoices!,
          },
          note
        )
        return account
      }

      const account = await run()
      const today = calendarDay(new Date())
      const { invoices } = await client.listInvoices(api, admin.headers, { account_id: account.id, order: "due_at" })
      expect(invoices.map((i: any) => [i.due_date, i.status, i.overdue, i.days_overdue])).toEqual([
        [addDays(today, -10), "open", true, 10],
        [addDays(today, 0), "open", false, 0],
        [addDays(today, 4), "open", false, 0],
        [addDays(today, 12), "paid", false, 0],
      ])
      // Issued 30 days before the due date (net 30), each for a real order.
      for (const i of invoices) {
        expect([i.number, calendarDay(new Date(i.issued_at))]).toEqual([i.number, addDays(i.due_date, -30)])
        expect(i.order_id).toMatch(/^order_/)
      }
      const paid = await client.getInvoice(api, admin.headers, invoices[3].id)
      expect(paid.allocations).toEqual([expect.objectContaining({ kind: "payment", operation: "reimbursed", reference: paid.number, amount: paid.amount })])

      // The ledger agrees: what the account owes is its open invoices, and the reconciliation is clean.
      const owed = invoices.slice(0, 3).reduce((s: number, i: any) => s + Math.round(i.amount_open * 100), 0) / 100
      expect((await client.getAccount(api, admin.headers, account.id)).balance).toBe(-owed)
      const reconciliation = await client.reconciliation(api, admin.headers, { grace_seconds: 0 })
      expect([reconciliation.ok, reconciliation.differences]).toEqual([true, []])
      const report = await client.agingReport(api, admin.headers)
      expect(report.accounts).toEqual([
        expect.objectContaining({ account_id: account.id, status: "normal", open_invoices: 3, average_days_to_pay: 18 }),
      ])
      expect(report.accounts[0].oldest_overdue_invoice).toEqual(expect.objectContaining({ id: invoices[0].id, days_overdue: 10 }))

      // A second run reuses everything.
      created.length = 0
      await run()
      expect(created).toEqual([])
      const again = await client.listInvoices(api, admin.headers, { account_id: account.id, order: "due_at" })
      expect(again.invoices).toEqual(invoices)
    })
  },
})
