import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { eventually } from "../helpers/fixtures"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { releaseOrphanedAuthorizations } from "../../src/jobs/release-orphaned-authorizations"
import { AUTHORIZATION_RELEASED_MESSAGE } from "../../src/modules/trade-credit/utils/refusals"
import * as client from "../../scripts/lib/api-client"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

const minutes = (n: number) => n * 60_000

/**
 * The orphaned-authorization sweep (scheduled job
 * `trade-credit-release-orphaned-authorizations`, plugin option
 * `orphanedAuthorizationTtlMinutes`, default 60): an on-account authorization
 * whose checkout never became an order gives its credit back after the TTL,
 * with a `reverted` entry by the system; orders and younger authorizations
 * are left alone. The job is run with a clock moved past the TTL.
 */
// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("releases, once, an authorized cart that never became an order and a crashed authorization; leaves the order and young ones alone", async () => {
      const container = getContainer()
      const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
      const payments = container.resolve(Modules.PAYMENT)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Antwerp Tiles & Stone",
        email: "lotte@antwerp.example",
        credit_limit: 50000,
      })
      expect(tradeCredit.getOptions().orphanedAuthorizationTtlMinutes).toBe(60)

      // A: a real order on account.
      const placed = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop)).id)
      expect(placed.type).toBe("order")
      await eventually(async () =>
        expect((await api.get(`/admin/orders/${placed.order.id}?fields=payment_status`, { headers: admin.headers })).data.order.payment_status).toBe("captured")
      )
      // B: a cart whose on-account payment Medusa authorized, never completed (the buyer left).
      const abandoned = await cartReadyToPay(api, alice.headers, shop, { quantity: 2 })
      const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "payment_collection.payment_sessions.id"], filters: { id: abandoned.id } })
      const sessionB = carts[0].payment_collection.payment_sessions[0].id
      const paymentB = await payments.authorizePaymentSession(sessionB, {})
      // C: the ledger's authorization of a checkout whose process stopped before Medusa recorded anything.
      await tradeCredit.authorizeOnAccount({
        account_id: opened.id,
        payment_session_id: "payses_crashed",
        amount: 120,
        currency_code: "eur",
        capture: false,
        default_over_limit_policy: "hold",
        actor: { type: "system" },
      })
      const owedA = charged(placed.order.total)
      const owedB = charged(abandoned.total)
      expect(await client.getAccount(api, admin.headers, opened.id)).toEqual(
        expect.objectContaining({ balance: -MathBN.add(owedA, owedB).toNumber(), reserved: 120 })
      )

      // Younger than the TTL: a checkout may still be completing.
      expect(await releaseOrphanedAuthorizations(container)).toEqual([])
      expect(await releaseOrphanedAuthorizations(container, new Date(Date.now() + minutes(59)))).toEqual([])

      const later = new Date(Date.now() + minutes(61))
      expect(await releaseOrphanedAuthorizations(container, later)).toEqual([sessionB, "payses_crashed"])
      expect(await client.getAccount(api, admin.headers, opened.id)).toEqual(
        expect.objectContaining({ balance: -owedA, reserved: 0, available_credit: MathBN.sub(50000, owedA).toNumber() })
      )
      const history = await client.allEntries(api, admin.headers, opened.id)
      const sweep = {
        operation: "reverted",
        comment: "Released: the checkout was authorized on account but did not become an order within 60 minutes",
        actor: expect.objectContaining({ type: "system", name: "Orphaned authorization sweep" }),
      }
      const reverted = history.filter((e: any) => e.operation === "reverted")
      expect(reverted).toEqual([
        expect.objectContaining({ ...sweep, amount: 0, reserved_delta: -120 }),
        expect.objectContaining({ ...sweep, amount: owedB, reserved_delta: 0 }),
      ])
      // Newest first: C's purchase, B's, A's.
      const purchases = history.filter((e: any) => e.operation === "purchased")
      expect(purchases).toHaveLength(3)
      const [crashedPurchase, abandonedPurchase, orderPurchase] = purchases
      expect(orderPurchase.order_id).toBe(placed.order.id)
      expect(reverted.map((e: any) => e.reverses_entry_id)).toEqual([crashedPurchase.id, abandonedPurchase.id])
      // Medusa's side of B is retired: its payment canceled.
      const [paymentAfter] = await payments.listPayments({ id: paymentB.id })
      expect(paymentAfter.canceled_at).toBeTruthy()

      // Once: a second run (or a second worker) releases nothing more.
      expect(await releaseOrphanedAuthorizations(container, later)).toEqual([])
      expect((await client.allEntries(api, admin.headers, opened.id)).filter((e: any) => e.operation === "reverted")).toHaveLength(2)
      // The released authorization is never handed out again for free.
      await expect(
        tradeCredit.authorizeOnAccount({
          account_id: opened.id,
          payment_session_id: "payses_crashed",
          amount: 120,
          currency_code: "eur",
          capture: false,
          default_over_limit_policy: "hold",
          actor: { type: "system" },
        })
      ).rejects.toThrow(AUTHORIZATION_RELEASED_MESSAGE)
      // And the store reconciles.
      expect(await client.reconciliation(api, admin.headers, { grace_seconds: 0 })).toEqual(expect.objectContaining({ ok: true, differences: [] }))
    })
  },
})
