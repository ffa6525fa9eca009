import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { adminAndShopOncePerFile, cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { eventually } from "../helpers/fixtures"
import { CONFIRM_AFTER_MS, confirmMissedOrdersOnAccount, MAX_CONFIRM_ATTEMPTS } from "../../src/jobs/confirm-orders-on-account"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/**
 * The scheduled catch-up for orders whose order.placed subscriber never ran:
 * the subscriber is switched off here, as if the process had stopped.
 */
// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    it("records Medusa's capture of orders the subscriber missed, once, and leaves the others alone", async () => {
      const container = getContainer()
      container
        .resolve(Modules.EVENT_BUS)
        .unsubscribe("order.placed", (() => undefined) as never, { subscriberId: "trade-credit-order-placed" })

      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Antwerp Joinery",
        email: "alice@joinery.example",
        credit_limit: 50000,
      }, base())
      const missed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      const canceled = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      await api.post(`/admin/orders/${canceled.order.id}/cancel`, {}, { headers: admin.headers })

      const order = async (id: string) =>
        (await api.get(`/admin/orders/${id}?fields=id,payment_status,payment_collections.payments.captures.id`, { headers: admin.headers }))
          .data.order
      // Posted to the balance at authorization, but Medusa has no capture yet.
      expect((await order(missed.order.id)).payment_status).toBe("authorized")
      const balanceBefore = (await api.get(`/admin/trade-credit/accounts/${opened.id}`, { headers: admin.headers })).data.account.balance
      expect(balanceBefore).toBe(-charged(missed.order.total))

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

    it("reads payments a page at a time, gives up on a capture that keeps failing, shows why, and an admin's capture clears it", async () => {
      const container = getContainer()
      container
        .resolve(Modules.EVENT_BUS)
        .unsubscribe("order.placed", (() => undefined) as never, { subscriberId: "trade-credit-order-placed" })
      const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const { admin, shop, buyer: alice } = await companyWithBuyer(api, container, {
        company: "Leiden Stone",
        email: "alice@leiden.example",
        credit_limit: 50000,
      }, base())
      const place = async () => (await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)).order
      const [first, second, stuck, parked] = [await place(), await place(), await place(), await place()]
      const paymentOf = async (orderId: string) => {
        const { data } = await api.get(
          `/admin/orders/${orderId}?fields=id,payment_status,payment_collections.payments.id,payment_collections.payments.data`,
          { headers: admin.headers }
        )
        return { status: data.order.payment_status, payment: data.order.payment_collections[0].payments[0] }
      }
      // The stuck order's credit was given back behind Medusa's back: its capture can never succeed.
      await tradeCredit.revertOnAccount({ payment_session_id: (await paymentOf(stuck.id)).payment.data.payment_session_id, actor: { type: "system" } })
      // The job already gave up on the parked one.
      const parkedPayment = (await paymentOf(parked.id)).payment
      await tradeCredit.createTradeCreditConfirmFailures({
        order_id: parked.id,
        payment_id: parkedPayment.id,
        attempts: MAX_CONFIRM_ATTEMPTS,
        last_error: "Provider unavailable",
        gave_up_at: new Date(),
      })

      const query = container.resolve("query")
      const graph = jest.spyOn(query, "graph")
      const later = new Date(Date.now() + CONFIRM_AFTER_MS + 1000)
      let confirmed: string[]
      let paymentQueries: any[]
      try {
        confirmed = await confirmMissedOrdersOnAccount(container, later, { pageSize: 1 })
        // The job's own reads of uncaptured payments (the provider also reads a
        // payment while Medusa captures one, which is not the job's paging).
        paymentQueries = graph.mock.calls
          .map(([q]: any[]) => q)
          .filter((q: any) => q.entity === "payment" && q.filters && "captured_at" in q.filters)
      } finally {
        graph.mockRestore()
      }
      expect(confirmed.sort()).toEqual([first.id, second.id].sort())
      // One payment per query, never the whole week at once.
      expect(paymentQueries.length).toBeGreaterThanOrEqual(4)
      expect(paymentQueries.map((q: any) => q.pagination?.take)).toEqual(paymentQueries.map(() => 1))

      const failureUrl = (orderId: string) => `/admin/trade-credit/orders/${orderId}/confirm-failure`
      const [failure] = await tradeCredit.listTradeCreditConfirmFailures({ order_id: stuck.id })
      expect(failure).toEqual(expect.objectContaining({ attempts: 1, gave_up_at: null, last_error: expect.stringMatching(/given back/) }))
      // Still retrying: nothing to show the admin yet.
      expect((await api.get(failureUrl(stuck.id), { headers: admin.headers })).data.confirm_failure).toBeNull()

      for (let run = 2; run <= MAX_CONFIRM_ATTEMPTS + 2; run++) {
        expect(await confirmMissedOrdersOnAccount(container, later)).toEqual([])
      }
      const [gaveUp] = await tradeCredit.listTradeCreditConfirmFailures({ order_id: stuck.id })
      expect(gaveUp).toEqual(expect.objectContaining({ attempts: MAX_CONFIRM_ATTEMPTS, gave_up_at: expect.any(Date) }))
      expect((await api.get(failureUrl(stuck.id), { headers: admin.headers })).data.confirm_failure).toEqual(
        expect.objectContaining({ order_id: stuck.id, attempts: MAX_CONFIRM_ATTEMPTS, last_error: expect.stringMatching(/given back/) })
      )
      expect((await paymentOf(parked.id)).status).toBe("authorized")

      // The admin captures the parked order from the payment section: the failure is gone.
      await api.post(`/admin/payments/${parkedPayment.id}/capture`, {}, { headers: admin.headers })
      expect((await paymentOf(parked.id)).status).toBe("captured")
      await eventually(async () => {
        expect((await api.get(failureUrl(parked.id), { headers: admin.headers })).data.confirm_failure).toBeNull()
        expect(await tradeCredit.listTradeCreditConfirmFailures({ order_id: parked.id })).toEqual([])
      })
    })
  },
})
