import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { buyer, customerGroup, failure } from "../helpers/fixtures"
import { cartReadyToPay, companyWithBuyer, complete, ON_ACCOUNT } from "../helpers/checkout"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

const CARD = "pp_system_default"

/**
 * Seed 003: "lets the buyer near their limit clear the difference up front to
 * release a held order". The card provider here is Medusa's system provider,
 * which authorizes at once, as a card that needs no further action would.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("pays the part of a held order above the limit by card, which releases it; a payment short of it leaves it held", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account } = await companyWithBuyer(api, container, {
        company: "Breda Tiles",
        email: "alice@breda.example",
        credit_limit: 10,
      })
      const accountUrl = `/admin/trade-credit/accounts/${account.id}`
      const getAccount = async () => (await api.get(accountUrl, { headers: admin.headers })).data.account
      const entries = async () => (await api.get(`${accountUrl}/entries?limit=100`, { headers: admin.headers })).data.entries
      const cardPayment = async (amount: number | string, release_order_id?: string) => {
        const started = await api.post(
          `/store/trade-credit/accounts/${account.id}/card-payments`,
          { amount, provider_id: CARD },
          { headers: alice.headers }
        )
        expect(started.status).toBe(201)
        const url = `/store/trade-credit/accounts/${account.id}/card-payments/${started.data.card_payment.id}/complete`
        const completed = await api.post(url, { release_order_id }, { headers: alice.headers })
        return { started: started.data.card_payment, completed: completed.data, url }
      }

      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      const [review] = (await api.get("/admin/trade-credit/reviews?status=pending", { headers: admin.headers })).data.reviews
      expect(review.order_id).toBe(placed.order.id)
      const charged = MathBN.convert(placed.order.total, 2)

      // 5 EUR by card: credited at once, but not enough to cover the order.
      const short = await cardPayment(5, placed.order.id)
      expect(short.started).toEqual(
        expect.objectContaining({ account_id: account.id, amount: 5, currency_code: "eur", payment_session: expect.objectContaining({ provider_id: CARD }) })
      )
      expect(short.completed.released_order_id).toBeNull()
      expect(short.completed.entry).toEqual(
        expect.objectContaining({ operation: "reimbursed", amount: 5, comment: "Paid by card", actor: expect.objectContaining({ type: "customer", id: alice.customer.id }) })
      )
      expect((await getAccount()).available_credit).toBe(15)
      expect((await api.get("/admin/trade-credit/reviews?status=pending", { headers: admin.headers })).data.count).toBe(1)

      // The rest of the amount over the limit: the order is released, with the buyer as the one who cleared it.
      const rest = MathBN.sub(charged, 15).toNumber()
      const covering = await cardPayment(rest, placed.order.id)
      expect(covering.completed.released_order_id).toBe(placed.order.id)
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
      const { data: cards } = await container.resolve("query").graph({
        entity: "payment_collection",
        fields: ["id", "status", "captured_amount"],
        filters: { id: [short.started.id, covering.started.id] },
      })
      expect(cards.map((c: any) => c.status).sort()).toEqual(["completed", "completed"])
    })

    it("credits a prepayment once when its completion is sent several times at once", async () => {
      const container = getContainer()
      const { admin, buyer: alice, account } = await companyWithBuyer(api, container, {
        company: "Zwolle Timber",
        email: "alice@zwolle.example",
        credit_limit: 0,
      })
      const { data } = await api.post(
        `/store/trade-credit/accounts/${account.id}/card-payments`,
        { amount: "250.50", provider_id: CARD },
        { headers: alice.headers }
      )
      const url = `/store/trade-credit/accounts/${account.id}/card-payments/${data.card_payment.id}/complete`
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => api.post(url, {}, { headers: alice.headers }).catch((e: any) => e.response))
      )
      expect(answers.map((a: any) => a.status)).toEqual([200, 200, 200, 200])
      expect(new Set(answers.map((a: any) => a.data.entry.id)).size).toBe(1)

      const after = (await api.get(`/admin/trade-credit/accounts/${account.id}`, { headers: admin.headers })).data.account
      expect(after).toEqual(expect.objectContaining({ balance: 250.5, available_credit: 250.5 }))
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

    it("refuses other buyers' accounts and payments, bad amounts and paying credit with credit, writing nothing", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account, company } = await companyWithBuyer(api, container, {
        company: "Delft Glass",
        email: "alice@delft.example",
        credit_limit: 100,
      })
      const colleague = await buyer(api, container, shop.pk, "bob@delft.example", [company.id])
      const other = await customerGroup(container, "Haarlem Paint")
      const stranger = await buyer(api, container, shop.pk, "eve@haarlem.example", [other.id])
      const start = (headers: Record<string, string>, body: Record<string, unknown>) =>
        failure(api.post(`/store/trade-credit/accounts/${account.id}/card-payments`, body, { headers }))

      expect((await start(stranger.headers, { amount: 10, provider_id: CARD })).status).toBe(404)
      const zero = await start(alice.headers, { amount: 0, provider_id: CARD })
      expect(zero.status).toBe(400)
      const precise = await start(alice.headers, { amount: "1.001", provider_id: CARD })
      expect(precise.status).toBe(400)
      expect(precise.data.message).toMatch(/amount/)
      const credit = await start(alice.headers, { amount: 10, provider_id: ON_ACCOUNT })
      expect(credit.status).toBe(400)
      expect(credit.data.message).toMatch(/can't itself be paid on account/)

      const { data } = await api.post(`/store/trade-credit/accounts/${account.id}/card-payments`, { amount: 10, provider_id: CARD }, { headers: alice.headers })
      const url = `/store/trade-credit/accounts/${account.id}/card-payments/${data.card_payment.id}/complete`
      // A colleague of the same company may not complete Alice's payment, nor may anyone on another account's path.
      expect((await failure(api.post(url, {}, { headers: colleague.headers }))).status).toBe(404)

      const { entries } = (await api.get(`/admin/trade-credit/accounts/${account.id}/entries`, { headers: admin.headers })).data
      expect(entries.map((e: any) => e.operation)).toEqual(["allocated"])
    })
  },
})
