/* eslint-disable @typescript-eslint/no-require-imports */
import { sharedMedusaApp } from "../helpers/shared-app"

/**
 * The HTTP files that boot the store as medusa-config.ts has it by default (capture on invoice
 * paid, no plugin options from the environment, no runner hooks), in ONE Medusa app: each file
 * runs in a describe of its own on the database the app booted with, and sees nothing another
 * file wrote (integration-tests/helpers/shared-app.ts). Run one of them:
 * `npm test -- http default-options-app -t accounts.suite`.
 */
sharedMedusaApp({
  "accounts.suite.ts": () => require("./accounts.suite"),
  "adversarial.suite.ts": () => require("./adversarial.suite"),
  "aging-report.suite.ts": () => require("./aging-report.suite"),
  "api-hardening.suite.ts": () => require("./api-hardening.suite"),
  "balance-checkout.suite.ts": () => require("./balance-checkout.suite"),
  "capture-on-invoice-paid.suite.ts": () => require("./capture-on-invoice-paid.suite"),
  "demo-invoices.suite.ts": () => require("./demo-invoices.suite"),
  "demo-refund-to-balance.suite.ts": () => require("./demo-refund-to-balance.suite"),
})

// One timeout a jest file (read when it starts): the longest of the files' own (adversarial's).
jest.setTimeout(600_000)
