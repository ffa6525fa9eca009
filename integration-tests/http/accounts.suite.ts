import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN } from "@medusajs/framework/utils"
import { LEDGER_OPERATIONS } from "../../src/modules/trade-credit/constants"
import {
  adminHeaders,
  buyer,
  customerGroup,
  failure,
  publishableKey,
  secretKeyHeaders,
  setStoreCurrencies,
} from "../helpers/fixtures"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let pk: string
    let acme: any

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      const container = getContainer()
      admin = await adminHeaders(api, container)
      await setStoreCurrencies(container)
      pk = await publishableKey(container)
      acme = await customerGroup(container, "Acme Builders")
    })

    const openAccount = async (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (
        await api.post("/admin/trade-credit/accounts", body, {
          headers: { ...admin.headers, ...headers },
        })
      ).data.account

    describe("authentication", () => {
      it("refuses requests without a token and customers on admin routes", async () => {
        expect((await failure(api.get("/admin/trade-credit/accounts"))).status).toBe(401)
        const b = await buyer(api, getContainer(), pk, "nosy@example.com")
        expect((await failure(api.get("/admin/trade-credit/accounts", { headers: b.headers }))).status).toBe(401)
        expect(
          (await failure(api.post("/admin/trade-credit/accounts", { customer_id: b.customer.id, currency_code: "eur" }, { headers: b.headers })))
            .status
        ).toBe(401)
        expect((await failure(api.get("/store/trade-credit/accounts", { headers: { "x-publishable-api-key": pk } }))).status).toBe(401)
      })

      it("records a secret API key (an ERP) as the actor", async () => {
        const erp = await secretKeyHeaders(getContainer(), "Sage connector")
        const res = await api.post(
          "/admin/trade-credit/accounts",
          { customer_group_id: acme.id, currency_code: "eur", credit_limit: 5000 },
          { headers: erp }
        )
        expect(res.status).toBe(201)
        const { data } = await api.get(`/admin/trade-credit/accounts/${res.data.account.id}/entries`, { headers: admin.headers })
        expect(data.entries[0].actor).toEqual(expect.objectContaining({ type: "erp", name: "Sage connector" }))
      })
    })

    describe("accounts", () => {
      it("opens a company account and shows it with its holder", async () => {
        const res = await api.post(
          "/admin/trade-credit/accounts",
          {
            customer_group_id: acme.id,
            currency_code: "EUR",
            credit_limit: 25000,
            payment_terms: { type: "net_days", net_days: 60, grace_days: 5 },
            reference: "ACME-0001",
          },
          { headers: admin.headers }
        )
        expect(res.status).toBe(201)
        expect(res.data.account).toEqual({
          id: expect.stringMatching(/^tcacc_/),
          customer_id: null,
          customer_group_id: acme.id,
          holder: { type: "customer_group", id: acme.id, name: "Acme Builders", email: null },
          currency_code: "eur",
          balance: 0,
          reserved: 0,
          available_credit: 25000,
          credit_limit: 25000,
          allow_exceed: false,
          over_limit_policy: null,
          overdue_policy: "block",
          status: "normal",
          payment_terms: { type: "net_days", net_days: 60, grace_days: 5 },
          reference: "ACME-0001",
          metadata: null,
          billing_email: null,
          reminders_paused: false,
          last_chased_at: null,
          next_chase_at: null,
          outstanding_orders_total: 0,
          outstanding_orders_count: 0,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        const { data } = await api.get(`/admin/trade-credit/accounts/${res.data.account.id}`, { headers: admin.headers })
        expect(data.account).toEqual(res.data.account)

        const entries = (await api.get(`/admin/trade-credit/accounts/${res.data.account.id}/entries`, { headers: admin.headers })).data
        expect(entries.entries).toEqual([
          expect.objectContaining({
            operation: "allocated",
            credit_limit_after: 25000,
            actor: { type: "user", id: expect.any(String), name: "Carla Controller" },
          }),
        ])
      })

      it("refuses bad input with a 400/404/409 naming the problem and writes nothing", async () => {
        const b = await buyer(api, getContainer(), pk, "solo@example.com")
        const cases: [Record<string, unknown>, number, RegExp][] = [
          [{ customer_group_id: "cusgroup_missing", currency_code: "eur" }, 404, /Customer group cusgroup_missing was not found/],
          [{ customer_id: "cus_missing", currency_code: "eur" }, 404, /Customer cus_missing was not found/],
          [{ customer_group_id: acme.id, currency_code: "gbp" }, 400, /currency_code gbp is not a currency of this store/],
          [{ customer_group_id: acme.id, currency_code: "eur", credit_limit: 100.001 }, 400, /credit_limit 100.001 has more decimals than EUR allows \(2\)/],
          [{ customer_group_id: acme.id, currency_code: "eur", credit_limit: "lots" }, 400, /credit_limit must be a finite decimal number/],
          [{ customer_group_id: acme.id, currency_code: "eur", credit_limit: -5 }, 400, /credit_limit must not be negative/],
          [{ customer_group_id: acme.id, customer_id: b.customer.id, currency_code: "eur" }, 400, /exactly one holder/],
          [{ customer_group_id: acme.id, currency_code: "eur", reference: "X".repeat(21) }, 400, /reference must be at most 20 characters/],
          [{ customer_group_id: acme.id, currency_code: "eur", balance: 100 }, 400, /balance/],
          [{ customer_group_id: acme.id, currency_code: "eur", payment_terms: { type: "net_days" } }, 400, /net_days/],
        ]
        for (const [body, status, message] of cases) {
          const res = await failure(api.post("/admin/trade-credit/accounts", body, { headers: admin.headers }))
          expect({ body, status: res.status }).toEqual({ body, status })
          expect(res.data.message).toMatch(message)
        }
        expect((await api.get("/admin/trade-credit/accounts", { headers: admin.headers })).data.count).toBe(0)

        await openAccount({ customer_group_id: acme.id, currency_code: "eur" })
        const dup = await failure(
          api.post("/admin/trade-credit/accounts", { customer_group_id: acme.id, currency_code: "eur" }, { headers: admin.headers })
        )
        expect(dup.status).toBe(409)
        expect(dup.data.message).toMatch(/already has a EUR credit account/)
        expect((await failure(api.get("/admin/trade-credit/accounts/tcacc_nope", { headers: admin.headers }))).status).toBe(404)
      })

      it("lists with search, filters and most-owed-first order", async () => {
        const container = getContainer()
        const tiles = await customerGroup(container, "Antwerp Tiles")
        const b = await buyer(api, container, pk, "jan.peeters@example.com")
        const a1 = await openAccount({ customer_group_id: acme.id, currency_code: "eur", credit_limit: 10000, reference: "ERP-77" })
        const a2 = await openAccount({ customer_group_id: tiles.id, currency_code: "eur", credit_limit: 5000, status: "query" })
        const a3 = await openAccount({ customer_id: b.customer.id, currency_code: "eur" })
        await api.post(`/admin/trade-credit/accounts/${a1.id}/adjustments`, { amount: -2500, comment: "Opening balance" }, { headers: admin.headers })
        await api.post(`/admin/trade-credit/accounts/${a2.id}/adjustments`, { amount: -4800, comment: "Opening balance" }, { headers: admin.headers })
        await api.post(`/admin/trade-credit/accounts/${a3.id}/reimbursements`, { amount: 120 }, { headers: admin.headers })

        const list = async (params: string) =>
          (await api.get(`/admin/trade-credit/accounts?${params}`, { headers: admin.headers })).data
        const ids = (data: any) => data.accounts.map((a: any) => a.id)

        expect(ids(await list("order=balance"))).toEqual([a2.id, a1.id, a3.id])
        expect(ids(await list("order=-balance"))).toEqual([a3.id, a1.id, a2.id])
        expect(ids(await list("q=antwerp"))).toEqual([a2.id])
        expect(ids(await list("q=jan.peeters"))).toEqual([a3.id])
        expect(ids(await list("q=erp-77"))).toEqual([a1.id])
        expect(ids(await list("holder_type=customer"))).toEqual([a3.id])
        expect(ids(await list("holder_type=customer_group&order=balance"))).toEqual([a2.id, a1.id])
        expect(ids(await list("balance[lt]=-1000&order=balance"))).toEqual([a2.id, a1.id])
        expect(ids(await list("balance[gte]=0"))).toEqual([a3.id])
        expect(ids(await list("available_credit[lte]=200&order=balance"))).toEqual([a2.id, a3.id])
        expect(ids(await list("status=query"))).toEqual([a2.id])
        expect(ids(await list(`customer_group_id=${acme.id}`))).toEqual([a1.id])
        const page = await list("order=balance&limit=2&offset=1")
        expect(page).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 1 }))
        expect(ids(page)).toEqual([a1.id, a3.id])
        expect((await failure(api.get("/admin/trade-credit/accounts?balance[lt]=abc", { headers: admin.headers }))).status).toBe(400)
      })

      it("updates settings with a required reason, writing allocated then updated", async () => {
        const account = await openAccount({ customer_group_id: acme.id, currency_code: "eur" })
        const url = `/admin/trade-credit/accounts/${account.id}`
        const noReason = await failure(api.post(url, { credit_limit: 100 }, { headers: admin.headers }))
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toMatch(/reason/)

        const first = await api.post(url, { credit_limit: 1500, reason: "Credit check passed" }, { headers: admin.headers })
        expect(first.data.entry).toEqual(expect.objectContaining({ operation: "allocated", comment: "Credit check passed" }))
        const second = await api.post(
          url,
          { status: "on_stop", allow_exceed: true, over_limit_policy: "block", reason: "Cheque bounced" },
          { headers: admin.headers }
        )
        expect(second.data.entry.operation).toBe("updated")
        expect(second.data.account).toEqual(
          expect.objectContaining({ status: "on_stop", allow_exceed: true, over_limit_policy: "block", credit_limit: 1500 })
        )
        const bad = await failure(api.post(url, { credit_limit: "1.234", reason: "x" }, { headers: admin.headers }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/credit_limit 1.234 has more decimals/)
        expect((await failure(api.post(`/admin/trade-credit/accounts/tcacc_nope`, { reason: "x", status: "query" }, { headers: admin.headers }))).status).toBe(404)
      })
    })

    describe("reimbursements and adjustments", () => {
      it("reimburses (also negative), edits the note, and refuses malformed amounts", async () => {
        const account = await openAccount({ customer_group_id: acme.id, currency_code: "eur", credit_limit: 1000 })
        const base = `/admin/trade-credit/accounts/${account.id}`
        await api.post(`${base}/adjustments`, { amount: -400, comment: "Invoice 1001" }, { headers: admin.headers })
        const paid = await api.post(`${base}/reimbursements`, { amount: 250.5, reference: "BANK-1", comment: "Wire" }, { headers: admin.headers })
        expect(paid.status).toBe(201)
        expect(paid.data.account).toEqual(expect.objectContaining({ balance: -149.5, available_credit: 850.5 }))
        expect(paid.data.entry).toEqual(
          expect.objectContaining({ operation: "reimbursed", amount: 250.5, balance_after: -149.5, reference: "BANK-1" })
        )
        const correction = await api.post(`${base}/reimbursements`, { amount: "-0.50", comment: "Bank fee" }, { headers: admin.headers })
        expect(correction.data.account.balance).toBe(-150)

        const edited = await api.post(
          `${base}/reimbursements/${paid.data.entry.id}`,
          { reference: "BANK-1-FIX", comment: "Wire of 12 Nov" },
          { headers: admin.headers }
        )
        expect(edited.data.entry).toEqual(
          expect.objectContaining({ reference: "BANK-1-FIX", comment: "Wire of 12 Nov", amount: 250.5 })
        )
        const adjustmentEntry = (await api.get(`${base}/entries?operation=adjusted`, { headers: admin.headers })).data.entries[0]
        // Every ledger operation is a filter value of the history (`captured` included).
        for (const operation of LEDGER_OPERATIONS) {
          const page = await api.get(`${base}/entries?operation=${operation}`, { headers: admin.headers })
          expect(page.status).toBe(200)
          expect(page.data.entries.map((e: any) => e.operation)).toEqual(page.data.entries.map(() => operation))
        }
        const notReimbursement = await failure(
          api.post(`${base}/reimbursements/${adjustmentEntry.id}`, { comment: "x" }, { headers: admin.headers })
        )
        expect(notReimbursement.status).toBe(400)
        expect(notReimbursement.data.message).toMatch(/Only reimbursements can be edited/)
        expect(
          (await failure(api.post(`${base}/reimbursements/${paid.data.entry.id}`, { amount: 1 }, { headers: admin.headers }))).status
        ).toBe(400)

        for (const [amount, message] of [
          [1.234, /amount 1.234 has more decimals than EUR allows/],
          ["12,50", /amount must be a finite decimal number/],
          [0, /amount must not be zero/],
          [null, /amount/],
          [{ value: 1 }, /amount/],
        ] as const) {
          const res = await failure(api.post(`${base}/reimbursements`, { amount }, { headers: admin.headers }))
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(message)
        }
        const noComment = await failure(api.post(`${base}/adjustments`, { amount: 5 }, { headers: admin.headers }))
        expect(noComment.status).toBe(400)
        expect(noComment.data.message).toMatch(/comment/)
        expect((await failure(api.post(`/admin/trade-credit/accounts/tcacc_nope/reimbursements`, { amount: 5 }, { headers: admin.headers }))).status).toBe(404)

        const { data } = await api.get(`${base}`, { headers: admin.headers })
        expect(data.account.balance).toBe(-150)
        const all = (await api.get(`${base}/entries?limit=50`, { headers: admin.headers })).data.entries
        expect(all.map((e: any) => e.operation)).toEqual(["reimbursed", "reimbursed", "adjusted", "allocated"])
      })

      it("replays an Idempotency-Key, refuses it with another body, and writes once under 10 parallel retries", async () => {
        const account = await openAccount({ customer_group_id: acme.id, currency_code: "eur" })
        const url = `/admin/trade-credit/accounts/${account.id}/reimbursements`
        const headers = { ...admin.headers, "idempotency-key": "bank-import-2026-11-23-001" }
        const first = await api.post(url, { amount: 99.99, reference: "B1" }, { headers })
        const second = await api.post(url, { amount: 99.99, reference: "B1" }, { headers })
        expect(second.data.entry.id).toBe(first.data.entry.id)
        expect(second.data.account.balance).toBe(99.99)
        const conflict = await failure(api.post(url, { amount: 100, reference: "B1" }, { headers }))
        expect(conflict.status).toBe(409)
        expect(conflict.data.message).toMatch(/already used for a different request/)

        const parallelHeaders = { ...admin.headers, "idempotency-key": "parallel-key" }
        const results = await Promise.all(
          Array.from({ length: 10 }, () => api.post(url, { amount: 10, reference: "P" }, { headers: parallelHeaders }))
        )
        expect(new Set(results.map((r: any) => r.data.entry.id)).size).toBe(1)
        const { data } = await api.get(`${url.replace("/reimbursements", "")}/entries?limit=50&operation=reimbursed`, { headers: admin.headers })
        expect(data.entries).toHaveLength(2)
        expect((await api.get(url.replace("/reimbursements", ""), { headers: admin.headers })).data.account.balance).toBe(109.99)
      })

      it("ends 50 parallel reimbursements and adjustments with the exact balance and 50 entries", async () => {
        const account = await openAccount({ customer_group_id: acme.id, currency_code: "eur", credit_limit: 100000 })
        const base = `/admin/trade-credit/accounts/${account.id}`
        const amounts = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? "-33.33" : "17.01"))
        const responses = await Promise.all(
          amounts.map((amount, i) =>
            i % 2
              ? api.post(`${base}/reimbursements`, { amount, reference: `R${i}` }, { headers: admin.headers })
              : api.post(`${base}/adjustments`, { amount, comment: `A${i}` }, { headers: admin.headers })
          )
        )
        expect(responses.every((r: any) => r.status === 201)).toBe(true)
        const expected = amounts.reduce((s, a) => MathBN.add(s, a), MathBN.convert(0)).toNumber()
        const { data } = await api.get(base, { headers: admin.headers })
        expect(data.account.balance).toBe(expected)
        expect(data.account.available_credit).toBe(MathBN.add(100000, expected).toNumber())

        const entries: any[] = []
        let cursor: string | null = null
        do {
          const page: any = (await api.get(`${base}/entries?limit=17${cursor ? `&cursor=${cursor}` : ""}`, { headers: admin.headers })).data
          entries.push(...page.entries)
          cursor = page.next_cursor
        } while (cursor)
        const postings = entries.filter((e) => e.operation !== "allocated")
        expect(postings).toHaveLength(50)
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
        expect(postings.reduce((s, e) => MathBN.add(s, e.amount), MathBN.convert(0)).toNumber()).toBe(expected)
        expect(entries[0].balance_after).toBe(expected)
        expect((await failure(api.get(`${base}/entries?cursor=bogus`, { headers: admin.headers }))).status).toBe(400)
      })

      it("opens the credit history at one entry (from_entry) for a link to it, and refuses another account's entry", async () => {
        const account = await openAccount({ customer_group_id: acme.id, currency_code: "eur", credit_limit: 1000 })
        const other = await openAccount({ customer_group_id: acme.id, currency_code: "usd", credit_limit: 1000 })
        const base = `/admin/trade-credit/accounts/${account.id}`
        for (let i = 1; i <= 7; i++) {
          await api.post(`${base}/adjustments`, { amount: i, comment: `A${i}` }, { headers: admin.headers })
        }
        const all: any[] = (await api.get(`${base}/entries?limit=50`, { headers: admin.headers })).data.entries
        const at = all.findIndex((e) => e.comment === "A3")
        expect(at).toBeGreaterThan(0)

        // The page starts at the entry, then older ones; the next page continues from there.
        const first = (await api.get(`${base}/entries?limit=2&from_entry=${all[at].id}`, { headers: admin.headers })).data
        expect(first.entries.map((e: any) => e.id)).toEqual([all[at].id, all[at + 1].id])
        expect(first.has_more).toBe(true)
        const next = (await api.get(`${base}/entries?limit=2&cursor=${first.next_cursor}`, { headers: admin.headers })).data
        expect(next.entries.map((e: any) => e.id)).toEqual(all.slice(at + 2, at + 4).map((e) => e.id))

        const foreign = (await api.get(`/admin/trade-credit/accounts/${other.id}/entries?limit=1`, { headers: admin.headers })).data.entries[0]
        const notHere = await failure(api.get(`${base}/entries?from_entry=${foreign.id}`, { headers: admin.headers }))
        expect(notHere.status).toBe(404)
        expect(notHere.data.message).toBe(`Entry ${foreign.id} is not in the credit history of account ${account.id}.`)
        const both = await failure(api.get(`${base}/entries?from_entry=${all[at].id}&cursor=${first.next_cursor}`, { headers: admin.headers }))
        expect(both.status).toBe(400)
        expect(both.data.message).toMatch(/either cursor .* or from_entry/)
      })
    })

    describe("store", () => {
      it("shows a buyer their own and their company's accounts, and 404s anyone else's", async () => {
        const container = getContainer()
        const other = await customerGroup(container, "Other Co")
        const alice = await buyer(api, container, pk, "alice@acme.example", [acme.id])
        const bob = await buyer(api, container, pk, "bob@other.example", [other.id])
        const company = await openAccount({ customer_group_id: acme.id, currency_code: "eur", credit_limit: 5000 })
        const personal = await openAccount({ customer_id: alice.customer.id, currency_code: "eur" })
        const bobs = await openAccount({ customer_group_id: other.id, currency_code: "eur", credit_limit: 100 })
        await api.post(`/admin/trade-credit/accounts/${company.id}/adjustments`, { amount: -1200, comment: "Order 17" }, { headers: admin.headers })

        const { data } = await api.get("/store/trade-credit/accounts", { headers: alice.headers })
        expect(data.accounts.map((a: any) => a.id).sort()).toEqual([company.id, personal.id].sort())
        expect(data.accounts.find((a: any) => a.id === company.id)).toEqual(
          expect.objectContaining({
            balance: -1200,
            credit_limit: 5000,
            available_credit: 3800,
            currency_code: "eur",
            status: "normal",
            payment_terms: { type: "net_days", net_days: 30, grace_days: 0 },
          })
        )
        expect(data.accounts[0].metadata).toBeUndefined()

        const history = await api.get(`/store/trade-credit/accounts/${company.id}/entries`, { headers: alice.headers })
        expect(history.data.entries.map((e: any) => e.operation)).toEqual(["adjusted", "allocated"])

        const probe = await failure(api.get(`/store/trade-credit/accounts/${company.id}/entries`, { headers: bob.headers }))
        expect(probe.status).toBe(404)
        const unknown = await failure(api.get(`/store/trade-credit/accounts/tcacc_nope/entries`, { headers: bob.headers }))
        expect(unknown).toEqual(probe.status === 404 ? expect.objectContaining({ status: 404 }) : unknown)
        expect(probe.data.message).toBe(`Trade credit account ${company.id} was not found.`)
        const bobsView = await api.get("/store/trade-credit/accounts", { headers: bob.headers })
        expect(bobsView.data.accounts.map((a: any) => a.id)).toEqual([bobs.id])
      })
    })
  },
})
