import path from "path"
import fc from "fast-check"
import { TRADE_CREDIT_MODULE } from ".."
import type TradeCreditModuleService from "../service"

/** The module as Medusa's module test runner loads it, on a fresh database with our migrations. */
export const tradeCreditModule = {
  moduleName: TRADE_CREDIT_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "../migrations"),
}

/** Who the property tests' changes are recorded as. */
export const propertyActor = { type: "system" as const, name: "property test" }

/** An amount in EUR between `min` and `max` cents, as an exact decimal string, never through float division. */
export const money = (min: number, max: number) =>
  fc.integer({ min, max }).map((cents) => {
    const sign = cents < 0 ? "-" : ""
    const abs = Math.abs(cents)
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
  })

/** The admin user who makes the changes in these tests. */
export const creditController = { type: "user" as const, id: "user_1", name: "Credit Controller" }

/** A company's EUR account with a 1,000 limit, opened by the credit controller. */
export const openCompanyAccount = (service: TradeCreditModuleService, overrides: Record<string, unknown> = {}) =>
  service.openAccount({
    customer_group_id: "cusgroup_acme",
    currency_code: "eur",
    credit_limit: 1000,
    actor: creditController,
    ...overrides,
  })

/** A buyer's order of `amount` EUR on account (session `session`, order `order_<session>`), posted at authorization unless `capture: false`. */
export const authorizeOrder = (
  service: TradeCreditModuleService,
  accountId: string,
  session: string,
  amount: number | string,
  overrides: Record<string, unknown> = {}
) =>
  service.authorizeOnAccount({
    account_id: accountId,
    payment_session_id: session,
    amount,
    currency_code: "eur",
    order_id: `order_${session}`,
    order_display_id: 1,
    capture: true,
    default_over_limit_policy: "hold",
    actor: { type: "customer", id: "cus_1" },
    ...overrides,
  })
