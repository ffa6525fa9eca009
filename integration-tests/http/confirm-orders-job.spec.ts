import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { CONFIRM_AFTER_MS, confirmMissedOrdersOnAccount } from "../../src/jobs/confirm-orders-on-account"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/**
 * The scheduled catch-up for orders whose order.placed subscriber never ran:
 * the subscriber is switched off here, as if the process had stopped.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("records Medusa's capture of orders the subscriber missed, once, and leaves the others alone", async () => {
      const container = getContainer()
      container
        .resolve(Modules.EVENT_BUS)
        .unsubscribe("order.placed", (() => undefined) as never, { subscriberId: "trade-credit-order-placed" })

      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Antwerp Joinery",
        email: "alice@joinery.example",
        credit_limit: 50000,
      })
      const missed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      const canceled = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      await api.post(`/admin/orders/${canceled.order.id}/cancel`, {}, { headers: admin.headers })

      const order = async (id: string) =>
        (await api.get(`/admin/orders/${id}?fields=id,payment_status,payment_collections.payments.captures.id`, { headers: admin.headers }))
          .data.order
      // Posted to the balance at authorization, but Medusa has no capture yet.
      expect((await order(missed.order.id)).payment_status).toBe("authorized")
      const balanceBefore = (await api.get(`/admin/trade-credit/accounts/${opened.id}`, { headers: admin.headers })).data.account.balance
      expect(balanceBefore).toBe(-MathBN.convert(missed.order.total, 2).toNumber())

      // Too recent: the subscriber may still be on it.
      expect(await confirmMissedOrdersOnAccount(container)).toEqual([])
      const later = new Date(Date.now() + CONFIRM_AFTER_MS + 1000)
      expect(await confirmMissedOrdersOnAccount(container, later)).toEqual([missed.order.id])
      const confirmed = await order(missed.order.id)
      expect(confirmed.payment_status).toBe("captured")
      expect(confirmed.payment_collections[0].payments[0].captures).toHaveLength(1)
      expect((await order(canceled.order.id)).payment_status).toBe("canceled")

      // Nothing left to do, and the ledger did not move.
      expect(await confirmMissedOrdersOnAccount(container, later)).toEqual([])
      const account = (await api.get(`/admin/trade-credit/accounts/${opened.id}`, { headers: admin.headers })).data.account
      expect(account.balance).toBe(balanceBefore)
      const { entries } = (await api.get(`/admin/trade-credit/accounts/${opened.id}/entries`, { headers: admin.headers })).data
      expect(entries.map((e: any) => e.operation)).toEqual(["reverted", "purchased", "purchased", "allocated"])
    })
  },
})
