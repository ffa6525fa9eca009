import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { tradeCreditModule, openCompanyAccount, creditController } from "./fixtures"

jest.setTimeout(60_000)

const admin = creditController

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()

    const openCompany = (overrides: Record<string, unknown> = {}) => openCompanyAccount(service, overrides)

    describe("the history", () => {
      it("is append-only in the database", async () => {
        const { account, entry } = await openCompany()
        await expect(knex()("trade_credit_ledger_entry").where({ id: entry.id }).update({ amount: 5 })).rejects.toThrow(
          /append-only/
        )
        await expect(knex()("trade_credit_ledger_entry").where({ id: entry.id }).delete()).rejects.toThrow(/append-only/)
        await expect(
          knex()("trade_credit_ledger_entry").where({ id: entry.id }).update({ deleted_at: new Date() })
        ).rejects.toThrow(/append-only/)
        expect(await service.listTradeCreditLedgerEntries({ account_id: account.id })).toHaveLength(1)
      })

      it("lets the placed order be named on a session's entry and review, and nothing else change", async () => {
        const { account } = await openCompany({ credit_limit: 100 })
        const authorize = (payment_session_id: string, amount: number) =>
          service.authorizeOnAccount({
            account_id: account.id,
            payment_session_id,
            amount,
            currency_code: "eur",
            customer_id: "cus_1",
            // The duplicate completion that reached the ledger first, later rolled back.
            order_id: "order_rolled_back",
            order_display_id: 7,
            capture: true,
            default_over_limit_policy: "hold",
            actor: { type: "customer", id: "cus_1" },
          })
        const paid = await authorize("payses_paid", 40)
        const held = await authorize("payses_held", 500)
        expect(held.status).toBe("pending_authorization")

        expect(await service.nameOrderOfSession({ payment_session_id: "payses_paid", order_id: "order_placed", order_display_id: 8 })).toEqual({ entries: 1, reviews: 0 })
        expect(await service.nameOrderOfSession({ payment_session_id: "payses_held", order_id: "order_held", order_display_id: 9 })).toEqual({ entries: 0, reviews: 1 })
        // Already right: nothing to change.
        expect(await service.nameOrderOfSession({ payment_session_id: "payses_paid", order_id: "order_placed", order_display_id: 8 })).toEqual({ entries: 0, reviews: 0 })

        const entry = await service.retrieveTradeCreditLedgerEntry(paid.entry_id!)
        expect(entry).toEqual(expect.objectContaining({ order_id: "order_placed", order_display_id: 8, amount: -40, operation: "purchased" }))
        const [review] = await service.listTradeCreditReviews({ payment_session_id: "payses_held" })
        expect(review).toEqual(expect.objectContaining({ order_id: "order_held", order_display_id: 9, status: "pending" }))

        // Outside that flagged transaction the order stays as fixed as the amount.
        await expect(
          knex()("trade_credit_ledger_entry").where({ id: paid.entry_id }).update({ order_id: "order_other" })
        ).rejects.toThrow(/append-only/)
        // And the flag of one session doesn't open another session's entries, nor their amounts.
        await expect(
          knex().transaction(async (trx) => {
            await trx.raw("SELECT set_config('trade_credit.name_order_of_session', 'payses_other', true)")
            await trx("trade_credit_ledger_entry").where({ id: paid.entry_id }).update({ order_id: "order_other" })
          })
        ).rejects.toThrow(/append-only/)
        await expect(
          knex().transaction(async (trx) => {
            await trx.raw("SELECT set_config('trade_credit.name_order_of_session', 'payses_paid', true)")
            await trx("trade_credit_ledger_entry").where({ id: paid.entry_id }).update({ order_id: "order_other", amount: -1 })
          })
        ).rejects.toThrow(/append-only/)
        expect(await service.retrieveTradeCreditLedgerEntry(paid.entry_id!)).toEqual(
          expect.objectContaining({ order_id: "order_placed", amount: -40 })
        )
      })

      it("lets exactly one of a capture and a cancel of the same order win", async () => {
        const { account } = await openCompany({ credit_limit: 100 })
        const authorize = (payment_session_id: string) =>
          service.authorizeOnAccount({
            account_id: account.id,
            payment_session_id,
            amount: 30,
            currency_code: "eur",
            capture: true,
            default_over_limit_policy: "hold",
            actor: { type: "customer", id: "cus_1" },
          })
        const system = { type: "system" as const, name: "test" }

        // Cancel first: the capture that follows is refused, and nothing moves.
        await authorize("payses_cancel_first")
        await service.revertOnAccount({ payment_session_id: "payses_cancel_first", actor: system })
        await expect(
          service.captureOnAccount({ payment_session_id: "payses_cancel_first", capture_id: "capt_1", amount: null, actor: system })
        ).rejects.toThrow(/was given back when it was canceled/)

        // Capture first: it is recorded though no money moves, and the cancel of the payment is refused.
        await authorize("payses_capture_first")
        expect(
          (await service.captureOnAccount({ payment_session_id: "payses_capture_first", capture_id: "capt_2", amount: null, actor: system })).entry
        ).toBeNull()
        await expect(
          service.revertOnAccount({ payment_session_id: "payses_capture_first", actor: system, refuse_if_captured: true })
        ).rejects.toThrow(/captured a moment ago: cancel the order again/)

        const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id }, { order: { seq: "ASC" } })
        expect(entries.map((e) => [e.operation, e.payment_session_id])).toEqual([
          ["allocated", null],
          ["purchased", "payses_cancel_first"],
          ["reverted", "payses_cancel_first"],
          ["purchased", "payses_capture_first"],
        ])
        expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ balance: -30, reserved: 0 }))
      })

      it("lets exactly one win when captures and cancels of the same orders really race", async () => {
        const { account } = await openCompany({ credit_limit: 10000 })
        const system = { type: "system" as const, name: "test" }
        const sessions = Array.from({ length: 20 }, (_, i) => `payses_race_${i}`)
        for (const payment_session_id of sessions) {
          await service.authorizeOnAccount({
            account_id: account.id,
            payment_session_id,
            amount: 10,
            currency_code: "eur",
            capture: true,
            default_over_limit_policy: "hold",
            actor: { type: "customer", id: "cus_1" },
          })
        }
        const outcomes = await Promise.all(
          sessions.map(async (payment_session_id, i) => {
            // Staggered, so that some captures reach the ledger before the cancel and some after.
            const later = (first: boolean) => new Promise((r) => setTimeout(r, first ? 0 : 10 * i))
            const capture = (async () => {
              await later(i % 2 === 0)
              await service.captureOnAccount({ payment_session_id, capture_id: `capt_${payment_session_id}`, amount: null, actor: system })
            })()
            const cancel = (async () => {
              await later(i % 2 === 1)
              await service.revertOnAccount({ payment_session_id, actor: system, refuse_if_captured: true })
            })()
            const [captured, canceled] = await Promise.allSettled([capture, cancel])
            return [captured.status, canceled.status].join("/")
          })
        )
        for (const outcome of outcomes) {
          expect(["fulfilled/rejected", "rejected/fulfilled"]).toContain(outcome)
        }
        const reverted = outcomes.filter((o) => o === "rejected/fulfilled").length
        const after = await service.retrieveTradeCreditAccount(account.id)
        expect(after.balance + 10 * (sessions.length - reverted)).toBe(0)
        expect(after.reserved).toBe(0)
      })

      it("edits reference and comment of reimbursements only, keeping each edit with who and the values before", async () => {
        const { account, entry: allocated } = await openCompany()
        const { entry } = await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 50, reference: "OLD", actor: admin })
        const edited = await service.editLedgerEntryNote({ account_id: account.id, entry_id: entry.id, reference: "NEW", comment: "Wire 12/11", actor: admin })
        expect(edited.entry).toEqual(expect.objectContaining({ reference: "NEW", comment: "Wire 12/11", amount: 50 }))
        expect(edited.edit).toEqual(
          expect.objectContaining({
            entry_id: entry.id,
            actor_type: "user",
            actor_id: "user_1",
            actor_name: "Credit Controller",
            changes: { reference: { from: "OLD", to: "NEW" }, comment: { from: null, to: "Wire 12/11" } },
          })
        )
        // The same values again: nothing changes, nothing is recorded.
        expect((await service.editLedgerEntryNote({ account_id: account.id, entry_id: entry.id, reference: "NEW", actor: admin })).edit).toBeNull()
        const again = { account_id: account.id, entry_id: entry.id, comment: "Wire 13/11", actor: admin, idempotency: { key: "k1", request_hash: "a" } }
        const first = await service.editLedgerEntryNote(again)
        expect((await service.editLedgerEntryNote(again)).edit!.id).toBe(first.edit!.id)
        await expect(service.editLedgerEntryNote({ ...again, idempotency: { key: "k1", request_hash: "b" } })).rejects.toThrow(/already used/)
        const history = (await service.listEditsOfEntries([entry.id])).get(entry.id)!
        expect(history.map((e) => e.changes)).toEqual([
          { comment: { from: "Wire 12/11", to: "Wire 13/11" } },
          { reference: { from: "OLD", to: "NEW" }, comment: { from: null, to: "Wire 12/11" } },
        ])
        // No ledger entry is added by an edit.
        expect(await service.listTradeCreditLedgerEntries({ account_id: account.id })).toHaveLength(2)

        await expect(
          service.editLedgerEntryNote({ account_id: account.id, entry_id: allocated.id, comment: "x", actor: admin })
        ).rejects.toThrow(/Only reimbursements can be edited/)
        await expect(
          service.editLedgerEntryNote({ account_id: "tcacc_other", entry_id: entry.id, comment: "x", actor: admin })
        ).rejects.toThrow(/was not found on account/)
      })

      it("lets the database itself refuse a note change on any entry but a reimbursement", async () => {
        const { account, entry: allocated } = await openCompany()
        const { entry: adjusted } = await service.postLedgerEntry({ account_id: account.id, operation: "adjusted", amount: 5, comment: "Rounding", actor: admin })
        const { entry: reimbursed } = await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 5, actor: admin })
        for (const id of [allocated.id, adjusted.id]) {
          await expect(knex()("trade_credit_ledger_entry").where({ id }).update({ comment: "rewritten" })).rejects.toThrow(/append-only/)
          await expect(knex()("trade_credit_ledger_entry").where({ id }).update({ reference: "X" })).rejects.toThrow(/append-only/)
        }
        await knex()("trade_credit_ledger_entry").where({ id: reimbursed.id }).update({ comment: "Wire" })
        expect((await service.retrieveTradeCreditLedgerEntry(adjusted.id)).comment).toBe("Rounding")
        expect((await service.retrieveTradeCreditLedgerEntry(reimbursed.id)).comment).toBe("Wire")
      })

      it("captures exactly what Medusa captures, once per capture, and keeps the rest reserved", async () => {
        const { account } = await openCompany({ credit_limit: 1000 })
        const system = { type: "system" as const, name: "test" }
        await service.authorizeOnAccount({
          account_id: account.id,
          payment_session_id: "payses_partial",
          amount: 100,
          currency_code: "eur",
          capture: false,
          default_over_limit_policy: "hold",
          actor: { type: "customer", id: "cus_1" },
        })
        const capture = (capture_id: string, amount: string | null) =>
          service.captureOnAccount({ payment_session_id: "payses_partial", capture_id, amount, actor: system })
        expect((await capture("capt_a", "30")).entry).toEqual(expect.objectContaining({ operation: "captured", amount: -30, reserved_delta: -30, reference: "capt_a" }))
        // A retry of the same capture moves nothing more.
        await capture("capt_a", "30")
        await expect(capture("capt_b", "10.005")).rejects.toThrow(/more decimals than EUR allows/)
        await expect(capture("capt_b", "70.01")).rejects.toThrow(/more than the 70.00 still reserved/)
        expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ balance: -30, reserved: 70 }))
        // The capture that completes Medusa's payment takes the rest.
        expect((await capture("capt_c", null)).entry).toEqual(expect.objectContaining({ amount: -70, reserved_delta: -70 }))
        expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ balance: -100, reserved: 0 }))
        await expect(
          service.revertOnAccount({ payment_session_id: "payses_partial", actor: system, refuse_if_captured: true })
        ).rejects.toThrow(/captured a moment ago/)
      })

      it("refuses a refund with more decimals than the currency instead of rounding it", async () => {
        const { account } = await openCompany({ credit_limit: 1000 })
        const system = { type: "system" as const, name: "test" }
        await service.authorizeOnAccount({
          account_id: account.id,
          payment_session_id: "payses_refund",
          amount: 58.3,
          currency_code: "eur",
          capture: true,
          default_over_limit_policy: "hold",
          actor: { type: "customer", id: "cus_1" },
        })
        const refund = (refund_id: string, amount: string | null) =>
          service.refundOnAccount({ payment_session_id: "payses_refund", refund_id, amount, actor: system })
        await expect(refund("ref_1", "0.005")).rejects.toThrow(/Refund amount 0.005 has more decimals than EUR allows \(2\)/)
        expect(await service.listTradeCreditLedgerEntries({ account_id: account.id, operation: "refunded" })).toHaveLength(0)
        await refund("ref_2", "0.01")
        // Medusa's refund of everything it still has captured gives back all that is still charged.
        expect((await refund("ref_3", null)).entry).toEqual(expect.objectContaining({ operation: "refunded", amount: 58.29 }))
        expect((await service.retrieveTradeCreditAccount(account.id)).balance).toBe(0)
      })

      it("pages newest first by keyset, stable while entries are added", async () => {
        const { account } = await openCompany()
        for (let i = 1; i <= 7; i++) {
          await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: i, actor: admin })
        }
        const page1 = await service.listEntryPage({ account_id: account.id, limit: 3 })
        expect(page1.entries.map((e) => e.amount)).toEqual([7, 6, 5])
        expect(page1.has_more).toBe(true)
        // New entries arrive while the client reads: later pages don't shift.
        await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 100, actor: admin })
        const page2 = await service.listEntryPage({ account_id: account.id, limit: 3, cursor: page1.next_cursor })
        expect(page2.entries.map((e) => e.amount)).toEqual([4, 3, 2])
        const page3 = await service.listEntryPage({ account_id: account.id, limit: 3, cursor: page2.next_cursor })
        expect(page3.entries.map((e) => e.operation)).toEqual(["reimbursed", "allocated"])
        expect(page3.has_more).toBe(false)
        expect(page3.next_cursor).toBeNull()

        const filtered = await service.listEntryPage({ account_id: account.id, operation: "allocated" })
        expect(filtered.entries).toHaveLength(1)
      })
    })
  },
})
