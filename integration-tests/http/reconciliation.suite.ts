import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { adminAndShopOncePerFile, cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { answer, eventually } from "../helpers/fixtures"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { APPEND_ONLY_TRIGGER } from "../../src/modules/trade-credit/repositories/reconciliation"
import * as client from "../../scripts/lib/api-client"
import { captureMode, charged } from "../helpers/capture-mode"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(300_000)

/**
 * GET /admin/trade-credit/reconciliation: ok on a healthy store after the
 * whole life of orders on account; after a balance changed behind the
 * ledger's back and the append-only trigger dropped, exactly those two.
 */
// This suite expects the capture right after checkout.
captureMode("on_authorize")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const base = adminAndShopOncePerFile(api, getContainer)

    it("answers 401 without admin authentication, and 400 for a grace period that is not a whole number of seconds", async () => {
      expect((await answer(api.get("/admin/trade-credit/reconciliation"))).status).toBe(401)
      const { admin } = await companyWithBuyer(api, getContainer(), { company: "Ghent Joinery", email: "g@ghent.example", credit_limit: 10 }, base())
      for (const bad of ["grace_seconds=-1", "grace_seconds=1.5", "grace_seconds=x", "grace_seconds=86401", "unknown=1"]) {
        const res = await answer(api.get(`/admin/trade-credit/reconciliation?${bad}`, { headers: admin.headers }))
        expect([bad, res.status]).toEqual([bad, 400])
      }
    })

    it("a checkout authorized on account that never became a Medusa payment: reported once the grace period is over", async () => {
      const container = getContainer()
      const { admin, account } = await companyWithBuyer(api, container, { company: "Lille Renovation", email: "l@lille.example", credit_limit: 1000 }, base())
      // What a server killed between the ledger's authorization and Medusa's payment leaves behind.
      await container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE).authorizeOnAccount({
        account_id: account.id,
        payment_session_id: "payses_crashed",
        amount: 120,
        currency_code: "eur",
        capture: false,
        default_over_limit_policy: "hold",
        actor: { type: "system" },
      })
      // Within the default grace period (60 s) it may be a checkout in progress.
      const recent = await client.reconciliation(api, admin.headers)
      expect(recent).toEqual(expect.objectContaining({ ok: true, grace_seconds: 60, sessions_checked: 1, payments_checked: 0, differences: [] }))

      const now = await client.reconciliation(api, admin.headers, { grace_seconds: 0 })
      expect(now.ok).toBe(false)
      expect(now.differences).toEqual([
        {
          kind: "entries_without_payment",
          account_id: account.id,
          currency_code: "eur",
          payment_session_id: "payses_crashed",
          payment_id: null,
          order_id: null,
          expected: 0,
          actual: 120,
          message: `The EUR account of Lille Renovation (${account.id}) still carries 120.00 EUR for a checkout without an order (payment session payses_crashed), but Medusa has no payment for that checkout: the authorization was never completed into an order.`,
        },
      ])
    })

    it("ok after checkouts, captures, a cancel, a refund and a reimbursement; then names exactly a balance changed by SQL and the dropped trigger", async () => {
      const container = getContainer()
      const { admin, shop, buyer: alice, account: opened } = await companyWithBuyer(api, container, {
        company: "Rotterdam Build Supply",
        email: "alice@rbs.example",
        credit_limit: 50000,
      }, base())
      const order = async (id: string) =>
        (await api.get(`/admin/orders/${id}?fields=id,status,payment_status,payment_collections.payments.id`, { headers: admin.headers })).data.order
      const placed: any[] = []
      for (const quantity of [1, 2, 3]) {
        const result = await complete(api, alice.headers, (await cartReadyToPay(api, alice.headers, shop, { quantity })).id)
        expect(result.type).toBe("order")
        placed.push(result.order)
      }
      // Medusa's capture of each (the order.placed subscriber records it).
      for (const o of placed) {
        await eventually(async () => expect((await order(o.id)).payment_status).toBe("captured"))
      }
      // Cancel the first (refunded to the account), refund 5 of the second, record a payment received.
      await api.post(`/admin/orders/${placed[0].id}/cancel`, {}, { headers: admin.headers })
      const secondPayment = (await order(placed[1].id)).payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${secondPayment}/refund`, { amount: 5 }, { headers: admin.headers })
      await client.reimburse(api, admin.headers, opened.id, { amount: 100, reference: "BANK-1" })
      const account = await client.getAccount(api, admin.headers, opened.id)
      const owed = MathBN.sub(MathBN.add(charged(placed[1].total), charged(placed[2].total)), 105).toNumber()
      expect(account).toEqual(expect.objectContaining({ balance: -owed, reserved: 0 }))

      const healthy = await client.reconciliation(api, admin.headers, { grace_seconds: 0 })
      expect(healthy).toEqual({
        ok: true,
        accounts_checked: 1,
        sessions_checked: 3,
        payments_checked: 3,
        invoices_checked: 3,
        grace_seconds: 0,
        checked_at: expect.any(String),
        differences: [],
      })
      expect((await client.reconciliation(api, admin.headers)).ok).toBe(true)

      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      try {
        // What the app never does: change the total without an entry, and drop the append-only trigger.
        await knex.raw(`UPDATE trade_credit_account SET balance = balance - 50 WHERE id = ?`, [opened.id])
        await knex.raw(`DROP TRIGGER ${APPEND_ONLY_TRIGGER} ON trade_credit_ledger_entry`)

        const broken = await client.reconciliation(api, admin.headers, { grace_seconds: 0 })
        expect(broken.ok).toBe(false)
        expect(broken.accounts_checked).toBe(1)
        expect(broken.differences).toEqual([
          {
            kind: "append_only_trigger_missing",
            account_id: null,
            currency_code: null,
            payment_session_id: null,
            payment_id: null,
            order_id: null,
            expected: "installed",
            actual: "missing",
            message: `The database trigger ${APPEND_ONLY_TRIGGER} that keeps the credit history append-only is missing: ledger entries can be changed or deleted. Re-create it from the plugin's migrations.`,
          },
          {
            kind: "balance_mismatch",
            account_id: opened.id,
            currency_code: "eur",
            payment_session_id: null,
            payment_id: null,
            order_id: null,
            expected: -owed,
            actual: MathBN.sub(-owed, 50).toNumber(),
            message: `The EUR account of Rotterdam Build Supply (${opened.id}) shows an outstanding balance of ${MathBN.sub(-owed, 50).toFixed(2)} EUR, but its credit history adds up to ${MathBN.convert(-owed).toFixed(2)} EUR: the balance was changed by -50.00 EUR without a ledger entry.`,
          },
        ])
      } finally {
        // The runner truncates tables between tests, not triggers: put it back as the migration made it.
        await knex.raw(`DROP TRIGGER IF EXISTS ${APPEND_ONLY_TRIGGER} ON trade_credit_ledger_entry`)
        await knex.raw(
          `CREATE TRIGGER ${APPEND_ONLY_TRIGGER} BEFORE UPDATE OR DELETE ON trade_credit_ledger_entry FOR EACH ROW EXECUTE FUNCTION ${APPEND_ONLY_TRIGGER}()`
        )
      }
      expect((await client.reconciliation(api, admin.headers, { grace_seconds: 0 })).differences.map((d) => d.kind)).toEqual(["balance_mismatch"])
    })
  },
})
