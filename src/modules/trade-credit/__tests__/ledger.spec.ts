import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../service"
import { tradeCreditModule, openCompanyAccount, creditController } from "./fixtures"

jest.setTimeout(60_000)

const admin = creditController

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service }) => {
    const openCompany = (overrides: Record<string, unknown> = {}) => openCompanyAccount(service, overrides)

    describe("opening an account", () => {
      it("opens a company account with an allocated entry and default terms", async () => {
        const { account, entry } = await openCompany({ reference: "ACME-001", comment: "New trade customer" })
        expect(account).toEqual(
          expect.objectContaining({
            customer_group_id: "cusgroup_acme",
            customer_id: null,
            currency_code: "eur",
            credit_limit: 1000,
            balance: 0,
            reserved: 0,
            available_credit: 1000,
            allow_exceed: false,
            status: "normal",
            terms_type: "net_days",
            terms_net_days: 30,
            terms_grace_days: 0,
            reference: "ACME-001",
          })
        )
        expect(entry).toEqual(
          expect.objectContaining({
            operation: "allocated",
            amount: 0,
            credit_limit_after: 1000,
            available_credit_after: 1000,
            actor_type: "user",
            actor_name: "Credit Controller",
            comment: "New trade customer",
          })
        )
      })

      it("refuses a second account for the same holder and currency, allows another currency", async () => {
        const { account } = await openCompany()
        await expect(openCompany()).rejects.toThrow(
          `This customer group already has a EUR credit account (${account.id}).`
        )
        const usd = await openCompany({ currency_code: "USD" })
        expect(usd.account.currency_code).toBe("usd")
      })

      it.each([
        [{ customer_id: "cus_1" }, /exactly one holder/],
        [{ customer_group_id: null }, /exactly one holder/],
        [{ currency_code: "euro" }, /three-letter ISO 4217/],
        [{ currency_code: "xyz" }, /Unknown currency code/],
        [{ credit_limit: -1 }, /credit_limit must not be negative/],
        [{ credit_limit: 10.001 }, /credit_limit 10.001 has more decimals than EUR allows/],
        [{ credit_limit: "ten" }, /credit_limit must be a finite decimal number/],
        [{ reference: "R".repeat(21) }, /reference must be at most 20 characters/],
        [{ payment_terms: { type: "net_days" } }, /net_days must be a whole number/],
      ])("refuses %j and writes nothing", async (overrides, message) => {
        await expect(openCompany(overrides)).rejects.toThrow(message)
        expect(await service.listTradeCreditAccounts()).toHaveLength(0)
        expect(await service.listTradeCreditLedgerEntries()).toHaveLength(0)
      })

      it("replays an opening with the same idempotency key, refuses another body", async () => {
        const idempotency = { key: "open-1", request_hash: "h1" }
        const first = await openCompany({ idempotency })
        const second = await openCompany({ idempotency })
        expect(second.replayed).toBe(true)
        expect(second.account.id).toBe(first.account.id)
        expect(second.entry.id).toBe(first.entry.id)
        await expect(openCompany({ idempotency: { key: "open-1", request_hash: "h2" } })).rejects.toThrow(
          /already used for a different request/
        )
      })

      it("discards an opened account only while it has no postings", async () => {
        const { account } = await openCompany()
        await service.discardOpenedAccount(account.id)
        expect(await service.listTradeCreditAccounts()).toHaveLength(0)

        const again = await openCompany()
        await service.postLedgerEntry({ account_id: again.account.id, operation: "reimbursed", amount: 5, actor: admin })
        await expect(service.discardOpenedAccount(again.account.id)).rejects.toThrow(/has postings/)
      })
    })

    describe("settings", () => {
      it("writes allocated for the first positive limit, then updated with the changes and reason", async () => {
        const { account } = await service.openAccount({ customer_id: "cus_1", currency_code: "eur", actor: admin })
        expect(account.credit_limit).toBe(0)

        const first = await service.updateAccountSettings({
          account_id: account.id,
          changes: { credit_limit: 500 },
          reason: "Credit check passed",
          actor: admin,
        })
        expect(first.entry).toEqual(
          expect.objectContaining({
            operation: "allocated",
            credit_limit_after: 500,
            available_credit_after: 500,
            comment: "Credit check passed",
            changes: { credit_limit: { from: "0", to: "500" } },
          })
        )

        const second = await service.updateAccountSettings({
          account_id: account.id,
          changes: {
            credit_limit: 750,
            allow_exceed: true,
            status: "query",
            payment_terms: { type: "end_of_next_month", grace_days: 7 },
          },
          reason: "Annual review",
          actor: admin,
        })
        expect(second.entry?.operation).toBe("updated")
        expect(second.entry?.changes).toEqual({
          credit_limit: { from: "500", to: "750" },
          allow_exceed: { from: false, to: true },
          status: { from: "normal", to: "query" },
          payment_terms: {
            from: { type: "net_days", net_days: 30, grace_days: 0 },
            to: { type: "end_of_next_month", net_days: null, grace_days: 7 },
          },
        })
        expect(second.account).toEqual(
          expect.objectContaining({ credit_limit: 750, available_credit: 750, status: "query", allow_exceed: true })
        )
      })

      it("requires a reason, writes nothing for no change, 404s an unknown account", async () => {
        const { account } = await openCompany()
        await expect(
          service.updateAccountSettings({ account_id: account.id, changes: { credit_limit: 1 }, reason: " ", actor: admin })
        ).rejects.toThrow(/reason is required/)
        const same = await service.updateAccountSettings({
          account_id: account.id,
          changes: { credit_limit: "1000.00" },
          reason: "no-op",
          actor: admin,
        })
        expect(same.entry).toBeNull()
        expect(await service.listTradeCreditLedgerEntries({ account_id: account.id })).toHaveLength(1)
        await expect(
          service.updateAccountSettings({ account_id: "tcacc_missing", changes: {}, reason: "x", actor: admin })
        ).rejects.toThrow("Trade credit account tcacc_missing was not found.")
      })
    })

    describe("postings", () => {
      it("reimburses, adjusts, and keeps balance and available credit exact", async () => {
        const { account } = await openCompany()
        await service.postLedgerEntry({ account_id: account.id, operation: "adjusted", amount: "-300.10", comment: "Opening debt", actor: admin })
        const { account: after, entry } = await service.postLedgerEntry({
          account_id: account.id,
          operation: "reimbursed",
          amount: 0.3,
          reference: "BANK-77",
          actor: admin,
        })
        expect(after.balance).toBe(-299.8)
        expect(after.available_credit).toBe(700.2)
        expect(entry).toEqual(
          expect.objectContaining({ operation: "reimbursed", amount: 0.3, balance_after: -299.8, reference: "BANK-77" })
        )
      })

      it.each([
        [{ amount: 0 }, /amount must not be zero/],
        [{ amount: 1.234 }, /amount 1.234 has more decimals than EUR allows \(2\)/],
        [{ amount: "1e400" }, /too large/],
        [{ amount: NaN }, /finite decimal/],
        [{ reserved_delta: -1 }, /only 0 is reserved/],
      ])("refuses %j and changes nothing", async (input, message) => {
        const { account } = await openCompany()
        await expect(
          service.postLedgerEntry({ account_id: account.id, operation: "adjusted", actor: admin, ...input })
        ).rejects.toThrow(message)
        const reread = await service.retrieveTradeCreditAccount(account.id)
        expect(reread.balance).toBe(0)
        expect(await service.listTradeCreditLedgerEntries({ account_id: account.id })).toHaveLength(1)
      })

      it("respects JPY and KWD minor units", async () => {
        const jpy = await openCompany({ currency_code: "jpy", credit_limit: 100000 })
        await expect(
          service.postLedgerEntry({ account_id: jpy.account.id, operation: "reimbursed", amount: 10.5, actor: admin })
        ).rejects.toThrow(/JPY allows \(0\)/)
        const kwd = await openCompany({ currency_code: "kwd", credit_limit: "1.125" })
        const { account } = await service.postLedgerEntry({ account_id: kwd.account.id, operation: "reimbursed", amount: "0.005", actor: admin })
        expect(account.available_credit).toBe(1.13)
      })

      it("enforces the limit under the row lock unless allow_exceed or forced", async () => {
        const { account } = await openCompany({ credit_limit: 100 })
        await service.postLedgerEntry({ account_id: account.id, operation: "purchased", reserved_delta: 60, enforce_limit: true, actor: admin })
        await expect(
          service.postLedgerEntry({ account_id: account.id, operation: "purchased", reserved_delta: 50, enforce_limit: true, actor: admin })
        ).rejects.toThrow("Not enough available credit: 40.00 EUR available, 10.00 over the limit.")
        const forced = await service.postLedgerEntry({
          account_id: account.id,
          operation: "purchased",
          reserved_delta: 50,
          enforce_limit: true,
          force_over_limit: true,
          actor: admin,
        })
        expect(forced.entry.over_limit).toBe(true)
        expect(forced.account.available_credit).toBe(-10)
        expect(forced.account.reserved).toBe(110)
      })

      it("replays a posting with the same idempotency key and refuses a different body", async () => {
        const { account } = await openCompany()
        const idempotency = { key: "pay-1", request_hash: "a" }
        const first = await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 10, actor: admin, idempotency })
        const second = await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 10, actor: admin, idempotency })
        expect(second.replayed).toBe(true)
        expect(second.entry.id).toBe(first.entry.id)
        expect(second.account.balance).toBe(10)
        await expect(
          service.postLedgerEntry({
            account_id: account.id,
            operation: "reimbursed",
            amount: 11,
            actor: admin,
            idempotency: { key: "pay-1", request_hash: "b" },
          })
        ).rejects.toThrow(/already used for a different request/)
      })

      it("serializes 50 concurrent postings on one account", async () => {
        const { account } = await openCompany()
        const amounts = Array.from({ length: 50 }, (_, i) => (i % 2 ? "12.34" : "-7.01"))
        await Promise.all(
          amounts.map((amount, i) =>
            service.postLedgerEntry({ account_id: account.id, operation: i % 2 ? "reimbursed" : "adjusted", amount, comment: "c", actor: admin })
          )
        )
        const expected = amounts.reduce((sum, a) => MathBN.add(sum, a), MathBN.convert(0))
        const reread = await service.retrieveTradeCreditAccount(account.id)
        expect(MathBN.eq(reread.balance, expected)).toBe(true)
        const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id }, { order: { seq: "ASC" } })
        expect(entries).toHaveLength(51)
        // Each entry's balance_after continues from the previous one: no lost update.
        for (let i = 1; i < entries.length; i++) {
          expect(MathBN.eq(entries[i].balance_after, MathBN.add(entries[i - 1].balance_after, entries[i].amount))).toBe(true)
        }
      })
    })
  },
})
