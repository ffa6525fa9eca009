import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN } from "@medusajs/framework/utils"
import { buyer, customerGroup, eventually, failure } from "../helpers/fixtures"
import { ON_ACCOUNT, adminAndShopOncePerFile, cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"
import {
  APPROVED_TOKEN,
  DECLINED_TOKEN,
  enableInRegion,
  TEST_CARD,
  TEST_CARD_ELSEWHERE,
  TEST_CARD_UNLISTED,
} from "../helpers/test-card"
import { captureMode } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/** Listed in the test allow-list (medusa-config.ts) but not registered: a provider the store removed. */
const TEST_CARD_RETIRED = "pp_test-card_retired"

/**
 * Card payment of the excess: "lets the buyer near their limit clear the difference up front to
 * release a held order". The card provider is the test provider
 * (integration-tests/helpers/test-card-provider), which models a card
 * processor: only a card the processor approved authorizes, and the capture
 * is the processor's answer. The test config allows it for card payments
 * toward accounts, with up to 1000 EUR in advance (medusa-config.ts).
 */
// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    /** A company with a buyer and an account, the test card enabled in the EUR region. */
    const setup = async (company: string, email: string, credit_limit: number) => {
      const container = getContainer()
      const world = await companyWithBuyer(api, container, { company, email, credit_limit }, base())
      await enableInRegion(container, world.shop.regionId, [TEST_CARD, TEST_CARD_UNLISTED])
      const getAccount = () => client.getAccount(api, world.admin.headers, world.account.id)
      const entries = () => client.allEntries(api, world.admin.headers, world.account.id)
      const start = (body: Record<string, unknown>, headers = world.buyer.headers) =>
        api.post(`/store/trade-credit/accounts/${world.account.id}/card-payments`, body, { headers })
      const completeUrl = (id: string) => `/store/trade-credit/accounts/${world.account.id}/card-payments/${id}/complete`
      return { ...world, container, getAccount, entries, start, completeUrl }
    }

    it("pays the part of a held order above the limit by card, which releases it; a payment short of it leaves it held, saying why", async () => {
      const { admin, shop, buyer: alice, account, getAccount, entries, start, completeUrl } = await setup("Breda Tiles", "alice@breda.example", 10)
      const cardPayment = async (amount: number | string, release_order_id?: string) => {
        const started = await start({ amount, provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } })
        expect(started.status).toBe(201)
        const url = completeUrl(started.data.card_payment.id)
        const completed = await api.post(url, { release_order_id }, { headers: alice.headers })
        return { started: started.data.card_payment, completed: completed.data, url }
      }

      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      const [review] = (await api.get("/admin/trade-credit/reviews?status=pending", { headers: admin.headers })).data.reviews
      expect(review.order_id).toBe(placed.order.id)
      const charged = MathBN.convert(placed.order.total, 2)

      // The cap counts the held order: it and 1000 EUR in advance, not a cent more.
      const cap = MathBN.add(charged, 1000)
      const over = await failure(start({ amount: MathBN.add(cap, "0.01").toFixed(2), provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } }))
      expect(over.status).toBe(400)
      expect(over.data.message).toContain(`at most ${cap.toFixed(2)} EUR`)

      // 5 EUR by card: credited at once, but not enough to cover the order, which stays held.
      const short = await cardPayment(5, placed.order.id)
      expect(short.started).toEqual(
        expect.objectContaining({ account_id: account.id, amount: 5, currency_code: "eur", payment_session: expect.objectContaining({ provider_id: TEST_CARD }) })
      )
      expect(short.completed.released_order_id).toBeNull()
      expect(short.completed.reason).toMatch(/Not enough available credit to release this order: 15\.00 EUR available/)
      expect(short.completed.entry).toEqual(
        expect.objectContaining({ operation: "reimbursed", amount: 5, comment: "Paid by card", actor: expect.objectContaining({ type: "customer", id: alice.customer.id }) })
      )
      expect((await getAccount()).available_credit).toBe(15)
      const pending = (await api.get("/admin/trade-credit/reviews?status=pending", { headers: admin.headers })).data
      expect(pending.count).toBe(1)
      expect(pending.reviews[0].decided_by).toBeNull()

      // The rest of the amount over the limit: the order is released, with the buyer as the one who cleared it.
      const rest = MathBN.sub(charged, 15).toNumber()
      const covering = await cardPayment(rest, placed.order.id)
      expect(covering.completed.released_order_id).toBe(placed.order.id)
      expect(covering.completed.reason).toBeNull()
      expect(covering.completed.account).toEqual(expect.objectContaining({ balance: MathBN.sub(MathBN.add(5, rest), charged).toNumber(), available_credit: 0 }))
      const [released] = (await api.get(`/admin/trade-credit/reviews?order_id=${placed.order.id}`, { headers: admin.headers })).data.reviews
      expect(released).toEqual(expect.objectContaining({ status: "released", decided_by: expect.objectContaining({ type: "customer", id: alice.customer.id }) }))
      const order = (await api.get(`/admin/orders/${placed.order.id}?fields=id,payment_status`, { headers: admin.headers })).data.order
      expect(order.payment_status).toBe("captured")

      // Completing again credits nothing twice.
      const again = await api.post(covering.url, { release_order_id: placed.order.id }, { headers: alice.headers })
      expect(again.data.entry.id).toBe(covering.completed.entry.id)
      const history = await entries()
      expect(history.map((e: any) => e.operation)).toEqual(["purchased", "reimbursed", "reimbursed", "allocated"])
      expect(history[0]).toEqual(expect.objectContaining({ order_id: placed.order.id, amount: -charged.toNumber(), over_limit: false }))
      // Both card payments are captured in Medusa, with no order: they paid the account.
      const { data: cards } = await getContainer().resolve("query").graph({
        entity: "payment_collection",
        fields: ["id", "status", "captured_amount"],
        filters: { id: [short.started.id, covering.started.id] },
      })
      expect(cards.map((c: any) => c.status).sort()).toEqual(["completed", "completed"])
    })

    it("a buyer's card payment never releases a held order while the account is on stop; it stays held", async () => {
      const { admin, shop, buyer: alice, account, getAccount, entries, start, completeUrl } = await setup("Gouda Bricks", "alice@gouda.example", 10)
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      const charged = MathBN.convert(placed.order.total, 2)
      await api.post(`/admin/trade-credit/accounts/${account.id}`, { status: "on_stop", reason: "Invoices overdue" }, { headers: admin.headers })

      // Enough to cover the order, but the account is on stop.
      const { data } = await start({ amount: MathBN.sub(charged, 10).toFixed(2), provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } })
      const completed = await api.post(completeUrl(data.card_payment.id), { release_order_id: placed.order.id }, { headers: alice.headers })
      expect(completed.status).toBe(200)
      expect(completed.data.entry).toEqual(expect.objectContaining({ operation: "reimbursed" }))
      expect(completed.data.released_order_id).toBeNull()
      expect(completed.data.reason).toMatch(/on stop/)

      const [review] = (await api.get(`/admin/trade-credit/reviews?order_id=${placed.order.id}`, { headers: admin.headers })).data.reviews
      expect(review.status).toBe("pending")
      const order = (await api.get(`/admin/orders/${placed.order.id}?fields=id,payment_status`, { headers: admin.headers })).data.order
      expect(order.payment_status).not.toBe("captured")
      expect((await entries()).map((e: any) => e.operation)).toEqual(["reimbursed", "updated", "allocated"])
      expect((await getAccount()).available_credit).toBe(charged.toNumber())
    })

    it("credits a prepayment once when its completion is sent several times at once", async () => {
      const { buyer: alice, account, getAccount, start, completeUrl, container } = await setup("Zwolle Timber", "alice@zwolle.example", 0)
      const { data } = await start({ amount: "250.50", provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } })
      const url = completeUrl(data.card_payment.id)
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => api.post(url, {}, { headers: alice.headers }).catch((e: any) => e.response))
      )
      expect(answers.map((a: any) => a.status)).toEqual([200, 200, 200, 200])
      expect(new Set(answers.map((a: any) => a.data.entry.id)).size).toBe(1)

      expect(await getAccount()).toEqual(expect.objectContaining({ id: account.id, balance: 250.5, available_credit: 250.5 }))
      const { data: payments } = await container.resolve("query").graph({
        entity: "payment",
        fields: ["id", "captured_at", "canceled_at", "captures.id"],
        filters: { payment_collection_id: data.card_payment.id },
      })
      expect(payments).toHaveLength(1)
      expect(payments[0].captured_at).toBeTruthy()
      expect(payments[0].canceled_at).toBeNull()
      expect(payments[0].captures).toHaveLength(1)
    })

    it("credits a payment the processor captured and reported by webhook, once, also when the buyer completes it afterwards", async () => {
      const { buyer: alice, getAccount, entries, start, completeUrl } = await setup("Leiden Stone", "alice@leiden.example", 0)
      const { data } = await start({ amount: "120.00", provider_id: TEST_CARD, data: { token: APPROVED_TOKEN, capture_method: "automatic" } })
      const session = data.card_payment.payment_session
      // The processor's webhook (Medusa processes it a few seconds later, as processPaymentWorkflow).
      await api.post(`/hooks/payment/test-card_test-card`, { type: "charge.captured", session_id: session.id, amount: 120 })
      const credited = await eventually(async () => {
        const [entry] = await entries()
        expect(entry).toEqual(expect.objectContaining({ operation: "reimbursed", amount: 120, comment: "Paid by card" }))
        return entry
      }, 30_000)
      expect(credited.actor).toEqual(expect.objectContaining({ type: "customer", id: alice.customer.id }))

      const completed = await api.post(completeUrl(data.card_payment.id), {}, { headers: alice.headers })
      expect(completed.data.entry.id).toBe(credited.id)
      expect((await entries()).map((e: any) => e.operation)).toEqual(["reimbursed", "allocated"])
      expect((await getAccount()).balance).toBe(120)
    })

    it("credits nothing for a card the processor declined or the buyer never confirmed", async () => {
      const { buyer: alice, getAccount, entries, start, completeUrl, container } = await setup("Hoorn Roofing", "alice@hoorn.example", 100)
      for (const data of [{ token: DECLINED_TOKEN }, {}]) {
        const { data: started } = await start({ amount: 50, provider_id: TEST_CARD, data })
        const refused = await failure(api.post(completeUrl(started.card_payment.id), {}, { headers: alice.headers }))
        expect(refused.status).toBe(400)
        const { data: payments } = await container.resolve("query").graph({
          entity: "payment",
          fields: ["id"],
          filters: { payment_collection_id: started.card_payment.id },
        })
        expect(payments).toEqual([])
      }
      expect((await entries()).map((e: any) => e.operation)).toEqual(["allocated"])
      expect(await getAccount()).toEqual(expect.objectContaining({ balance: 0, available_credit: 100 }))
    })

    it("refuses providers that can't pay toward the account, amounts over the cap, other buyers' accounts and payments, writing nothing", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account, company, entries, start, completeUrl } = await setup("Delft Glass", "alice@delft.example", 100)
      const colleague = await buyer(api, container, shop.pk, "bob@delft.example", [company.id])
      const other = await customerGroup(container, "Haarlem Paint")
      const stranger = await buyer(api, container, shop.pk, "eve@haarlem.example", [other.id])
      const refused = (body: Record<string, unknown>, headers = alice.headers) => failure(start({ data: { token: APPROVED_TOKEN }, ...body }, headers))

      expect((await refused({ amount: 10, provider_id: TEST_CARD }, stranger.headers)).status).toBe(404)
      // Medusa's system provider moves no money; pay on account can't pay credit.
      const system = await refused({ amount: 10, provider_id: "pp_system_default" })
      expect(system).toEqual({ status: 400, data: expect.objectContaining({ message: expect.stringMatching(/system payment provider, which moves no money/) }) })
      const credit = await refused({ amount: 10, provider_id: ON_ACCOUNT })
      expect(credit.status).toBe(400)
      expect(credit.data.message).toMatch(/can't itself be paid on account/)
      // Unknown providers, not allowed ones, and allowed ones not enabled in a EUR region.
      const unknown = await refused({ amount: 10, provider_id: "pp_nope_nope" })
      expect(unknown.status).toBe(400)
      const retired = await refused({ amount: 10, provider_id: TEST_CARD_RETIRED })
      expect(retired).toEqual({ status: 400, data: expect.objectContaining({ message: `Unknown payment provider ${TEST_CARD_RETIRED}.` }) })
      const unlisted = await refused({ amount: 10, provider_id: TEST_CARD_UNLISTED })
      expect(unlisted.status).toBe(400)
      expect(unlisted.data.message).toMatch(/can't be used to pay toward a trade credit account in this store/)
      const elsewhere = await refused({ amount: 10, provider_id: TEST_CARD_ELSEWHERE })
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.data.message).toMatch(/not enabled in any EUR region/)
      // Amounts: zero, too precise, over the cap (nothing owed: 1000 EUR in advance at most), absurd.
      expect((await refused({ amount: 0, provider_id: TEST_CARD })).status).toBe(400)
      const precise = await refused({ amount: "1.001", provider_id: TEST_CARD })
      expect(precise.status).toBe(400)
      expect(precise.data.message).toMatch(/amount/)
      const over = await refused({ amount: "1000.01", provider_id: TEST_CARD })
      expect(over.status).toBe(400)
      expect(over.data.message).toMatch(/at most 1000\.00 EUR/)
      const absurd = await refused({ amount: "9999999999999.99", provider_id: TEST_CARD })
      expect(absurd.status).toBe(400)
      expect(absurd.data.message).toMatch(/at most 1000\.00 EUR/)

      const { data } = await start({ amount: 10, provider_id: TEST_CARD, data: { token: APPROVED_TOKEN } })
      // A colleague of the same company may not complete Alice's payment, nor may anyone on another account's path.
      expect((await failure(api.post(completeUrl(data.card_payment.id), {}, { headers: colleague.headers }))).status).toBe(404)

      const history = (await api.get(`/admin/trade-credit/accounts/${account.id}/entries`, { headers: admin.headers })).data.entries
      expect(history.map((e: any) => e.operation)).toEqual(["allocated"])
      expect((await entries()).length).toBe(1)
    })
  },
})
