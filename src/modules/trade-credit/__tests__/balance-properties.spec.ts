import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../service"
import { money, propertyActor, tradeCreditModule } from "./fixtures"

jest.setTimeout(300_000)

const actor = propertyActor
const RUNS = Number(process.env.BALANCE_PROPERTY_RUNS ?? 60)

/**
 * What a customer's balance goes through: refunds to balance (an order that
 * owes them `owed`, maybe less than asked), checkouts that take the balance
 * (placed, or failed and given back), cancels of placed orders, admin
 * adjustments, small underpayments settled from it.
 */
const operation = fc.oneof(
  fc.record({ kind: fc.constant("refund" as const), amount: money(1, 20_000), owed: money(0, 20_000) }),
  fc.record({ kind: fc.constant("checkout" as const), amount: money(1, 25_000), placed: fc.boolean() }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("adjust" as const), amount: money(-5_000, 10_000).filter((a) => a !== "0.00") }),
  fc.record({ kind: fc.constant("underpaid" as const), amount: money(1, 5) })
)

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service }) => {
    it(`keeps the customer's balance equal to the ledger sum, and checkout never takes it below zero, over ${RUNS} random sequences`, async () => {
      let run = 0
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (ops) => {
          run++
          const customer_id = `cus_prop_${run}`
          const placed: string[] = []
          let step = 0
          for (const op of ops) {
            step++
            const accounts = await service.listTradeCreditAccounts({ customer_id, currency_code: "eur" })
            const before = accounts[0] ? MathBN.convert(accounts[0].raw_balance as never) : MathBN.convert(0)
            const order_id = `order_${run}_${step}`
            let refused: Error | null = null
            try {
              switch (op.kind) {
                case "refund":
                  await service.postOrderBalance({ order_id, customer_id, currency_code: "eur", amount: op.amount, limit: op.owed, comment: "Refund", actor })
                  break
                case "underpaid":
                  if (!accounts[0]) {
                    continue
                  }
                  await service.postOrderBalance({ order_id, customer_id, currency_code: "eur", amount: `-${op.amount}`, limit: op.amount, comment: "Underpaid", actor })
                  break
                case "adjust":
                  if (!accounts[0]) {
                    continue
                  }
                  await service.postLedgerEntry({ account_id: accounts[0].id, operation: "adjusted", amount: op.amount, comment: "Correction", actor })
                  break
                case "checkout": {
                  const cart_id = `cart_${run}_${step}`
                  const taken = await service.takeCartBalance({ cart_id, customer_id, currency_code: "eur", amount: op.amount, actor })
                  if (op.placed) {
                    await service.settleOrderBalance({ cart_id, customer_id, currency_code: "eur", amount: op.amount, order_id, actor })
                    placed.push(taken.payment_session_id)
                  } else {
                    await service.releaseCartBalance({ payment_session_id: taken.payment_session_id, actor })
                  }
                  break
                }
                case "cancel": {
                  if (!placed.length) {
                    continue
                  }
                  // Canceling twice gives back once.
                  await service.revertOnAccount({ payment_session_id: placed[op.pick % placed.length], actor })
                  break
                }
              }
            } catch (e) {
              refused = e as Error
            }

            const [account] = await service.listTradeCreditAccounts({ customer_id, currency_code: "eur" })
            const after = account ? MathBN.convert(account.raw_balance as never) : MathBN.convert(0)
            if (refused) {
              // Refusals change nothing, and say why.
              expect(MathBN.eq(after, before)).toBe(true)
              expect([op.kind, refused.message]).toEqual([op.kind, expect.stringMatching(/more than .* owes the customer|owes the customer nothing|no balance in EUR|balance no longer covers/)])
            }
            // Expected outcomes, decided on the committed balance before the operation.
            if (op.kind === "refund") {
              expect(!refused).toBe(MathBN.lte(op.amount, op.owed))
            }
            if (op.kind === "checkout") {
              const spendable = before.gt(0) ? before : MathBN.convert(0)
              expect(!refused).toBe(!!account && MathBN.lte(op.amount, spendable))
              // Checkout never spends money that isn't there.
              if (before.gte(0)) {
                expect(after.gte(0)).toBe(true)
              }
            }
            if (!account) {
              continue
            }
            const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id })
            const sum = entries.reduce((s, e) => MathBN.add(s, (e as never)["raw_amount"]), MathBN.convert(0))
            expect(MathBN.eq(after, sum)).toBe(true)
            expect(MathBN.eq(account.raw_reserved as never, 0)).toBe(true)
            expect(MathBN.eq(account.raw_credit_limit as never, 0)).toBe(true)
            // Every order's balance debits are given back at most once.
            for (const session of placed) {
              const reverted = entries.filter((e) => e.payment_session_id === session && e.operation === "reverted")
              expect(reverted.length).toBeLessThanOrEqual(1)
            }
          }
        }),
        { numRuns: RUNS, verbose: 1 }
      )
    })
  },
})
