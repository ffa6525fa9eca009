/* eslint-disable @typescript-eslint/no-require-imports */
import { sharedMedusaApp } from "../helpers/shared-app"
import { smtpCatcher } from "../helpers/mail"

/**
 * The HTTP files that send e-mail, in ONE Medusa app with the plugin's SMTP provider pointed at a
 * real SMTP server this file starts (integration-tests/helpers/mail.ts; each file takes it with
 * runningCatcher) and the plugin options of all three: the bank details of the reminders, the
 * automatic stop after 10 days overdue, the debtors report's recipients. Each file runs in a
 * describe of its own on the database the app booted with (integration-tests/helpers/shared-app.ts).
 * Run one of them: `npm test -- http mail-app -t credit-control.suite`.
 */
smtpCatcher({
  TRADE_CREDIT_BANK_DETAILS: "IBAN BE68 5390 0754 7034\nBIC TRIOBEBB",
  TRADE_CREDIT_AUTO_STOP_AFTER_DAYS: "10",
  TRADE_CREDIT_REPORT_RECIPIENTS: "finance@shop.example, owner@shop.example",
})

sharedMedusaApp({
  "credit-control.suite.ts": () => require("./credit-control.suite"),
  "debtors-report-email.suite.ts": () => require("./debtors-report-email.suite"),
  "smtp-provider.suite.ts": () => require("./smtp-provider.suite"),
})

// One timeout a jest file (read when it starts): the longest of the files' own.
jest.setTimeout(300_000)
