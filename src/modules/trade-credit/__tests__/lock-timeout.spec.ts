import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../service"
import { tradeCreditModule, creditController } from "./fixtures"
import { ACCOUNT_BUSY_MESSAGE } from "../service"

/**
 * Every lock wait of the ledger has a bound that really cancels it: a request
 * that finds the account locked by another transaction for too long fails on
 * its own with a clear conflict, holding nothing and writing nothing, instead
 * of holding its pool connection for as long as the other transaction lasts.
 */

jest.setTimeout(120_000)

/** Liveness only: the refusal comes at all within this bound (lock_timeout is 10 s). */
const ANSWER_WITHIN_MS = 40_000
const admin = creditController

/** Resolves with the promise's rejection, or fails when it settles otherwise or not within `ms`. */
async function refusalWithin(promise: Promise<unknown>, ms: number): Promise<any> {
  let timer: NodeJS.Timeout | undefined
  const bound = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms / 1000} s`)), ms)
  })
  try {
    await Promise.race([promise.then((value) => Promise.reject(new Error(`expected a refusal, got ${JSON.stringify(value)}`))), bound])
  } catch (error) {
    if (error instanceof Error && /^(still waiting|expected a refusal)/.test(error.message)) {
      throw error
    }
    return error
  } finally {
    clearTimeout(timer)
  }
}

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()

    /** Runs `fn` while another transaction holds `lockSql`; that transaction is rolled back after. */
    const whileLocked = async <T>(lockSql: string, bindings: unknown[], fn: () => Promise<T>): Promise<T> => {
      const trx = await knex().transaction()
      try {
        await trx.raw(lockSql, bindings)
        return await fn()
      } finally {
        await trx.rollback()
      }
    }

    const entriesOf = async (accountId: string) =>
      (await service.listEntryPage({ account_id: accountId, limit: 200 })).entries.map((e) => e.operation)

    it("a posting on an account locked elsewhere fails alone with a conflict and writes nothing", async () => {
      const { account } = await service.openAccount({
        customer_group_id: "cusgroup_busy",
        currency_code: "eur",
        credit_limit: 1000,
        actor: admin,
      })
      const error = await whileLocked("SELECT id FROM trade_credit_account WHERE id = ? FOR UPDATE", [account.id], () =>
        refusalWithin(
          service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 25, actor: admin }),
          ANSWER_WITHIN_MS
        )
      )
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.CONFLICT)
      expect(error.message).toBe(ACCOUNT_BUSY_MESSAGE)

      const after = await service.retrieveTradeCreditAccount(account.id)
      expect(after.balance).toBe(0)
      expect(after.available_credit).toBe(1000)
      expect(await entriesOf(account.id)).toEqual(["allocated"])
      // Once the other transaction is gone, the same posting goes through.
      await service.postLedgerEntry({ account_id: account.id, operation: "reimbursed", amount: 25, actor: admin })
      expect(await entriesOf(account.id)).toEqual(["reimbursed", "allocated"])
    })

    it("a checkout on an account locked elsewhere is refused with a message for the buyer", async () => {
      const { account } = await service.openAccount({
        customer_group_id: "cusgroup_busy_checkout",
        currency_code: "eur",
        credit_limit: 1000,
        actor: admin,
      })
      const error = await whileLocked("SELECT id FROM trade_credit_account WHERE id = ? FOR UPDATE", [account.id], () =>
        refusalWithin(
          service.authorizeOnAccount({
            account_id: account.id,
            payment_session_id: "payses_busy",
            amount: 100,
            currency_code: "eur",
            customer_id: "cus_busy",
            capture: true,
            default_over_limit_policy: "hold",
            actor: { type: "customer", id: "cus_busy" },
          }),
          ANSWER_WITHIN_MS
        )
      )
      expect(error.type).toBe(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR)
      expect(error.message).toBe(ACCOUNT_BUSY_MESSAGE)
      expect(await entriesOf(account.id)).toEqual(["allocated"])
      expect((await service.retrieveTradeCreditAccount(account.id)).balance).toBe(0)
    })

    it("opening an account while another opening of the same holder hangs fails alone with a conflict", async () => {
      const error = await whileLocked(
        "SELECT pg_advisory_xact_lock(hashtext(?))",
        ["trade_credit:customer_group_id:cusgroup_opening:eur"],
        () =>
          refusalWithin(
            service.openAccount({ customer_group_id: "cusgroup_opening", currency_code: "eur", credit_limit: 10, actor: admin }),
            ANSWER_WITHIN_MS
          )
      )
      expect(error.type).toBe(MedusaError.Types.CONFLICT)
      expect(error.message).toBe(ACCOUNT_BUSY_MESSAGE)
      expect(await service.listTradeCreditAccounts({ customer_group_id: "cusgroup_opening" })).toEqual([])
    })
  },
})
