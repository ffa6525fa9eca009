import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { runningCatcher } from "../helpers/mail"
import { sendDebtorsReportWorkflow } from "../../src/workflows/send-debtors-report"
import { isoWeek } from "../../src/modules/trade-credit/utils/debtors-report"
import { adminHeaders, buyer, customerGroup, failure } from "../helpers/fixtures"
import { cartReadyToPay, complete, storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * The debtors report e-mail (option `report_recipients`, set here through
 * TRADE_CREDIT_REPORT_RECIPIENTS) against a real SMTP server (both set up by
 * mail-app.spec.ts, which runs this file):
 * POST /admin/trade-credit/reports/aging/send, and the weekly send (workflow
 * send-trade-credit-debtors-report with the ISO week) once per week even
 * when two runs race, a failed send retried by the next run.
 */
const catcher = runningCatcher()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let alice: Awaited<ReturnType<typeof buyer>>

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      const container = getContainer()
      admin = await adminHeaders(api, container)
      shop = await storefront(container)
      const company = await customerGroup(container, "Bruges Brickworks")
      alice = await buyer(api, container, shop.pk, "alice@bruges.example", [company.id])
      await client.openAccount(api, admin.headers, { customer_group_id: company.id, credit_limit: 100000 })
    })

    // Per test: the order's subscribers run after the answer, and must not be cut off by the snapshot.
    beforeEach(async () => {
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity: 2 })).id)
      expect(placed.type).toBe("order")
      catcher.messages.length = 0
      catcher.refuse = null
    })

    it("sends the report now to the recipients, with the summary and the aging CSV attached", async () => {
      const res = await api.post("/admin/trade-credit/reports/aging/send", {}, { headers: admin.headers })
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ sent: true, recipients: ["finance@shop.example", "owner@shop.example"] })
      const [mail] = await catcher.waitFor(1)
      expect(mail.envelope.to.sort()).toEqual(["finance@shop.example", "owner@shop.example"])
      const report = await client.agingReport(api, admin.headers)
      expect(mail.subject).toMatch(new RegExp(`debtors report as of ${report.as_of}$`))
      expect(mail.text).toContain("Bruges Brickworks")
      expect(mail.text).toMatch(/EUR: .* open on 1 invoice\(s\) of 1 account\(s\)/)
      expect(mail.html).toContain("Top debtors (1 of 1)")
      expect(mail.attachments).toHaveLength(1)
      const [csv] = mail.attachments
      expect(csv.filename).toBe(`aging-${report.as_of}.csv`)
      expect(csv.contentType).toMatch(/^text\/csv/)
      // The same CSV as GET /admin/trade-credit/reports/aging?format=csv.
      const download = await api.get("/admin/trade-credit/reports/aging?format=csv", { headers: admin.headers, responseType: "text" })
      expect(csv.content.toString("utf8")).toBe(download.data)
      expect(csv.content.toString("utf8").split("\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual(["row_type", "account", "total"])

      // Sending now again sends again (it is not the weekly send).
      expect((await api.post("/admin/trade-credit/reports/aging/send", {}, { headers: admin.headers })).data.sent).toBe(true)
      await catcher.waitFor(2)
    })

    it("sends the weekly report once per ISO week, even with two runs at once, and retries a failed send", async () => {
      const container = getContainer()
      const week = isoWeek("2026-11-30")
      expect(week).toBe("2026-W49")
      catcher.refuse = { stage: "rcpt" }
      const failed = await sendDebtorsReportWorkflow(container).run({ input: { period: week } })
      expect(failed.result).toEqual(expect.objectContaining({ sent: false, error: expect.any(String) }))
      catcher.refuse = null

      const runs = await Promise.all([
        sendDebtorsReportWorkflow(container).run({ input: { period: week } }),
        sendDebtorsReportWorkflow(container).run({ input: { period: week } }),
      ])
      expect(runs.map((r) => r.result.sent).sort()).toEqual([false, true])
      await catcher.waitFor(1)
      const again = await sendDebtorsReportWorkflow(container).run({ input: { period: week } })
      expect(again.result).toEqual(expect.objectContaining({ sent: false, skipped: "already_claimed" }))
      // Both runs have returned (a send is made inside the run): one e-mail.
      expect(catcher.messages).toHaveLength(1)
      // The next week is a report of its own.
      expect((await sendDebtorsReportWorkflow(container).run({ input: { period: "2026-W50" } })).result.sent).toBe(true)
      await catcher.waitFor(2)
      // A refused body changes nothing and sends nothing.
      const bad = await failure(api.post("/admin/trade-credit/reports/aging/send", { recipients: ["x@evil.example"] }, { headers: admin.headers }))
      expect(bad.status).toBe(400)
      expect(catcher.messages).toHaveLength(2)
    })
  },
})
