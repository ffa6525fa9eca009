import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { INTERNAL_KEY_PREFIXES } from "../../src/modules/trade-credit/utils/idempotency-keys"
import { cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"
import { adminHeaders, customerGroup, failure, setStoreCurrencies } from "../helpers/fixtures"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/** What the API must refuse with 400 and still answer (never a 5xx), writing nothing. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ledgerCount = async () => {
      const tradeCredit = getContainer().resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const [, count] = await tradeCredit.listAndCountTradeCreditLedgerEntries({}, { take: 1 })
      return count
    }

    it("shows a buyer the store's own entry shape: no changes, reasons, internal references or admin names", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account } = await companyWithBuyer(api, container, {
        company: "Utrecht Timber",
        email: "alice@utrecht.example",
        credit_limit: 5000,
      })
      const url = `/admin/trade-credit/accounts/${account.id}`
      await api.post(
        url,
        { credit_limit: 6000, over_limit_policy: "hold", reference: "INT-RISK-7", metadata: { risk: "watchlist" }, reason: "Internal: owner has a county court judgment" },
        { headers: admin.headers }
      )
      await api.post(`${url}/reimbursements`, { amount: 100, reference: "BANK-0042", comment: "Thank you for your payment" }, { headers: admin.headers })
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")

      const { data } = await api.get(`/store/trade-credit/accounts/${account.id}/entries`, { headers: alice.headers })
      const byOp = Object.fromEntries(data.entries.map((e: any) => [e.operation, e]))
      expect(Object.keys(byOp).sort()).toEqual(["allocated", "purchased", "reimbursed", "updated"])
      for (const entry of data.entries) {
        expect(Object.keys(entry).sort()).toEqual(
          [
            "id", "operation", "amount", "currency_code", "balance_after", "available_credit_after", "credit_limit_after",
            "order_id", "order_display_id", "reference", "comment", "actor", "created_at",
          ].sort()
        )
      }
      expect(byOp.updated).toEqual(expect.objectContaining({ amount: 0, credit_limit_after: 6000, reference: null, comment: null, actor: { type: "merchant", id: null, name: null } }))
      expect(byOp.allocated.actor).toEqual({ type: "merchant", id: null, name: null })
      expect(byOp.reimbursed).toEqual(
        expect.objectContaining({ amount: 100, reference: "BANK-0042", comment: "Thank you for your payment", actor: { type: "merchant", id: null, name: null } })
      )
      expect(byOp.purchased).toEqual(
        expect.objectContaining({
          order_id: placed.order.id,
          order_display_id: placed.order.display_id,
          actor: expect.objectContaining({ type: "customer", id: alice.customer.id }),
        })
      )
      const text = JSON.stringify(data)
      for (const secret of ["changes", "over_limit", "reserved", "watchlist", "INT-RISK-7", "county court", "Carla", admin.user.id]) {
        expect(text).not.toContain(secret)
      }
      // The admin still sees everything.
      const adminView = (await api.get(`${url}/entries`, { headers: admin.headers })).data.entries
      expect(adminView.find((e: any) => e.operation === "updated")).toEqual(
        expect.objectContaining({ comment: "Internal: owner has a county court judgment", actor: expect.objectContaining({ name: "Carla Controller" }) })
      )
    })

    describe("without a storefront", () => {
      let admin: { headers: Record<string, string>; user: any }
      beforeEach(async () => {
        admin = await adminHeaders(api, getContainer())
        await setStoreCurrencies(getContainer())
      })
      const open = async (groupName: string, body: Record<string, unknown> = {}) => {
        const group = await customerGroup(getContainer(), groupName)
        return client.openAccount(api, admin.headers, { customer_group_id: group.id, credit_limit: 1000, ...body })
      }

      it("caps list limits at 200 and answers 400 for bad paging, ordering and fields", async () => {
        await open("Acme Builders")
        for (const path of ["/admin/trade-credit/accounts", "/admin/trade-credit/reviews"]) {
          for (const [query, message] of [
            ["limit=100000", /'limit' too big, expected at most: '200'/],
            ["limit=201", /'limit' too big, expected at most: '200'/],
            ["limit=-1", /'limit' too small, expected at least: '1'/],
            ["limit=abc", /Expected type: 'number' for field 'limit'/],
            ["offset=-5", /'offset' too small, expected at least: '0'/],
            ["order=nope", /order must be one of/],
            ["order=-nope", /order must be one of/],
            ["order=customer.email", /order must be one of/],
            ["fields=*entries,id", /fields may only name/],
            ["fields=%2Bcustomer.groups", /fields may only name/],
          ] as const) {
            const res = await failure(api.get(`${path}?${query}`, { headers: admin.headers }))
            expect([path, query, res.status]).toEqual([path, query, 400])
            expect(res.data.message).toMatch(message)
          }
          expect((await api.get(`${path}?limit=200&offset=0&order=-created_at`, { headers: admin.headers })).status).toBe(200)
        }
        const listed = await api.get("/admin/trade-credit/accounts?order=-balance&fields=id,balance", { headers: admin.headers })
        expect(listed.data.accounts).toHaveLength(1)
        const one = await failure(api.get(`/admin/trade-credit/accounts/${listed.data.accounts[0].id}?fields=*entries`, { headers: admin.headers }))
        expect(one.status).toBe(400)
      })

      it("refuses control characters in every free text field with 400, allowing tabs and line breaks in comments", async () => {
        const account = await open("Acme Builders")
        const base = `/admin/trade-credit/accounts/${account.id}`
        const { data: paid } = await api.post(`${base}/reimbursements`, { amount: 10, reference: "R-1" }, { headers: admin.headers })
        const before = await ledgerCount()
        const nul = "A\u0000B"
        const group = await customerGroup(getContainer(), "Other Co")
        const cases: [string, string, Record<string, unknown>][] = [
          ["post", "/admin/trade-credit/accounts", { customer_group_id: group.id, currency_code: "eur", reference: nul }],
          ["post", "/admin/trade-credit/accounts", { customer_group_id: group.id, currency_code: "eur", comment: nul }],
          ["post", "/admin/trade-credit/accounts", { customer_group_id: group.id, currency_code: "eur", metadata: { note: nul } }],
          ["post", "/admin/trade-credit/accounts", { customer_group_id: nul, currency_code: "eur" }],
          ["post", base, { reference: nul, reason: "x" }],
          ["post", base, { credit_limit: 5, reason: `a${nul}` }],
          ["post", `${base}/reimbursements`, { amount: 1, reference: nul }],
          ["post", `${base}/reimbursements`, { amount: 1, reference: "tab\there" }],
          ["post", `${base}/reimbursements`, { amount: 1, comment: nul }],
          ["post", `${base}/reimbursements`, { amount: 1, comment: "bell\u0007" }],
          ["post", `${base}/reimbursements/${paid.entry.id}`, { reference: nul }],
          ["post", `${base}/reimbursements/${paid.entry.id}`, { comment: nul }],
          ["post", `${base}/adjustments`, { amount: 1, comment: nul }],
          ["post", `/admin/trade-credit/reviews/tcrev_x/release`, { comment: nul }],
          ["post", `/admin/trade-credit/reviews/tcrev_x/reject`, { comment: nul }],
          ["get", `/admin/trade-credit/accounts?q=${encodeURIComponent(nul)}`, {}],
          ["get", `/admin/trade-credit/accounts?customer_id=${encodeURIComponent(nul)}`, {}],
          ["get", `/admin/trade-credit/reviews?order_id=${encodeURIComponent(nul)}`, {}],
          ["get", `${base}/entries?cursor=${encodeURIComponent(nul)}`, {}],
        ]
        for (const [method, path, body] of cases) {
          const res = await failure(method === "get" ? api.get(path, { headers: admin.headers }) : api.post(path, body, { headers: admin.headers }))
          expect([path, body, res.status]).toEqual([path, body, 400])
          expect(res.data.message).toMatch(/must not contain (control|NUL) characters/)
        }
        expect(await ledgerCount()).toBe(before)

        const multiLine = await api.post(`${base}/adjustments`, { amount: 1, comment: "Line one\n\tLine two\r\nEnd" }, { headers: admin.headers })
        expect(multiLine.status).toBe(201)
        expect(multiLine.data.entry.comment).toBe("Line one\n\tLine two\r\nEnd")

        // The module holds the same rule for callers that aren't HTTP requests.
        const tradeCredit = getContainer().resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
        await expect(
          tradeCredit.postLedgerEntry({ account_id: account.id, operation: "adjusted", amount: "1", comment: nul, actor: { type: "system" } })
        ).rejects.toThrow(/comment must not contain control characters \(found U\+0000\)/)
        await expect(
          tradeCredit.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: "1", reference: "a\nb", actor: { type: "system" } })
        ).rejects.toThrow(/reference must not contain control characters \(found U\+000A\)/)
        expect(await ledgerCount()).toBe(before + 1)
      })

      it("searches q as text: %, _ and \\ match only themselves", async () => {
        const acme = await open("Acme Builders", { reference: "ACME-0001" })
        const half = await open("Half_Price Tiles")
        const pct = await open("Other Co", { reference: "100%-CASH" })
        const ids = async (q: string) =>
          (await api.get(`/admin/trade-credit/accounts?q=${encodeURIComponent(q)}`, { headers: admin.headers })).data.accounts
            .map((a: any) => a.id)
            .sort()
        expect(await ids("acme")).toEqual([acme.id])
        expect(await ids("_")).toEqual([half.id])
        expect(await ids("%")).toEqual([pct.id])
        expect(await ids("0%-")).toEqual([pct.id])
        expect(await ids("\\")).toEqual([])
        // As patterns these would match "Half_Price Tiles" and every account.
        expect(await ids("a_f")).toEqual([])
        expect(await ids("f%p")).toEqual([])
      })

      it("refuses client Idempotency-Keys in the plugin's reserved namespace", async () => {
        const account = await open("Acme Builders")
        const before = await ledgerCount()
        for (const prefix of [...INTERNAL_KEY_PREFIXES, "CAPTURE"]) {
          const res = await failure(
            api.post(`/admin/trade-credit/accounts/${account.id}/reimbursements`, { amount: 1 }, { headers: { ...admin.headers, "idempotency-key": `${prefix}:payses_123` } })
          )
          expect([prefix, res.status]).toEqual([prefix, 400])
          expect(res.data.message).toMatch(/Idempotency-Key must not start with .*"capture:"/)
        }
        expect(await ledgerCount()).toBe(before)
        const own = await api.post(
          `/admin/trade-credit/accounts/${account.id}/reimbursements`,
          { amount: 1 },
          { headers: { ...admin.headers, "idempotency-key": "erp-capture:payses_123" } }
        )
        expect(own.status).toBe(201)
      })
    })
  },
})
