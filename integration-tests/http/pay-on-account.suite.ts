import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { checkoutOfSession } from "../../src/providers/pay-on-account/medusa-payments"
import { buyer, customerGroup, eventually, failure } from "../helpers/fixtures"
import { cartReadyToPay, companyAndBuyer, complete, ON_ACCOUNT, storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: Awaited<ReturnType<typeof storefront>>
    let company: any
    let alice: Awaited<ReturnType<typeof buyer>>

    // Once per file: the runner restores this state before every test (helpers/fixtures.ts, adminHeaders).
    beforeAll(async () => {
      ;({ admin, shop, company, buyer: alice } = await companyAndBuyer(api, getContainer(), { company: "Rotterdam Build Supply", email: "alice@rbs.example" }))
    })

    const openAccount = (body: Record<string, unknown>) => client.openAccount(api, admin.headers, body)
    const getAccount = (id: string) => client.getAccount(api, admin.headers, id)
    const entries = (id: string) => client.allEntries(api, admin.headers, id)
    const order = async (id: string) =>
      (
        await api.get(`/admin/orders/${id}?fields=id,status,payment_status,total,payment_collections.status,payment_collections.payments.captures.id`, {
          headers: admin.headers,
        })
      ).data.order
    const reviews = (params = "status=pending") => client.listReviews(api, admin.headers, params)

    it("pays under the limit: the order is posted to the company account at once", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const cart = await cartReadyToPay(api, alice.headers, shop, { quantity: 2 })
      const result = await complete(api, alice.headers, cart.id)
      expect(result.type).toBe("order")

      const after = await getAccount(account.id)
      expect(after.balance).toBe(-charged(cart.total))
      expect(after.available_credit).toBe(MathBN.sub(100000, charged(cart.total)).toNumber())
      expect(after.reserved).toBe(0)
      const [purchase] = await entries(account.id)
      expect(purchase).toEqual(
        expect.objectContaining({
          operation: "purchased",
          amount: -charged(cart.total),
          order_id: result.order.id,
          order_display_id: result.order.display_id,
          over_limit: false,
          actor: expect.objectContaining({ type: "customer", id: alice.customer.id }),
        })
      )
      // Medusa's capture record follows right after the order is placed (order.placed subscriber).
      await eventually(async () => expect((await order(result.order.id)).payment_status).toBe("captured"))
      const o = await order(result.order.id)
      expect(o.payment_collections[0].payments[0].captures).toHaveLength(1)
      expect((await entries(account.id)).map((e: any) => e.operation)).toEqual(["purchased", "allocated"])
    })

    it("pays exactly at the limit, leaving zero available credit", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 1 })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      await api.post(
        `/admin/trade-credit/accounts/${account.id}`,
        { credit_limit: charged(cart.total), reason: "Sized to this order" },
        { headers: admin.headers }
      )
      expect((await complete(api, alice.headers, cart.id)).type).toBe("order")
      expect((await getAccount(account.id)).available_credit).toBe(0)
    })

    it("holds an order over the limit for review, refuses its fulfillment, and releases it", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 10 })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      const result = await complete(api, alice.headers, cart.id)
      expect(result.type).toBe("order")
      expect((await getAccount(account.id)).reserved).toBe(0)
      expect((await entries(account.id)).map((e: any) => e.operation)).toEqual(["allocated"])

      const { reviews: queue, count } = await reviews()
      expect(count).toBe(1)
      expect(queue[0]).toEqual(
        expect.objectContaining({
          order_id: result.order.id,
          status: "pending",
          customer: expect.objectContaining({ id: alice.customer.id, email: "alice@rbs.example" }),
          company: { id: company.id, name: "Rotterdam Build Supply" },
          order_total: charged(cart.total),
          available_credit: 10,
          amount_over: MathBN.sub(charged(cart.total), 10).toNumber(),
        })
      )
      const held = await order(result.order.id)
      expect(held.payment_collections[0].status).toBe("awaiting")

      const fulfil = await failure(
        api.post(
          `/admin/orders/${result.order.id}/fulfillments`,
          { items: result.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) },
          { headers: admin.headers }
        )
      )
      expect(fulfil.status).toBe(400)
      expect(fulfil.data.message).toMatch(/held for credit review/)

      const released = await api.post(
        `/admin/trade-credit/reviews/${queue[0].id}/release`,
        { comment: "Long-standing customer, cleared by phone" },
        { headers: admin.headers }
      )
      expect(released.data.review).toEqual(
        expect.objectContaining({ status: "released", comment: "Long-standing customer, cleared by phone", decided_by: expect.objectContaining({ type: "user", name: "Carla Controller" }) })
      )
      const after = await getAccount(account.id)
      expect(after.balance).toBe(-charged(cart.total))
      expect(after.available_credit).toBe(MathBN.sub(10, charged(cart.total)).toNumber())
      const [purchase] = await entries(account.id)
      expect(purchase).toEqual(
        expect.objectContaining({
          operation: "purchased",
          over_limit: true,
          order_id: result.order.id,
          comment: "Released from credit review by Carla Controller: Long-standing customer, cleared by phone",
          actor: expect.objectContaining({ type: "user", name: "Carla Controller" }),
        })
      )
      expect((await order(result.order.id)).payment_status).toBe("captured")
      expect((await reviews()).count).toBe(0)

      // A second release changes nothing.
      await api.post(`/admin/trade-credit/reviews/${queue[0].id}/release`, {}, { headers: admin.headers })
      expect((await entries(account.id)).filter((e: any) => e.operation === "purchased")).toHaveLength(1)
    })

    it("rejects a held order: it is canceled and no credit moves", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 10 })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      const result = await complete(api, alice.headers, cart.id)
      const [review] = (await reviews()).reviews
      const rejected = await api.post(`/admin/trade-credit/reviews/${review.id}/reject`, { comment: "Too much exposure" }, { headers: admin.headers })
      expect(rejected.data.review.status).toBe("rejected")
      expect((await order(result.order.id)).status).toBe("canceled")
      const after = await getAccount(account.id)
      expect([after.balance, after.reserved, after.available_credit]).toEqual([0, 0, 10])
      expect((await entries(account.id)).map((e: any) => e.operation)).toEqual(["allocated"])
      const again = await failure(api.post(`/admin/trade-credit/reviews/${review.id}/release`, {}, { headers: admin.headers }))
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/already rejected/)
    })

    it("closes the review when a held order is canceled directly", async () => {
      await openAccount({ customer_group_id: company.id, credit_limit: 10 })
      const result = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      await api.post(`/admin/orders/${result.order.id}/cancel`, {}, { headers: admin.headers })
      await eventually(async () => {
        const { reviews: closed } = await reviews(`order_id=${result.order.id}`)
        expect(closed).toEqual([expect.objectContaining({ status: "canceled", decided_by: expect.objectContaining({ type: "system" }) })])
      })
      expect((await reviews()).count).toBe(0)
    })

    it("blocks an order over the limit with the available credit and the amount over", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 10, over_limit_policy: "block" })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      const result = await complete(api, alice.headers, cart.id)
      expect(result.type).toBe("cart")
      const over = MathBN.sub(charged(cart.total), 10).toFixed(2)
      expect(result.error.message).toBe(`Not enough available credit: 10.00 EUR available, this order is ${over} over the limit.`)
      expect((await entries(account.id)).map((e: any) => e.operation)).toEqual(["allocated"])
      expect((await reviews()).count).toBe(0)
    })

    it("lets allow_exceed accounts go over the limit, flagging the entry", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 10, allow_exceed: true })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      expect((await complete(api, alice.headers, cart.id)).type).toBe("order")
      const [purchase] = await entries(account.id)
      expect(purchase).toEqual(expect.objectContaining({ operation: "purchased", over_limit: true }))
      expect((await getAccount(account.id)).available_credit).toBe(MathBN.sub(10, charged(cart.total)).toNumber())
    })

    it("refuses an account on stop, even under the limit", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      // Put on stop after the session began: completion is refused with the reason.
      const cart = await cartReadyToPay(api, alice.headers, shop)
      await api.post(`/admin/trade-credit/accounts/${account.id}`, { status: "on_stop", reason: "Invoices 60 days overdue" }, { headers: admin.headers })
      const result = await complete(api, alice.headers, cart.id)
      expect(result.type).toBe("cart")
      expect(result.error.message).toMatch(/on stop/)
      // And a new payment session is refused straight away.
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers: alice.headers })
      const session = await failure(
        api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: ON_ACCOUNT }, { headers: alice.headers })
      )
      expect(session.status).toBe(400)
      expect(session.data.message).toMatch(/on stop/)
      expect((await entries(account.id)).filter((e: any) => e.operation === "purchased")).toHaveLength(0)
    })

    it("lets an account on query buy, with an alert on the entry", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 100000, status: "query" })
      const cart = await cartReadyToPay(api, alice.headers, shop)
      expect((await complete(api, alice.headers, cart.id)).type).toBe("order")
      const [purchase] = await entries(account.id)
      expect(purchase.comment).toMatch(/on query/)
    })

    it("reverts a canceled order once and refunds a partial refund, never more than charged", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const first = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      const second = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity: 3 })).id)
      for (const placed of [first, second]) {
        await eventually(async () => expect((await order(placed.order.id)).payment_status).toBe("captured"))
      }
      const before = await getAccount(account.id)

      await api.post(`/admin/orders/${first.order.id}/cancel`, {}, { headers: admin.headers })
      await failure(api.post(`/admin/orders/${first.order.id}/cancel`, {}, { headers: admin.headers })).catch(() => null)
      const afterCancel = await getAccount(account.id)
      expect(afterCancel.balance).toBe(MathBN.add(before.balance, charged(first.order.total)).toNumber())
      const purchaseOf = async (orderId: string) =>
        (await entries(account.id)).find((e: any) => e.operation === "purchased" && e.order_id === orderId)
      const reverted = (await entries(account.id)).filter((e: any) => e.operation === "reverted")
      expect(reverted).toEqual([
        expect.objectContaining({
          order_id: first.order.id,
          amount: charged(first.order.total),
          reverses_entry_id: (await purchaseOf(first.order.id)).id,
        }),
      ])

      const o = await order(second.order.id)
      const paymentId = (
        await api.get(`/admin/orders/${second.order.id}?fields=payment_collections.payments.id`, { headers: admin.headers })
      ).data.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 5 }, { headers: admin.headers })
      const refunded = (await entries(account.id)).filter((e: any) => e.operation === "refunded")
      expect(refunded).toEqual([
        expect.objectContaining({ order_id: second.order.id, amount: 5, reverses_entry_id: (await purchaseOf(second.order.id)).id }),
      ])
      const tooMuch = await failure(api.post(`/admin/payments/${paymentId}/refund`, { amount: o.total }, { headers: admin.headers }))
      expect(tooMuch.status).toBe(400)
      expect((await getAccount(account.id)).balance).toBe(MathBN.add(afterCancel.balance, 5).toNumber())
    })

    it("cancels an order right after checkout, racing Medusa's capture, and gives the credit back once", async () => {
      const account = await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      // When the capture was recorded first, the cancel is refused with a message asking to repeat it (then it refunds).
      let refusal: any = null
      await eventually(async () => {
        try {
          await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: admin.headers })
        } catch (e: any) {
          refusal = e.response
          throw e
        }
      })
      if (refusal) {
        expect(refusal.status).toBe(400)
        expect(refusal.data.message).toMatch(/captured a moment ago: cancel the order again/)
      }

      // Whichever came first, the order ends canceled, with its credit returned once and nothing captured that is still owed.
      await eventually(async () => {
        const o = await order(placed.order.id)
        expect(o.status).toBe("canceled")
        expect(["canceled", "refunded"]).toContain(o.payment_status)
      })
      const after = await getAccount(account.id)
      expect(after.balance).toBe(0)
      expect(after.reserved).toBe(0)
      expect(after.available_credit).toBe(100000)
      const history = await entries(account.id)
      expect(history.filter((e: any) => e.operation === "reverted")).toEqual([
        expect.objectContaining({ order_id: placed.order.id, amount: charged(placed.order.total) }),
      ])
      expect(history.filter((e: any) => e.operation === "refunded")).toEqual([])
    })

    it("answers which account pays for an order: the one its session names, else company first, for the admin's order panel", async () => {
      const own = await openAccount({ customer_id: alice.customer.id, credit_limit: 100000 })
      const companyAccount = await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      const paying = (await api.get(`/admin/trade-credit/orders/${placed.order.id}/paying-account`, { headers: admin.headers })).data
      expect(paying).toEqual({ account: expect.objectContaining({ id: companyAccount.id }), known: true })
      expect((await entries(companyAccount.id)).map((e: any) => e.operation)).toContain("purchased")
      expect((await entries(own.id)).map((e: any) => e.operation)).toEqual(["allocated"])
      const missing = await failure(api.get(`/admin/trade-credit/orders/order_missing/paying-account`, { headers: admin.headers }))
      expect(missing.status).toBe(404)
    })

    it("reads the order and the buyer's groups at authorization in one SQL statement, answering as Query does", async () => {
      await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { data: [order] } = await query.graph({
        entity: "order",
        fields: ["id", "payment_collections.payment_sessions.id"],
        filters: { id: placed.order.id },
      })
      const sessionId = order.payment_collections[0].payment_sessions[0].id
      // Another company alice joins, and one she was in that is deleted since (Query leaves it out).
      const customers = container.resolve(Modules.CUSTOMER)
      const [kept, deleted] = await Promise.all([customerGroup(container, "Kept Co"), customerGroup(container, "Deleted Co")])
      await customers.addCustomerToGroup([
        { customer_id: alice.customer.id, customer_group_id: kept.id },
        { customer_id: alice.customer.id, customer_group_id: deleted.id },
      ])
      await customers.softDeleteCustomerGroups([deleted.id])

      const mismatches: string[] = []
      const read = (sql: any, session = sessionId) =>
        checkoutOfSession({ db: sql, query, schemaMismatch: (why) => mismatches.push(why) }, session, alice.customer.id)
      const sorted = (c: Awaited<ReturnType<typeof read>>) => ({ ...c, customer_group_ids: [...c.customer_group_ids].sort() })
      const inSql = await read(db)
      expect(mismatches).toEqual([])
      expect(sorted(inSql)).toEqual({
        order: { id: placed.order.id, display_id: placed.order.display_id, email: placed.order.email },
        customer_group_ids: [company.id, kept.id].sort(),
      })
      expect(sorted(await read(null))).toEqual(sorted(inSql))
      // The checkout above read them so: the provider never fell back to Query.
      const provider = (container.resolve(Modules.PAYMENT) as any).paymentProviderService_.retrieveProvider(ON_ACCOUNT)
      expect(provider.medusaRecords.db).toBe(db)

      // A store whose modules keep databases of their own: Query answers, and the provider is told once.
      const elsewhere = { raw: async () => Promise.reject(Object.assign(new Error('relation "payment_session" does not exist'), { code: "42P01" })) }
      expect(sorted(await read(elsewhere))).toEqual(sorted(inSql))
      expect(mismatches).toEqual(['relation "payment_session" does not exist'])
      // A session the statement doesn't find (replaced meanwhile): Query answers, and nothing switches.
      expect(sorted(await read(db, "payses_not_here"))).toEqual({ order: null, customer_group_ids: [company.id, kept.id].sort() })
      expect(mismatches).toHaveLength(1)
      // PostgreSQL failing is the checkout's failure, not a reason to read elsewhere.
      const down = { raw: async () => Promise.reject(Object.assign(new Error("Connection terminated unexpectedly"), { code: undefined })) }
      await expect(read(down)).rejects.toThrow("Connection terminated unexpectedly")
      expect(mismatches).toHaveLength(1)
    })

    it("refuses guests and customers without an account; a buyer of B can't use A's account", async () => {
      await openAccount({ customer_group_id: company.id, credit_limit: 100000 })
      const guestHeaders = { "x-publishable-api-key": shop.pk }
      const guest = await failure(cartReadyToPay(api, guestHeaders, shop))
      expect(guest.status).toBe(400)
      expect(guest.data.message).toMatch(/logged-in trade customers/)

      const other = await customerGroup(getContainer(), "Other Co")
      const bob = await buyer(api, getContainer(), shop.pk, "bob@other.example", [other.id])
      const none = await failure(cartReadyToPay(api, bob.headers, shop))
      expect(none.status).toBe(400)
      expect(none.data.message).toMatch(/no trade credit account in EUR/)

      // Bob can't name Alice's company account in the session data either.
      const aliceAccount = (await api.get("/store/trade-credit/accounts", { headers: alice.headers })).data.accounts[0]
      const { data: created } = await api.post("/store/carts", { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[0], quantity: 1 }] }, { headers: bob.headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: created.cart.id }, { headers: bob.headers })
      const probe = await failure(
        api.post(
          `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
          { provider_id: ON_ACCOUNT, data: { account_id: aliceAccount.id } },
          { headers: bob.headers }
        )
      )
      expect(probe.status).toBe(400)
      expect(probe.data.message).toMatch(/can't be used by this customer/)
    })
  },
})
