import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { MathBN } from "@medusajs/framework/utils"
import { eventually, failure } from "../helpers/fixtures"
import { adminAndShopOncePerFile, cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/**
 * The ledger and Medusa's payment agree to the cent; a held order's review and
 * its cancellation can't both win; a reimbursement's corrections are kept.
 */
// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    const setup = async (credit_limit: number) => {
      const world = await companyWithBuyer(api, getContainer(), {
        company: "Rotterdam Build Supply",
        email: "alice@rbs.example",
        credit_limit,
      }, base())
      const accountUrl = `/admin/trade-credit/accounts/${world.account.id}`
      const headers = world.admin.headers
      return {
        ...world,
        accountUrl,
        account: async () => (await api.get(accountUrl, { headers })).data.account,
        entries: async () => (await api.get(`${accountUrl}/entries?limit=100`, { headers })).data.entries,
        order: async (id: string) =>
          (
            await api.get(
              `/admin/orders/${id}?fields=id,status,payment_status,total,payment_collections.status,payment_collections.payments.id,payment_collections.payments.captures.amount,payment_collections.payments.refunds.amount,payment_collections.payments.canceled_at`,
              { headers }
            )
          ).data.order,
        review: async (orderId: string) =>
          (await api.get(`/admin/trade-credit/reviews?order_id=${orderId}`, { headers })).data.reviews[0],
      }
    }

    it("refuses a refund with more decimals than the currency, so Medusa records none, and a cancel then refunds the rest to the cent", async () => {
      const w = await setup(100000)
      const placed = await complete(api, w.buyer.headers, (await cartReadyToPay(api, w.buyer.headers, w.shop)).id)
      await eventually(async () => expect((await w.order(placed.order.id)).payment_status).toBe("captured"))
      const paymentId = (await w.order(placed.order.id)).payment_collections[0].payments[0].id

      const refused = await failure(api.post(`/admin/payments/${paymentId}/refund`, { amount: 0.005 }, { headers: w.admin.headers }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/0\.005 has more decimals than EUR allows \(2\)/)
      expect((await w.order(placed.order.id)).payment_collections[0].payments[0].refunds).toEqual([])
      expect((await w.entries()).filter((e: any) => e.operation === "refunded")).toEqual([])

      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 0.01 }, { headers: w.admin.headers })
      await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: w.admin.headers })
      const o = await w.order(placed.order.id)
      expect(o.status).toBe("canceled")
      // Medusa refunded all it captured (0.01, then the rest), and so did the ledger.
      const [payment] = o.payment_collections[0].payments
      const sum = (rows: any[]) => rows.reduce((a: any, r: any) => MathBN.add(a, r.amount), MathBN.convert(0))
      expect(sum(payment.refunds).toString()).toBe(sum(payment.captures).toString())
      const after = await w.account()
      expect([after.balance, after.reserved]).toEqual([0, 0])
      const returned = (await w.entries()).filter((e: any) => ["refunded", "reverted"].includes(e.operation))
      expect(returned.map((e: any) => e.amount).reduce((a: number, b: number) => MathBN.add(a, b).toNumber(), 0)).toBe(charged(placed.order.total))
    })

    it("refuses to release a held order that was canceled, and closes its review", async () => {
      const w = await setup(10)
      const placed = await complete(api, w.buyer.headers, (await cartReadyToPay(api, w.buyer.headers, w.shop)).id)
      const review = await w.review(placed.order.id)
      expect(review.status).toBe("pending")

      await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: w.admin.headers })
      // The order.canceled subscriber closes the review after the cancel answered; a release
      // may come in before it did. Recreate that moment: the review is pending again.
      await eventually(async () => expect((await w.review(placed.order.id)).status).toBe("canceled"))
      await getContainer().resolve<any>("trade_credit").reopenReview(review.id)
      const refused = await failure(api.post(`/admin/trade-credit/reviews/${review.id}/release`, {}, { headers: w.admin.headers }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/was canceled: its credit review is closed/)

      expect((await w.review(placed.order.id)).status).toBe("canceled")
      const o = await w.order(placed.order.id)
      expect(o.status).toBe("canceled")
      expect(o.payment_collections.flatMap((pc: any) => pc.payments ?? []).flatMap((p: any) => p.captures ?? [])).toEqual([])
      expect((await w.entries()).map((e: any) => e.operation)).toEqual(["allocated"])
      expect((await w.account()).balance).toBe(0)
    })

    it("never leaves a canceled order with money captured when a cancel and a release race", async () => {
      const w = await setup(10)
      for (let round = 0; round < 3; round++) {
        const placed = await complete(api, w.buyer.headers, (await cartReadyToPay(api, w.buyer.headers, w.shop)).id)
        const review = await w.review(placed.order.id)
        await Promise.allSettled([
          api.post(`/admin/trade-credit/reviews/${review.id}/release`, {}, { headers: w.admin.headers }),
          api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: w.admin.headers }),
        ])
        // Whichever ran first, the cancel that follows a release refunds it; the order ends canceled.
        const o = await w.order(placed.order.id)
        if (o.status !== "canceled") {
          await api.post(`/admin/orders/${placed.order.id}/cancel`, {}, { headers: w.admin.headers })
        }
        await eventually(async () => expect(["released", "canceled"]).toContain((await w.review(placed.order.id)).status))
        const payments = (await w.order(placed.order.id)).payment_collections.flatMap((pc: any) => pc.payments ?? [])
        for (const p of payments) {
          const captured = (p.captures ?? []).reduce((a: number, c: any) => MathBN.add(a, c.amount).toNumber(), 0)
          const refunded = (p.refunds ?? []).reduce((a: number, r: any) => MathBN.add(a, r.amount).toNumber(), 0)
          expect(captured).toBe(refunded)
        }
        const after = await w.account()
        expect([after.balance, after.reserved]).toEqual([0, 0])
      }
    })

    it("keeps each correction of a reimbursement (who, when, before and after), with Idempotency-Key replays", async () => {
      const w = await setup(1000)
      const { data: paid } = await api.post(
        `${w.accountUrl}/reimbursements`,
        { amount: 250, reference: "BANK-001", comment: "Wire" },
        { headers: w.admin.headers }
      )
      const editUrl = `${w.accountUrl}/reimbursements/${paid.entry.id}`
      const headers = { ...w.admin.headers, "idempotency-key": "edit-1" }
      const first = await api.post(editUrl, { reference: "BANK-002" }, { headers })
      expect(first.data.entry).toEqual(
        expect.objectContaining({
          reference: "BANK-002",
          comment: "Wire",
          amount: 250,
          edits: [
            {
              actor: expect.objectContaining({ type: "user", name: "Carla Controller" }),
              created_at: expect.any(String),
              changes: { reference: { from: "BANK-001", to: "BANK-002" } },
            },
          ],
        })
      )
      const replay = await api.post(editUrl, { reference: "BANK-002" }, { headers })
      expect(replay.data).toEqual(first.data)
      const conflict = await failure(api.post(editUrl, { reference: "BANK-003" }, { headers }))
      expect(conflict.status).toBe(409)

      await api.post(editUrl, { comment: "Wire of 12/11" }, { headers: w.admin.headers })
      const [listed] = (await w.entries()).filter((e: any) => e.id === paid.entry.id)
      expect(listed.edits.map((e: any) => e.changes)).toEqual([
        { comment: { from: "Wire", to: "Wire of 12/11" } },
        { reference: { from: "BANK-001", to: "BANK-002" } },
      ])
      expect(listed).toEqual(expect.objectContaining({ reference: "BANK-002", comment: "Wire of 12/11", amount: 250 }))
      // The edits are history of the entry, not entries of their own.
      expect((await w.entries()).map((e: any) => e.operation)).toEqual(["reimbursed", "allocated"])
      expect((await w.entries()).find((e: any) => e.operation === "allocated").edits).toEqual([])

      const allocated = (await w.entries()).find((e: any) => e.operation === "allocated")
      const other = await failure(api.post(`${w.accountUrl}/reimbursements/${allocated.id}`, { comment: "x" }, { headers: w.admin.headers }))
      expect(other.status).toBe(400)
      expect(other.data.message).toMatch(/Only reimbursements can be edited/)
    })
  },
})
