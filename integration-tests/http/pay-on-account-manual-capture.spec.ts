import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { adminAndShopOncePerFile, cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { eventually } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

captureMode("manual")

/** `capture: "manual"`: an order reserves credit until an admin captures its payment. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    it("reserves at checkout, posts on capture, and releases the reservation once when canceled (even twice at once)", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Lille Renovation",
        email: "alice@lille.example",
        credit_limit: 50000,
      }, base())
      const account = () => client.getAccount(api, admin.headers, opened.id)
      const entries = () => client.allEntries(api, admin.headers, opened.id)
      const paymentOf = async (orderId: string) =>
        (await api.get(`/admin/orders/${orderId}?fields=payment_status,payment_collections.payments.id`, { headers: admin.headers })).data.order

      const first = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      const firstCharge = charged(first.order.total)
      expect(await account()).toEqual(expect.objectContaining({ balance: 0, reserved: firstCharge, available_credit: MathBN.sub(50000, firstCharge).toNumber() }))
      expect((await entries())[0]).toEqual(expect.objectContaining({ operation: "purchased", amount: 0, reserved_delta: firstCharge }))
      const firstOrder = await paymentOf(first.order.id)
      expect(firstOrder.payment_status).toBe("authorized")

      await api.post(`/admin/payments/${firstOrder.payment_collections[0].payments[0].id}/capture`, {}, { headers: admin.headers })
      expect((await entries())[0]).toEqual(
        expect.objectContaining({ operation: "captured", amount: -firstCharge, reserved_delta: -firstCharge, order_id: first.order.id })
      )
      expect(await account()).toEqual(expect.objectContaining({ balance: -firstCharge, reserved: 0 }))

      const second = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity: 2 })).id)
      const secondCharge = charged(second.order.total)
      expect((await account()).reserved).toBe(secondCharge)
      const cancels = await Promise.allSettled([
        api.post(`/admin/orders/${second.order.id}/cancel`, {}, { headers: admin.headers }),
        api.post(`/admin/orders/${second.order.id}/cancel`, {}, { headers: admin.headers }),
      ])
      expect(cancels.some((c) => c.status === "fulfilled")).toBe(true)
      const reverted = (await entries()).filter((e: any) => e.operation === "reverted")
      expect(reverted).toEqual([expect.objectContaining({ order_id: second.order.id, amount: 0, reserved_delta: -secondCharge })])
      expect(await account()).toEqual(
        expect.objectContaining({ balance: -firstCharge, reserved: 0, available_credit: MathBN.sub(50000, firstCharge).toNumber() })
      )
    })

    it("captures exactly what Medusa captures (a short shipment), keeps the rest reserved, and a cancel then nets to zero", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Lille Renovation",
        email: "alice@lille.example",
        credit_limit: 50000,
      }, base())
      const accountUrl = `/admin/trade-credit/accounts/${opened.id}`
      const account = async () => (await api.get(accountUrl, { headers: admin.headers })).data.account
      const entries = async () => (await api.get(`${accountUrl}/entries?limit=100`, { headers: admin.headers })).data.entries

      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity: 3 })).id)
      const charge = charged(placed.order.total)
      const paymentId = (
        await api.get(`/admin/orders/${placed.order.id}?fields=payment_collections.payments.id`, { headers: admin.headers })
      ).data.order.payment_collections[0].payments[0].id

      await api.post(`/admin/payments/${paymentId}/capture`, { amount: 10 }, { headers: admin.headers })
      expect(await account()).toEqual(expect.objectContaining({ balance: -10, reserved: MathBN.sub(charge, 10).toNumber() }))
      await api.post(`/admin/payments/${paymentId}/capture`, { amount: 5.5 }, { headers: admin.headers })
      expect(await account()).toEqual(expect.objectContaining({ balance: -15.5, reserved: MathBN.sub(charge, 15.5).toNumber() }))
      const captures = (await entries()).filter((e: any) => e.operation === "captured")
      expect(captures.map((e: any) => [e.amount, e.reserved_delta])).toEqual([[-5.5, -5.5], [-10, -10]])

      // A refund is never more than what was captured and is still charged.
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 2 }, { headers: admin.headers })
      expect((await account()).balance).toBe(-13.5)

      // Cancel: Medusa refunds what it captured and leaves the rest uncaptured; the ledger gives both back.
      await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: admin.headers })
      await eventually(async () => expect(await account()).toEqual(expect.objectContaining({ balance: 0, reserved: 0, available_credit: 50000 })))
      const history = await entries()
      const net = history.reduce((sum: any, e: any) => MathBN.add(sum, e.amount), MathBN.convert(0))
      expect(MathBN.eq(net, 0)).toBe(true)
    })
  },
})
