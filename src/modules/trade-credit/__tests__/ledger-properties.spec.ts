import fc from "fast-check"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import type TradeCreditModuleService from "../service"
import { money, propertyActor, tradeCreditModule } from "./fixtures"

jest.setTimeout(300_000)

const actor = propertyActor
const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 200)

const operation = fc.oneof(
  fc.record({ kind: fc.constant("reimburse" as const), amount: money(-50_000, 100_000) }),
  fc.record({ kind: fc.constant("adjust" as const), amount: money(-100_000, 50_000) }),
  fc.record({ kind: fc.constant("limit" as const), amount: money(0, 200_000) }),
  fc.record({ kind: fc.constant("reserve" as const), amount: money(1, 80_000), enforce: fc.boolean() }),
  fc.record({ kind: fc.constant("release" as const), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant("post" as const), share: fc.integer({ min: 1, max: 100 }) })
)

moduleIntegrationTestRunner<TradeCreditModuleService>({
  ...tradeCreditModule,
  testSuite: ({ service }) => {
    it(`keeps totals equal to the history over ${RUNS} random operation sequences`, async () => {
      let run = 0
      await fc.assert(
        fc.asyncProperty(money(0, 500_000), fc.boolean(), fc.array(operation, { minLength: 1, maxLength: 12 }), async (limit, allowExceed, ops) => {
          run++
          const { account } = await service.openAccount({
            customer_group_id: `cusgroup_prop_${run}`,
            currency_code: "eur",
            credit_limit: limit,
            allow_exceed: allowExceed,
            actor,
          })
          const written = new Map<string, unknown>()
          const snapshot = async () => {
            const entries = await service.listTradeCreditLedgerEntries({ account_id: account.id })
            for (const e of entries) {
              const frozen = JSON.stringify(e)
              // An entry, once written, never changes.
              if (written.has(e.id)) {
                expect(frozen).toBe(written.get(e.id))
              }
              written.set(e.id, frozen)
            }
            return entries
          }

          for (const op of ops) {
            const current = await service.retrieveTradeCreditAccount(account.id)
            const reserved = MathBN.convert(current.raw_reserved as never)
            const portion = (share: number) => MathBN.div(MathBN.mult(reserved, share), 100).decimalPlaces(2, 1).toString()
            try {
              switch (op.kind) {
                case "reimburse":
                case "adjust":
                  await service.postLedgerEntry({
                    account_id: account.id,
                    operation: op.kind === "reimburse" ? "reimbursed" : "adjusted",
                    amount: op.amount,
                    actor,
                  })
                  break
                case "limit":
                  await service.updateAccountSettings({ account_id: account.id, changes: { credit_limit: op.amount }, reason: "review", actor })
                  break
                case "reserve":
                  await service.postLedgerEntry({
                    account_id: account.id,
                    operation: "purchased",
                    reserved_delta: op.amount,
                    enforce_limit: op.enforce,
                    actor,
                  })
                  break
                case "release":
                  await service.postLedgerEntry({ account_id: account.id, operation: "reverted", reserved_delta: `-${portion(op.share)}`, actor })
                  break
                case "post": {
                  // Capture: the reservation becomes money owed.
                  const p = portion(op.share)
                  await service.postLedgerEntry({ account_id: account.id, operation: "purchased", reserved_delta: `-${p}`, amount: `-${p}`, actor })
                  break
                }
              }
            } catch (e) {
              // Refusals are allowed (over the limit, nothing to release, zero amounts); they must change nothing.
              const after = await service.retrieveTradeCreditAccount(account.id)
              expect(after.raw_balance).toEqual(current.raw_balance)
              expect(after.raw_reserved).toEqual(current.raw_reserved)
              expect(String((e as Error).message)).toMatch(/Not enough available credit|must not be zero|only .* is reserved/)
            }

            const entries = await snapshot()
            const after = await service.retrieveTradeCreditAccount(account.id)
            const sum = (field: "amount" | "reserved_delta") =>
              entries.reduce((s, e) => MathBN.add(s, (e as never)[`raw_${field}`]), MathBN.convert(0))
            expect(MathBN.eq(after.raw_balance as never, sum("amount"))).toBe(true)
            expect(MathBN.eq(after.raw_reserved as never, sum("reserved_delta"))).toBe(true)
            expect(
              MathBN.eq(
                after.raw_available_credit as never,
                MathBN.sub(MathBN.add(after.raw_credit_limit as never, after.raw_balance as never), after.raw_reserved as never)
              )
            ).toBe(true)
            // The newest entry carries the account's totals.
            const newest = entries.reduce((a, b) => (a.seq > b.seq ? a : b))
            expect(MathBN.eq(newest.raw_balance_after as never, after.raw_balance as never)).toBe(true)
            expect(MathBN.eq(newest.raw_available_credit_after as never, after.raw_available_credit as never)).toBe(true)
            expect(MathBN.gte(after.raw_reserved as never, 0)).toBe(true)
          }
        }),
        { numRuns: RUNS, verbose: 1 }
      )
    })
  },
})
