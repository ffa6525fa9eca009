import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { tradeCreditModule, creditController } from "./fixtures"

jest.setTimeout(60_000)

const admin = creditController
const buyer = { type: "customer" as const, id: "cus_1", name: "Alice Buyer" }

/**
 * A released credit review is authorized under the account lock: a buyer's
 * release (they paid the part above the limit) obeys every checkout rule, an
 * admin's may go over the limit.
 */
moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service }) => {
    it("authorizes a buyer's release only as a checkout would (never over the limit, never on stop); an admin's may go over", async () => {
      const { account } = await service.openAccount({ customer_group_id: "cusgroup_acme", currency_code: "eur", credit_limit: 100, actor: admin })
      const authorize = (payment_session_id: string) =>
        service.authorizeOnAccount({
          account_id: account.id,
          payment_session_id,
          amount: 150,
          currency_code: "eur",
          customer_id: buyer.id,
          capture: true,
          default_over_limit_policy: "hold",
          actor: buyer,
        })
      const release = (review_id: string, actor: typeof admin | typeof buyer) =>
        service.decideReview({ review_id, decision: "released", actor })

      const held = await authorize("payses_buyer")
      expect(held.status).toBe("pending_authorization")

      // Over the limit: the buyer's release is refused.
      await release(held.review_id!, buyer)
      await expect(authorize("payses_buyer")).rejects.toThrow(
        "Not enough available credit to release this order: 100.00 EUR available, the order is 50.00 over the limit."
      )
      await service.reopenReview(held.review_id!)

      // Paid enough to cover it, but on stop: still refused.
      await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 50, actor: buyer })
      await service.updateAccountSettings({ account_id: account.id, changes: { status: "on_stop" }, reason: "Overdue", actor: admin })
      await release(held.review_id!, buyer)
      await expect(authorize("payses_buyer")).rejects.toThrow(/on stop: a held order can't be released/)
      await service.reopenReview(held.review_id!)

      // Back to normal: the buyer's release fits, and is authorized as the buyer.
      await service.updateAccountSettings({ account_id: account.id, changes: { status: "normal" }, reason: "Paid", actor: admin })
      await release(held.review_id!, buyer)
      const fits = await authorize("payses_buyer")
      expect(fits).toEqual(expect.objectContaining({ status: "authorized", posted: true, over_limit: false }))
      const entry = await service.retrieveTradeCreditLedgerEntry(fits.entry_id!)
      expect(entry).toEqual(expect.objectContaining({ actor_type: "customer", actor_id: buyer.id, amount: -150, available_credit_after: 0 }))

      // A credit controller may release an order over the limit; the entry is flagged.
      const second = await authorize("payses_admin")
      expect(second.status).toBe("pending_authorization")
      await release(second.review_id!, admin)
      const over = await authorize("payses_admin")
      expect(over).toEqual(expect.objectContaining({ status: "authorized", over_limit: true }))
      expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ available_credit: -150 }))
    })
  },
})
