/* eslint-disable @typescript-eslint/no-require-imports */
import { sharedMedusaApp } from "../helpers/shared-app"
import { captureMode } from "../helpers/capture-mode"

/**
 * The HTTP files that boot the store with `capture: "on_authorize"` (their captureMode) and
 * nothing else changed, in ONE Medusa app: each file runs in a describe of its own on the
 * database the app booted with, and sees nothing another file wrote
 * (integration-tests/helpers/shared-app.ts). Not here: confirm-orders-job.spec.ts, which unsubscribes
 * the app's order.placed subscriber (an app of its own). Run one of them:
 * `npm test -- http capture-on-authorize-app -t pay-on-account.suite`.
 */
captureMode("on_authorize")

sharedMedusaApp({
  "card-payments.suite.ts": () => require("./card-payments.suite"),
  "invoices.suite.ts": () => require("./invoices.suite"),
  "order-credit-safety.suite.ts": () => require("./order-credit-safety.suite"),
  "orphaned-authorizations.suite.ts": () => require("./orphaned-authorizations.suite"),
  "pay-on-account.suite.ts": () => require("./pay-on-account.suite"),
  "reconciliation.suite.ts": () => require("./reconciliation.suite"),
})

// One timeout a jest file (read when it starts): the longest of the files' own.
jest.setTimeout(300_000)
