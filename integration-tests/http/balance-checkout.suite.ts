import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { afterSubscribers, buyer, eventually, failure } from "../helpers/fixtures"
import { adminAndShopOncePerFile } from "../helpers/checkout"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/**
 * The customer balance at checkout (README, "Customer balance at checkout"):
 * a logged-in customer's positive balance on their personal account pays
 * their next orders through a `trade-credit` cart credit line.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    /** The storefront, an admin, and a buyer whose personal EUR account holds `balance` (0: no account). */
    const setup = async (email: string, balance: number) => {
      const container: MedusaContainer = getContainer()
      const { admin, shop } = base()
      const person = await buyer(api, container, shop.pk, email)
      let account: any = null
      if (balance > 0) {
        account = await client.openAccount(api, admin.headers, { customer_id: person.customer.id })
        await client.reimburse(api, admin.headers, account.id, { amount: balance, reference: "Prepayment" })
      }
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: bags } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: CEMENT_BAG } })
      return { container, admin, shop: { ...shop, bagId: bags[0].id as string }, buyer: person, account }
    }

    /** The demo catalog's cheapest item: a 25 kg bag of cement, 7.45 EUR before tax. */
    const CEMENT_BAG = "CEM-IIBM-25"

    const ADDRESS = { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" }

    /** A cart of the buyer: `quantity` bags of cement, a Dutch address. */
    const newCart = async (headers: any, shop: any, quantity = 1) =>
      (await api.post("/store/carts", { region_id: shop.regionId, items: [{ variant_id: shop.bagId, quantity }], shipping_address: ADDRESS }, { headers })).data.cart

    const getCart = async (headers: any, id: string) => (await api.get(`/store/carts/${id}`, { headers })).data.cart

    /** The balance applied to a cart (sum of its `trade-credit` credit lines), as a decimal string. */
    const applied = (cart: any) =>
      (cart.credit_lines ?? [])
        .filter((l: any) => l.reference === "trade-credit")
        .reduce((sum: any, l: any) => MathBN.add(sum, l.amount), MathBN.convert(0))
        .toFixed()

    const lines = (cart: any) => (cart.credit_lines ?? []).filter((l: any) => l.reference === "trade-credit")

    /** Waits until the cart's applied balance is `expected` (the subscriber applies it after the cart event). */
    const settled = (headers: any, id: string, expected: () => Promise<string> | string) =>
      eventually(async () => {
        const cart = await getCart(headers, id)
        expect(applied(cart)).toBe(await expected())
        expect(lines(cart).length).toBeLessThanOrEqual(1)
        return cart
      })

    /** The cart's total before the balance. */
    const before = (cart: any) => MathBN.add(cart.total, applied(cart)).toFixed()

    describe("GET /store/trade-credit/balance", () => {
      it("answers the logged-in customer's spendable balance of their personal account, 0 without one, and 401 to guests", async () => {
        const { shop, buyer: ann, account } = await setup("ann@balance.example", 120)
        expect(await client.myBalance(api, ann.headers, "EUR")).toEqual({ currency_code: "eur", amount: 120, account_id: account.id })
        expect(await client.myBalance(api, ann.headers, "usd")).toEqual({ currency_code: "usd", amount: 0, account_id: null })

        const container = getContainer()
        const bob = await buyer(api, container, shop.pk, "bob@balance.example")
        expect(await client.myBalance(api, bob.headers)).toEqual({ currency_code: "eur", amount: 0, account_id: null })

        const guest = await failure(api.get("/store/trade-credit/balance?currency_code=eur", { headers: { "x-publishable-api-key": shop.pk } }))
        expect(guest.status).toBe(401)
        const missing = await failure(api.get("/store/trade-credit/balance", { headers: ann.headers }))
        expect(missing.status).toBe(400)
        const unknown = await failure(api.get("/store/trade-credit/balance?currency_code=xyz", { headers: ann.headers }))
        expect(unknown.status).toBe(400)
      })
    })

    describe("applying the balance to a cart", () => {
      it("applies the whole balance by itself when it is less than the cart, as much as the cart when it is more, and re-caps on every change", async () => {
        const { shop, buyer: ann, account } = await setup("ann@apply.example", 50)
        const cart = await newCart(ann.headers, shop, 1)
        // One item: the cart is less than the balance, so the balance pays all of it.
        let current = await settled(ann.headers, cart.id, async () => before(await getCart(ann.headers, cart.id)))
        expect(MathBN.convert(current.total).isZero()).toBe(true)
        expect(lines(current)[0].reference_id).toBe(account.id)

        // More items: the cart grows past the balance, which is then applied in full.
        await api.post(`/store/carts/${cart.id}/line-items/${current.items[0].id}`, { quantity: 10 }, { headers: ann.headers })
        current = await settled(ann.headers, cart.id, () => "50")
        expect(MathBN.convert(current.total).toFixed()).toBe(MathBN.sub(before(current), 50).toFixed())

        // Fewer items: re-capped down to the cart's total again.
        await api.post(`/store/carts/${cart.id}/line-items/${current.items[0].id}`, { quantity: 1 }, { headers: ann.headers })
        current = await eventually(async () => {
          const c = await getCart(ann.headers, cart.id)
          expect(MathBN.convert(c.total).isZero()).toBe(true)
          expect(lines(c)).toHaveLength(1)
          expect(MathBN.lt(applied(c), 50)).toBe(true)
          return c
        })

        // Shipping added: the cart is more than the balance again, which is applied in full.
        const optionId = await client.shippingOptionFor(api, ann.headers, cart.id, client.STANDARD_SHIPPING)
        await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, { headers: ann.headers })
        current = await settled(ann.headers, cart.id, () => "50")
        expect(MathBN.gt(current.total, 0)).toBe(true)
        // Applying is not spending: the balance is still whole.
        expect((await client.myBalance(api, ann.headers)).amount).toBe(50)
      })

      it("lets the buyer opt out and back in, with an amount of their choosing, and remembers the opt-out across cart changes", async () => {
        const { shop, buyer: ann } = await setup("ann@optout.example", 20)
        const cart = await newCart(ann.headers, shop, 5)
        await settled(ann.headers, cart.id, () => "20")

        const out = await client.removeBalance(api, ann.headers, cart.id)
        expect(lines(out)).toHaveLength(0)
        expect(out.metadata.trade_credit_balance).toEqual({ opted_out: true })
        // A later change of the cart doesn't bring it back.
        const item = (await getCart(ann.headers, cart.id)).items[0]
        await afterSubscribers(getContainer(), ["cart.updated"], () =>
          api.post(`/store/carts/${cart.id}/line-items/${item.id}`, { quantity: 4 }, { headers: ann.headers })
        )
        expect(lines(await getCart(ann.headers, cart.id))).toHaveLength(0)

        // Back in, for part of it: exactly that amount, also after a change.
        const back = await client.applyBalance(api, ann.headers, cart.id, { amount: "7.5" })
        expect(applied(back)).toBe("7.5")
        expect(MathBN.convert(back.total).toFixed()).toBe(MathBN.sub(before(back), "7.5").toFixed())
        await afterSubscribers(getContainer(), ["cart.updated"], () =>
          api.post(`/store/carts/${cart.id}/line-items/${item.id}`, { quantity: 5 }, { headers: ann.headers })
        )
        expect(applied(await getCart(ann.headers, cart.id))).toBe("7.5")

        // Back in without an amount: all of it.
        expect(applied(await client.applyBalance(api, ann.headers, cart.id))).toBe("20")

        // An amount with more decimals than EUR has, or negative: 400, nothing changes.
        expect((await failure(client.applyBalance(api, ann.headers, cart.id, { amount: "1.234" }))).status).toBe(400)
        expect((await failure(client.applyBalance(api, ann.headers, cart.id, { amount: -5 }))).status).toBe(400)
        expect(applied(await getCart(ann.headers, cart.id))).toBe("20")
      })

      it("never lets anyone use another customer's balance or touch their cart; guests are refused; no balance is a 400", async () => {
        const { container, shop, buyer: ann } = await setup("ann@others.example", 100)
        const eve = await buyer(api, container, shop.pk, "eve@others.example")
        const annCart = await newCart(ann.headers, shop, 1)
        await settled(ann.headers, annCart.id, async () => before(await getCart(ann.headers, annCart.id)))

        // Eve has no balance: her cart gets none, and asking for it is a 400.
        const eveCart = await afterSubscribers(container, ["cart.created"], () => newCart(eve.headers, shop, 1))
        expect(lines(await getCart(eve.headers, eveCart.id))).toHaveLength(0)
        const none = await failure(client.applyBalance(api, eve.headers, eveCart.id))
        expect(none.status).toBe(400)
        expect(none.data.message).toContain("no balance in EUR")

        // Ann's cart is not Eve's to apply or remove the balance on: 404 both ways.
        expect((await failure(client.applyBalance(api, eve.headers, annCart.id))).status).toBe(404)
        expect((await failure(client.removeBalance(api, eve.headers, annCart.id))).status).toBe(404)
        expect(lines(await getCart(ann.headers, annCart.id))).toHaveLength(1)
        // Nor can Ann apply her balance to Eve's cart.
        expect((await failure(client.applyBalance(api, ann.headers, eveCart.id))).status).toBe(404)

        // A guest cart gets no balance and a guest can't ask for one.
        const guestHeaders = { "x-publishable-api-key": shop.pk }
        const guestCart = await afterSubscribers(getContainer(), ["cart.created"], () => newCart(guestHeaders, shop, 1))
        expect(lines(await getCart(guestHeaders, guestCart.id))).toHaveLength(0)
        expect((await failure(client.applyBalance(api, guestHeaders, guestCart.id))).status).toBe(401)
        expect((await failure(client.removeBalance(api, guestHeaders, guestCart.id))).status).toBe(401)
      })
    })

    describe("placing the order", () => {
      /** The cart with a shipping method, its balance settled (all of the cart, or all of the balance). */
      const shippedCart = async (headers: any, shop: any, quantity = 1) => {
        const cart = await newCart(headers, shop, quantity)
        const optionId = await client.shippingOptionFor(api, headers, cart.id, client.STANDARD_SHIPPING)
        await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, { headers })
        return cart
      }
      const orderOf = async (adminH: any, id: string) =>
        (await api.get(`/admin/orders/${id}?fields=id,total,status,*credit_lines,*payment_collections`, { headers: adminH })).data.order
      const entriesOf = (adminH: any, accountId: string) => client.allEntries(api, adminH, accountId)

      it("completes with no other payment when the balance covers the order, debits it once naming the order, and a cancel gives it back once", async () => {
        const { admin, shop, buyer: ann, account } = await setup("ann@covers.example", 100)
        const cart = await shippedCart(ann.headers, shop)
        const ready = await settled(ann.headers, cart.id, async () => before(await getCart(ann.headers, cart.id)))
        expect(MathBN.convert(ready.total).isZero()).toBe(true)
        const used = MathBN.convert(applied(ready), 2).toFixed(2)

        const placed = await client.complete(api, ann.headers, cart.id)
        expect(placed.type).toBe("order")
        const order = await orderOf(admin.headers, placed.order.id)
        expect(lines(order)).toHaveLength(1)
        expect(MathBN.convert(lines(order)[0].amount).toFixed()).toBe(applied(ready))
        expect(order.payment_collections ?? []).toHaveLength(0)

        const purchase = await eventually(async () => {
          const found = (await entriesOf(admin.headers, account.id)).filter((e: any) => e.operation === "purchased")
          expect(found).toHaveLength(1)
          expect(found[0].order_id).toBe(order.id)
          return found[0]
        })
        expect(MathBN.convert(purchase.amount).toFixed(2)).toBe(`-${used}`)
        expect((await client.myBalance(api, ann.headers)).amount).toBe(MathBN.sub(100, used).toNumber())

        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers })
        await eventually(async () => expect((await client.myBalance(api, ann.headers)).amount).toBe(100))
        // A second cancel (refused by Medusa or not) gives nothing back twice.
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers }).catch(() => undefined)
        await new Promise((r) => setTimeout(r, 1500))
        const entries = await entriesOf(admin.headers, account.id)
        const reverted = entries.filter((e: any) => e.operation === "reverted")
        expect(reverted).toHaveLength(1)
        expect(reverted[0].order_id).toBe(order.id)
        expect(MathBN.convert(reverted[0].amount).toFixed(2)).toBe(used)
        expect((await client.getAccount(api, admin.headers, account.id)).balance).toBe(100)
      })

      it("pays the rest with Medusa's system provider: the balance part is debited, the payment is for what is left", async () => {
        const { admin, shop, buyer: bob, account } = await setup("bob@split.example", 20)
        const cart = await shippedCart(bob.headers, shop, 2)
        const ready = await settled(bob.headers, cart.id, () => "20")
        const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers: bob.headers })).data
        expect(MathBN.convert(payment_collection.amount).toFixed()).toBe(MathBN.convert(ready.total).toFixed())
        await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: client.SYSTEM }, { headers: bob.headers })

        const placed = await client.complete(api, bob.headers, cart.id)
        expect(placed.type).toBe("order")
        const order = await orderOf(admin.headers, placed.order.id)
        expect(MathBN.convert(lines(order)[0].amount).toFixed()).toBe("20")
        expect(order.payment_collections).toHaveLength(1)
        expect(MathBN.convert(order.payment_collections[0].amount).toFixed()).toBe(MathBN.convert(ready.total).toFixed())
        await eventually(async () => {
          const purchases = (await entriesOf(admin.headers, account.id)).filter((e: any) => e.operation === "purchased")
          expect(purchases).toHaveLength(1)
          expect(purchases[0].order_id).toBe(order.id)
          expect(purchases[0].amount).toBe(-20)
        })
        expect((await client.myBalance(api, bob.headers)).amount).toBe(0)
      })

      it("never lets two carts of one customer completing at once spend the same balance; the refused one is re-capped and its attempt leaves the balance untouched", async () => {
        const { admin, shop, buyer: cat, account } = await setup("cat@race.example", 100)
        const first = await shippedCart(cat.headers, shop)
        const second = await shippedCart(cat.headers, shop)
        const a = await settled(cat.headers, first.id, async () => before(await getCart(cat.headers, first.id)))
        const b = await settled(cat.headers, second.id, async () => before(await getCart(cat.headers, second.id)))
        // Each cart alone is covered by the balance, both together are not.
        expect(MathBN.gt(MathBN.add(applied(a), applied(b)), 100)).toBe(true)

        const results = await Promise.all([first, second].map((c) => client.completeCart(api, cat.headers, c.id)))
        const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
        const refused = results.filter((r) => !(r.status === 200 && r.data.type === "order"))
        expect(orders).toHaveLength(1)
        expect(refused).toHaveLength(1)
        expect(refused[0].status).toBe(400)
        expect(refused[0].data.message).toMatch(/balance no longer covers/)

        const used = MathBN.convert(applied(a), 2).toFixed(2)
        const left = MathBN.sub(100, used).toNumber()
        await eventually(async () => {
          const entries = await entriesOf(admin.headers, account.id)
          const purchases = entries.filter((e: any) => e.operation === "purchased")
          expect(purchases).toHaveLength(1)
          expect(purchases[0].order_id).toBe(orders[0].data.order.id)
          expect((await client.myBalance(api, cat.headers)).amount).toBe(left)
        })
        // The refused cart now applies what is left, and can be paid with it plus another provider.
        const refusedCart = [first, second][results.findIndex((r) => !(r.status === 200 && r.data.type === "order"))]
        expect(applied(await getCart(cat.headers, refusedCart.id))).toBe(MathBN.convert(left).toFixed())
      })

      it("a completion that fails gives the debit back: the balance is untouched", async () => {
        const { admin, shop, buyer: dan, account } = await setup("dan@fails.example", 20)
        const cart = await shippedCart(dan.headers, shop, 2)
        await settled(dan.headers, cart.id, () => "20")
        // No payment for the rest: Medusa refuses to complete the cart.
        const attempt = await client.completeCart(api, dan.headers, cart.id)
        expect(attempt.status).toBeGreaterThanOrEqual(400)
        await eventually(async () => {
          const entries = await entriesOf(admin.headers, account.id)
          expect(entries.filter((e: any) => e.operation === "purchased")).toHaveLength(1)
          expect(entries.filter((e: any) => e.operation === "reverted")).toHaveLength(1)
          expect((await client.myBalance(api, dan.headers)).amount).toBe(20)
        })
        // The cart still applies the balance; paid for the rest, it completes and debits it once.
        const { payment_collection } = (await api.post("/store/payment-collections", { cart_id: cart.id }, { headers: dan.headers })).data
        await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: client.SYSTEM }, { headers: dan.headers })
        const placed = await client.complete(api, dan.headers, cart.id)
        expect(placed.type).toBe("order")
        await eventually(async () => {
          const entries = await entriesOf(admin.headers, account.id)
          const purchases = entries.filter((e: any) => e.operation === "purchased")
          expect(purchases).toHaveLength(2)
          expect(purchases.filter((e: any) => e.order_id === placed.order.id)).toHaveLength(1)
          expect((await client.myBalance(api, dan.headers)).amount).toBe(0)
        })
      })

      it("debits an order whose cart a host completed its own way (completeCartWorkflow, no store route) when it is placed, naming the order", async () => {
        const { container, admin, shop, buyer: eva, account } = await setup("eva@host.example", 100)
        const cart = await shippedCart(eva.headers, shop)
        const ready = await settled(eva.headers, cart.id, async () => before(await getCart(eva.headers, cart.id)))
        const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
        const used = MathBN.convert(applied(ready), 2).toFixed(2)
        await eventually(async () => {
          const purchases = (await entriesOf(admin.headers, account.id)).filter((e: any) => e.operation === "purchased")
          expect(purchases).toHaveLength(1)
          expect(purchases[0].order_id).toBe(result.id)
          expect(MathBN.convert(purchases[0].amount).toFixed(2)).toBe(`-${used}`)
        })
        expect((await client.myBalance(api, eva.headers)).amount).toBe(MathBN.sub(100, used).toNumber())
      })
    })

    describe("re-capping after a promotion", () => {
      it("re-caps the balance when a promotion lowers the cart below it", async () => {
        const { admin, shop, buyer: fay } = await setup("fay@promo.example", 60)
        await api.post(
          "/admin/promotions",
          {
            code: "TENOFF",
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: { type: "fixed", target_type: "order", allocation: "across", value: 10, currency_code: "eur" },
          },
          { headers: admin.headers }
        )
        // 6 bags: a little over 54 EUR with tax, all of it covered by the balance.
        const cart = await newCart(fay.headers, shop, 6)
        const full = await settled(fay.headers, cart.id, async () => before(await getCart(fay.headers, cart.id)))
        await api.post(`/store/carts/${cart.id}/promotions`, { promo_codes: ["TENOFF"] }, { headers: fay.headers })
        const after = await eventually(async () => {
          const c = await getCart(fay.headers, cart.id)
          expect(MathBN.lt(applied(c), applied(full))).toBe(true)
          expect(MathBN.convert(c.total).isZero()).toBe(true)
          return c
        })
        expect(lines(after)).toHaveLength(1)
      })
    })
  },
})
