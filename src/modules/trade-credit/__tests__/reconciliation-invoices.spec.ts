import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type TradeCreditModuleService from "../service"
import { Migration20261201093659 } from "../migrations/Migration20261201093659"
import { reconcileLedger } from "../reconciliation"
import { creditController, openCompanyAccount, tradeCreditModule } from "./fixtures"

jest.setTimeout(120_000)

const admin = creditController

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The reconciliation's invoice checks against a real ledger: healthy after
 * orders, a payment, a cancel and an order only reserved; then each kind of
 * disagreement made by SQL (in a transaction rolled back after the check) is
 * reported, and only it.
 */
moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()

    it("invoices agree with the ledger; each break made by SQL is reported by its kind", async () => {
      const { account } = await openCompanyAccount(service, { credit_limit: 10_000, payment_terms: { type: "net_days", net_days: 30 } })
      const order = (session: string, amount: number, capture = true) =>
        service.authorizeOnAccount({
          account_id: account.id,
          payment_session_id: session,
          amount,
          currency_code: "eur",
          order_id: `order_${session}`,
          capture,
          default_over_limit_policy: "hold",
          actor: admin,
        })
      await order("payses_a", 100)
      await order("payses_b", 50)
      await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 30, reference: "BANK-1", actor: admin })
      await order("payses_c", 40)
      await service.revertOnAccount({ payment_session_id: "payses_c", actor: admin })
      // Authorized, not captured: owes nothing yet, so no invoice.
      await order("payses_d", 70, false)

      const invoices = await service.listTradeCreditInvoices({ account_id: account.id })
      const invoice = (session: string) => invoices.find((i) => i.payment_session_id === session)!
      expect(invoices.map((i) => [i.payment_session_id, i.status]).sort()).toEqual([
        ["payses_a", "partially_paid"],
        ["payses_b", "open"],
        ["payses_c", "void"],
      ])
      const [paymentOfA] = await service.listTradeCreditInvoiceAllocations({ invoice_id: invoice("payses_a").id, kind: "payment" })

      const check = (db: unknown, invoiceAt?: "placement" | "shipment") =>
        reconcileLedger({ knex: db, payments: [], grace_seconds: 86_400, invoice_at: invoiceAt })
      const healthy = await check(knex())
      expect(healthy).toEqual(expect.objectContaining({ ok: true, accounts_checked: 1, invoices_checked: 3, differences: [] }))

      /** Breaks the rows with `sql` in a transaction, reconciles inside it, rolls back. */
      const broken = async (sql: string, bindings: unknown[], invoiceAt?: "placement" | "shipment") => {
        let result: Awaited<ReturnType<typeof check>> | undefined
        await knex()
          .transaction(async (trx: any) => {
            await trx.raw(sql, bindings)
            result = await check(trx, invoiceAt)
            throw new Error("rollback")
          })
          .catch((e: Error) => {
            if (e.message !== "rollback") {
              throw e
            }
          })
        expect(result!.ok).toBe(false)
        return result!.differences
      }
      const kinds = (differences: { kind: string }[]) => differences.map((d) => d.kind).sort()

      // An invoice deleted: its order's charge is billed by nothing, and the invoices owe less than the ledger.
      const deleted = await broken(`UPDATE trade_credit_invoice SET deleted_at = now() WHERE id = ?`, [invoice("payses_b").id])
      expect(kinds(deleted)).toEqual(["invoices_ledger_mismatch", "order_debit_without_invoice"])
      expect(deleted.find((d) => d.kind === "order_debit_without_invoice")).toEqual(
        expect.objectContaining({ account_id: account.id, order_id: "order_payses_b", payment_session_id: "payses_b", expected: 50, actual: 0 })
      )
      expect(deleted.find((d) => d.kind === "invoices_ledger_mismatch")).toEqual(
        expect.objectContaining({
          expected: 120,
          actual: 70,
          message: `The EUR account ${account.id} owes 120.00 EUR by its credit history, but its open invoices (70.00 EUR) less its unallocated credit (0.00 EUR) come to 70.00 EUR, -50.00 EUR apart.`,
        })
      )

      // Marked paid by 5 without an allocation (a payment that never reached the ledger).
      const paid = await broken(`UPDATE trade_credit_invoice SET amount_paid = amount_paid + 5, amount_open = amount_open - 5 WHERE id = ?`, [
        invoice("payses_a").id,
      ])
      expect(kinds(paid)).toEqual(["invoice_allocations_mismatch", "invoices_ledger_mismatch"])
      expect(paid.find((d) => d.kind === "invoice_allocations_mismatch")).toEqual(
        expect.objectContaining({
          expected: 30,
          actual: 35,
          message: `Invoice ${invoice("payses_a").number} (${invoice("payses_a").id}) of the EUR account ${account.id} shows 35.00 EUR paid, but its payment allocations add up to 30.00 EUR.`,
        })
      )

      // The canceled order's voided invoice reopened.
      const reopened = await broken(`UPDATE trade_credit_invoice SET status = 'open', amount_credited = 0, amount_open = amount WHERE id = ?`, [
        invoice("payses_c").id,
      ])
      expect(kinds(reopened)).toEqual(["canceled_order_invoice_open", "invoice_allocations_mismatch", "invoices_ledger_mismatch"])
      expect(reopened.find((d) => d.kind === "canceled_order_invoice_open")).toEqual(
        expect.objectContaining({ order_id: "order_payses_c", payment_session_id: "payses_c", expected: 0, actual: 40 })
      )
      // ...and only its status: that alone is reported.
      expect(kinds(await broken(`UPDATE trade_credit_invoice SET status = 'open' WHERE id = ?`, [invoice("payses_c").id]))).toEqual([
        "canceled_order_invoice_open",
      ])

      // An invoice for more than its charge.
      const more = await broken(`UPDATE trade_credit_invoice SET amount = amount + 10, amount_open = amount_open + 10 WHERE id = ?`, [
        invoice("payses_b").id,
      ])
      expect(kinds(more)).toEqual(["invoice_amount_mismatch", "invoices_ledger_mismatch"])
      expect(more.find((d) => d.kind === "invoice_amount_mismatch")).toEqual(expect.objectContaining({ expected: 50, actual: 60 }))

      // An invoice billing no charge of the ledger (a copy of B naming an entry that doesn't exist).
      const copy = await broken(
        `INSERT INTO trade_credit_invoice
         SELECT (jsonb_populate_record(NULL::trade_credit_invoice, to_jsonb(i) || '{"id":"tcinv_copy","number":"INV-COPY","entry_id":"tcle_none"}')).*
           FROM trade_credit_invoice i WHERE i.id = ?`,
        [invoice("payses_b").id]
      )
      expect(kinds(copy)).toEqual(["invoice_without_order_debit", "invoices_ledger_mismatch"])
      expect(copy.find((d) => d.kind === "invoice_without_order_debit")).toEqual(
        expect.objectContaining({ account_id: account.id, order_id: "order_payses_b", expected: 0, actual: 50 })
      )

      // A payment allocation removed with the invoice's columns: the credit is left unallocated beside owing invoices.
      const unallocated = await broken(
        `WITH gone AS (UPDATE trade_credit_invoice_allocation SET deleted_at = now() WHERE id = ? RETURNING invoice_id)
         UPDATE trade_credit_invoice SET amount_paid = 0, amount_open = amount, status = 'open' WHERE id IN (SELECT invoice_id FROM gone)`,
        [paymentOfA.id]
      )
      // (The account row's running total still says none is unallocated.)
      expect(kinds(unallocated)).toEqual(["unallocated_credit_beside_owing_invoices", "unallocated_credit_mismatch"])
      expect(unallocated.find((d) => d.kind === "unallocated_credit_beside_owing_invoices")).toEqual(
        expect.objectContaining({ expected: 0, actual: 30 })
      )
      expect(unallocated.find((d) => d.kind === "unallocated_credit_mismatch")).toEqual(expect.objectContaining({ expected: 30, actual: 0 }))

      // The running totals postings read instead of the history, drifted: the unallocated credit...
      const drifted = await broken(`UPDATE trade_credit_account SET unallocated_credit = unallocated_credit + 5 WHERE id = ?`, [account.id])
      expect(kinds(drifted)).toEqual(["unallocated_credit_mismatch"])
      expect(drifted[0]).toEqual(
        expect.objectContaining({
          account_id: account.id,
          expected: 0,
          actual: 5,
          message: `The EUR account ${account.id} shows 5.00 EUR of unallocated credit, but its credit history less its allocations leaves 0.00 EUR.`,
        })
      )
      // ...and the outstanding orders (invoiced at shipment; invoiced at placement there are none to keep).
      expect((await check(knex(), "shipment")).differences).toEqual([])
      const outstanding = await broken(
        `UPDATE trade_credit_account SET outstanding_orders_total = 25, outstanding_orders_count = 1 WHERE id = ?`,
        [account.id],
        "shipment"
      )
      expect(kinds(outstanding)).toEqual(["outstanding_orders_mismatch"])
      expect(outstanding[0]).toEqual(expect.objectContaining({ account_id: account.id, expected: 0, actual: 25 }))

      // The migration that added the running totals fills them from the history (here over garbage).
      await knex().transaction(async (trx: any) => {
        await trx.raw(`UPDATE trade_credit_account SET unallocated_credit = 999, outstanding_orders_total = 7, outstanding_orders_count = 3`)
        await trx.raw(Migration20261201093659.backfillSql)
        expect((await check(trx, "shipment")).differences).toEqual([])
      })

      // Rolled back each time: healthy again.
      expect((await check(knex())).differences).toEqual([])

      // Only some accounts (account_ids): an account's breaks are reported as by the whole check, another's not at all.
      const { account: other } = await openCompanyAccount(service, { customer_group_id: "cusgroup_other", credit_limit: 500 })
      await service.authorizeOnAccount({
        account_id: other.id,
        payment_session_id: "payses_other",
        amount: 20,
        currency_code: "eur",
        order_id: "order_payses_other",
        capture: true,
        default_over_limit_policy: "hold",
        actor: admin,
      })
      const scoped = async (sql: string, bindings: unknown[], invoiceAt: "placement" | "shipment") => {
        await knex()
          .transaction(async (trx: any) => {
            await trx.raw(sql, bindings)
            const at = (account_ids?: string[]) => reconcileLedger({ knex: trx, payments: [], grace_seconds: 86_400, invoice_at: invoiceAt, account_ids })
            const whole = await at()
            expect(whole.accounts_checked).toBe(2)
            expect(whole.differences.length).toBeGreaterThan(0)
            const mine = await at([account.id])
            expect({ ...mine, checked_at: null }).toEqual({
              ...whole,
              checked_at: null,
              accounts_checked: 1,
              sessions_checked: whole.sessions_checked - 1,
              invoices_checked: whole.invoices_checked - 1,
            })
            expect(await at([other.id])).toEqual(
              expect.objectContaining({ ok: true, accounts_checked: 1, sessions_checked: 1, invoices_checked: 1, differences: [] })
            )
            expect(await at([])).toEqual(expect.objectContaining({ ok: true, accounts_checked: 0, sessions_checked: 0, differences: [] }))
            throw new Error("rollback")
          })
          .catch((e: Error) => {
            if (e.message !== "rollback") {
              throw e
            }
          })
      }
      await scoped(`UPDATE trade_credit_invoice SET deleted_at = now() WHERE id = ?`, [invoice("payses_b").id], "placement")
      await scoped(`UPDATE trade_credit_invoice SET status = 'open', amount_credited = 0, amount_open = amount WHERE id = ?`, [invoice("payses_c").id], "placement")
      await scoped(`UPDATE trade_credit_invoice SET amount = amount + 10, amount_open = amount_open + 10 WHERE id = ?`, [invoice("payses_b").id], "placement")
      // Under shipment: the pending orders' sums (pendingCtes) of these accounts only.
      await scoped(`UPDATE trade_credit_invoice SET deleted_at = now() WHERE id = ?`, [invoice("payses_b").id], "shipment")
      await scoped(`UPDATE trade_credit_account SET outstanding_orders_total = 25, outstanding_orders_count = 1 WHERE id = ?`, [account.id], "shipment")
    })
  },
})
