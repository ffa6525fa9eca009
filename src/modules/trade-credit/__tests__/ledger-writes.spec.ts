import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { reconcileLedger } from "../reconciliation"
import { authorizeOrder, creditController, openCompanyAccount, tradeCreditModule } from "./fixtures"

jest.setTimeout(60_000)

/**
 * Postings write the totals and the entry in one raw statement (the account
 * row is locked meanwhile: see repositories/ledger-writes.ts). Callers and
 * HTTP responses must not see the difference: the records have the generated
 * methods' shape, and the module's ORM, in the same transaction, reads what
 * was written and never writes stale totals back.
 */
moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const inOneTransaction = <T>(task: (ctx: any) => Promise<T>): Promise<T> =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (service as any).baseRepository_.transaction((manager: unknown) => task({ transactionManager: manager }))

    it("returns the account and entry exactly as the generated reads return them", async () => {
      const { account } = await openCompanyAccount(service)
      const posted = await service.postLedgerEntry({
        account_id: account.id,
        operation: "adjusted",
        amount: "-300.10",
        comment: "Opening debt",
        reference: "ERP-7",
        actor: creditController,
        idempotency: { key: "opening-debt", request_hash: "h1" },
      })
      expect(posted.entry.id).toMatch(/^tcle_/)
      expect(posted.entry.seq).toEqual(expect.any(Number))
      expect(posted.entry.created_at).toBeInstanceOf(Date)
      expect(posted.entry).toEqual(expect.objectContaining({ amount: -300.1, raw_amount: { value: "-300.1", precision: 20 } }))
      expect(posted.account).toEqual(expect.objectContaining({ balance: -300.1, available_credit: 699.9 }))
      expect(posted.entry).toEqual(await service.retrieveTradeCreditLedgerEntry(posted.entry.id))
      expect(posted.account).toEqual(await service.retrieveTradeCreditAccount(account.id))

      const auth = await authorizeOrder(service, account.id, "payses_shape", "12.34", { capture: false })
      const [purchase] = await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_shape" })
      expect(auth).toEqual({ status: "authorized", account_id: account.id, entry_id: purchase.id, posted: false, over_limit: false })
      expect(purchase).toEqual(expect.objectContaining({ reserved_delta: 12.34, reserved_after: 12.34, available_credit_after: 687.56 }))
      // A retry of the same session returns the first decision, nothing written.
      expect(await authorizeOrder(service, account.id, "payses_shape", "12.34", { capture: false })).toEqual(auth)
      expect(await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_shape" })).toHaveLength(1)
    })

    it("lets later generated reads and writes in the same transaction see the posting and keep it", async () => {
      const { account } = await openCompanyAccount(service)
      await inOneTransaction(async (ctx) => {
        // Loaded into the ORM's identity map before the raw write.
        const before = await service.retrieveTradeCreditAccount(account.id, {}, ctx)
        expect(before.balance).toBe(0)
        const { entry } = await service.postLedgerEntry(
          { account_id: account.id, operation: "reimbursed", amount: "250.5", actor: creditController },
          ctx
        )
        const after = await service.retrieveTradeCreditAccount(account.id, {}, ctx)
        expect(after).toEqual(expect.objectContaining({ balance: 250.5, available_credit: 1250.5, raw_balance: { value: "250.5", precision: 20 } }))
        const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id }, { order: { seq: "ASC" } }, ctx)
        expect(entries.map((e) => e.id)).toEqual([expect.any(String), entry.id])
        // A generated write of another field later in the transaction must not put the old totals back.
        await service.updateTradeCreditAccounts({ id: account.id, reference: "KEEP-1" }, ctx)
      })
      const committed = await service.retrieveTradeCreditAccount(account.id)
      expect(committed).toEqual(expect.objectContaining({ balance: 250.5, available_credit: 1250.5, reference: "KEEP-1" }))
    })

    it("reads the overdue invoices with the session, in due-date order, and refuses or holds by the policy", async () => {
      const { account } = await openCompanyAccount(service)
      await authorizeOrder(service, account.id, "payses_inv_a", "40")
      await authorizeOrder(service, account.id, "payses_inv_b", "25.5")
      const [a, b] = await service.listTradeCreditInvoices({ account_id: account.id }, { order: { number: "ASC" } })
      const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)
      const day = (offset: number) => new Date(today + offset * 86_400_000)
      // The later-numbered invoice fell due first: it is named first.
      await service.updateTradeCreditInvoices([
        { id: a.id, due_date: day(-3).toISOString().slice(0, 10), due_at: day(-3), overdue_at: day(-2) },
        { id: b.id, due_date: day(-10).toISOString().slice(0, 10), due_at: day(-10), overdue_at: day(-9) },
      ] as never)
      await expect(authorizeOrder(service, account.id, "payses_blocked", "1")).rejects.toThrow(
        `Pay on account is paused because 2 invoices are overdue: ${b.number} (25.50 EUR open, 10 days overdue), ${a.number} (40.00 EUR open, 3 days overdue).`
      )
      expect(await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_blocked" })).toHaveLength(0)

      await service.updateTradeCreditAccounts({ id: account.id, overdue_policy: "hold" } as never)
      expect(await authorizeOrder(service, account.id, "payses_held", "1")).toEqual(
        expect.objectContaining({ status: "pending_authorization", account_id: account.id })
      )
      const [review] = await service.listTradeCreditReviews({ payment_session_id: "payses_held" })
      expect(review).toEqual(expect.objectContaining({ reason: "overdue_invoices", status: "pending" }))
      // A retry while the review is pending changes nothing.
      expect(await authorizeOrder(service, account.id, "payses_held", "1")).toEqual(
        expect.objectContaining({ status: "pending_authorization", review_id: review.id })
      )

      await service.updateTradeCreditAccounts({ id: account.id, overdue_policy: "allow" } as never)
      expect(await authorizeOrder(service, account.id, "payses_allowed", "1")).toEqual(expect.objectContaining({ status: "authorized", posted: true }))
    })

    it("writes nothing when the transaction rolls back", async () => {
      const { account } = await openCompanyAccount(service)
      await expect(
        inOneTransaction(async (ctx) => {
          await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: "10", actor: creditController }, ctx)
          throw new Error("later step failed")
        })
      ).rejects.toThrow("later step failed")
      expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ balance: 0, available_credit: 1000 }))
      expect(await service.listTradeCreditLedgerEntries({ account_id: account.id })).toHaveLength(1)
    })

    /** The SQL `fn` sends through the module's own connection (knex's query events). */
    const sqlOf = async (fn: () => Promise<unknown>) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const moduleKnex = (service as any).baseRepository_.getFreshManager().getConnection().getKnex()
      const sent: string[] = []
      const listener = (q: { sql: string }) => sent.push(q.sql)
      moduleKnex.on("query", listener)
      try {
        await fn()
      } finally {
        moduleKnex.off("query", listener)
      }
      return sent
    }

    it("commits a reservation in its own transaction with the write (the account row is released one round trip earlier)", async () => {
      const { account } = await openCompanyAccount(service)
      const sent = await sqlOf(() => authorizeOrder(service, account.id, "payses_fused", "12.34", { capture: false }))
      // The write and the commit are one string; the transaction manager's own COMMIT ends the empty chained transaction.
      expect(sent.filter((q) => /COMMIT AND CHAIN\s*$/.test(q))).toHaveLength(1)
      expect(sent.filter((q) => /COMMIT AND CHAIN/.test(q))[0]).toMatch(/^WITH a AS \(\s*UPDATE trade_credit_account/)
      expect(sent[sent.length - 1]).toMatch(/^COMMIT;?$/)
      expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ reserved: 12.34, available_credit: 987.66 }))
      // An order posted at authorization issues its invoice after the write: that one commits as usual.
      const posted = await sqlOf(() => authorizeOrder(service, account.id, "payses_posted", "10"))
      expect(posted.some((q) => /COMMIT AND CHAIN/.test(q))).toBe(false)
      expect(await service.listTradeCreditInvoices({ account_id: account.id })).toHaveLength(1)
    })

    it("refuses a buyer who may no longer pay with the account (left the company since the session began), writing nothing", async () => {
      const { account } = await openCompanyAccount(service)
      // Removed from the company's customer group (no groups, or another company's): refused on the
      // account row the authorization locked, with the storefront's message.
      for (const customer_group_ids of [[], ["cusgroup_other"]]) {
        await expect(
          authorizeOrder(service, account.id, "payses_left", "10", { customer_id: "cus_left", customer_group_ids })
        ).rejects.toThrow("This customer may no longer pay with that trade credit account.")
      }
      expect(await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_left" })).toHaveLength(0)
      expect(await service.listTradeCreditInvoices({ account_id: account.id })).toHaveLength(0)
      expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ balance: 0, reserved: 0, available_credit: 1000 }))
      // Still in the company: the authorization goes through.
      const allowed = await authorizeOrder(service, account.id, "payses_stayed", "10", { customer_id: "cus_left", customer_group_ids: ["cusgroup_acme"] })
      expect(allowed.status).toBe("authorized")
      // Another customer's personal account is refused too; a deleted account is the same refusal, not "not found".
      const { account: personal } = await service.openAccount({ customer_id: "cus_owner", currency_code: "eur", credit_limit: 100, actor: creditController })
      await expect(
        authorizeOrder(service, personal.id, "payses_stranger", "10", { customer_id: "cus_left", customer_group_ids: ["cusgroup_acme"] })
      ).rejects.toThrow("This customer may no longer pay with that trade credit account.")
      await expect(
        authorizeOrder(service, "tca_deleted", "payses_gone", "10", { customer_id: "cus_left", customer_group_ids: ["cusgroup_acme"] })
      ).rejects.toThrow("This customer may no longer pay with that trade credit account.")
      expect((await authorizeOrder(service, personal.id, "payses_owner", "10", { customer_id: "cus_owner", customer_group_ids: [] })).status).toBe(
        "authorized"
      )
    })

    it("issues an order's invoice with the reads settlement needs in one round trip, numbered without gaps", async () => {
      const { account } = await openCompanyAccount(service)
      const year = new Date().getUTCFullYear()
      const sent = await sqlOf(() => authorizeOrder(service, account.id, "payses_inv_1", "10"))
      const statements = sent.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK)/.test(q.trim()))
      // The lock with the session's read, the totals with the entry, and the invoice with the receivables before and after it.
      expect(statements).toHaveLength(3)
      expect(statements[2]).toMatch(/INSERT INTO trade_credit_invoice_counter[\s\S]*INSERT INTO trade_credit_invoice\b/)
      await authorizeOrder(service, account.id, "payses_inv_2", "5.5")
      const invoices = await service.listTradeCreditInvoices({ account_id: account.id }, { order: { number: "ASC" } })
      expect(invoices.map((i) => [i.number, i.amount, i.raw_amount, i.amount_open, i.amount_paid, i.status, i.payment_session_id])).toEqual([
        [expect.stringMatching(new RegExp(`-${year}-\\d{6}$`)), 10, { value: "10", precision: 20 }, 10, 0, "open", "payses_inv_1"],
        [expect.stringMatching(new RegExp(`-${year}-\\d{6}$`)), 5.5, { value: "5.5", precision: 20 }, 5.5, 0, "open", "payses_inv_2"],
      ])
      const sequence = (n: string) => Number(n.slice(-6))
      expect(sequence(invoices[1].number)).toBe(sequence(invoices[0].number) + 1)
      expect(invoices[0].issued_at).toBeInstanceOf(Date)
      expect(invoices[0].created_at).toBeInstanceOf(Date)
      // The invoices agree with the ledger: the reconciliation of the account finds nothing (Medusa's payments are not compared here).
      const reconciliation = await reconcileLedger({ knex: knex(), payments: [], grace_seconds: 86_400, account_ids: [account.id] })
      expect(reconciliation.differences).toEqual([])
    })

    it("never commits a caller's transaction: an authorization inside one rolls back with it", async () => {
      const { account } = await openCompanyAccount(service)
      let sent: string[] = []
      await expect(
        inOneTransaction(async (ctx) => {
          sent = await sqlOf(() =>
            service.authorizeOnAccount(
              {
                account_id: account.id,
                payment_session_id: "payses_caller",
                amount: "5",
                currency_code: "eur",
                capture: false,
                default_over_limit_policy: "hold",
                actor: creditController,
              },
              ctx
            )
          )
          throw new Error("later step failed")
        })
      ).rejects.toThrow("later step failed")
      expect(sent.some((q) => /^WITH a AS/.test(q))).toBe(true)
      expect(sent.some((q) => /COMMIT/.test(q))).toBe(false)
      expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ reserved: 0, available_credit: 1000 }))
      expect(await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_caller" })).toHaveLength(0)
    })

    it("leaves nothing half-written when the write that would commit fails, and the next authorization goes through", async () => {
      const { account } = await openCompanyAccount(service)
      // The entry insert fails for this session only (the totals UPDATE of the same statement has run by then).
      await knex().raw(`
        CREATE FUNCTION tc_test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.payment_session_id = 'payses_fail' THEN RAISE EXCEPTION 'write failed on purpose'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER tc_test_fail_insert BEFORE INSERT ON trade_credit_ledger_entry
          FOR EACH ROW EXECUTE FUNCTION tc_test_fail_insert();`)
      try {
        await expect(authorizeOrder(service, account.id, "payses_fail", "20", { capture: false })).rejects.toThrow("write failed on purpose")
        expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(
          expect.objectContaining({ reserved: 0, available_credit: 1000, raw_reserved: { value: "0", precision: 20 } })
        )
        expect(await service.listTradeCreditLedgerEntries({ payment_session_id: "payses_fail" })).toHaveLength(0)
        // No lock or aborted transaction is left behind on a pooled connection: several go through at once.
        const after = await Promise.all(
          [1, 2, 3, 4].map((i) => authorizeOrder(service, account.id, `payses_after_${i}`, "1", { capture: false }))
        )
        expect(after.map((a) => a.status)).toEqual(["authorized", "authorized", "authorized", "authorized"])
        expect(await service.retrieveTradeCreditAccount(account.id)).toEqual(expect.objectContaining({ reserved: 4, available_credit: 996 }))
      } finally {
        await knex().raw(`DROP TRIGGER tc_test_fail_insert ON trade_credit_ledger_entry; DROP FUNCTION tc_test_fail_insert();`)
      }
    })
  },
})
