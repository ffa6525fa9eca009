import path from "path"
import { loadEnv, defineConfig, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * Runs the plugin's own source as a local store: the demo (`npm run demo`)
 * and the HTTP tests use it. A merchant's store registers the plugin with
 * `plugins: [{ resolve: "medusa-plugin-trade-credit", options: {...} }]`
 * instead (see README).
 */
const tradeCreditOptions: Record<string, unknown> = {
  defaultOverLimitPolicy: "hold",
  defaultPaymentTerms: { type: "net_days", net_days: 30, grace_days: 0 },
}

/**
 * TEST ONLY: the HTTP and multi-process tests set TRADE_CREDIT_TEST_CARD_PROVIDER=1
 * to get a card provider that models an external processor
 * (integration-tests/helpers/test-card-provider), registered three times:
 * `pp_test-card_test-card` (allowed for card payments toward accounts),
 * `pp_test-card_elsewhere` (allowed, but the tests enable it in no EUR region) and
 * `pp_test-card_unlisted` (not allowed); the allow-list also names
 * `pp_test-card_retired`, which is not registered. Test card payments may
 * leave up to 1000 EUR in advance. Never set in the demo or a store.
 */
/** How to pay, shown in reminder e-mails: the demo sets it (scripts/demo.js). */
if (process.env.TRADE_CREDIT_BANK_DETAILS) {
  tradeCreditOptions.bank_details = process.env.TRADE_CREDIT_BANK_DETAILS
}
/** Automatic stop after N days overdue (off unless set): the credit-control tests set it. */
if (process.env.TRADE_CREDIT_AUTO_STOP_AFTER_DAYS) {
  tradeCreditOptions.auto_stop_after_days = Number(process.env.TRADE_CREDIT_AUTO_STOP_AFTER_DAYS)
}

const testCardProvider = process.env.TRADE_CREDIT_TEST_CARD_PROVIDER === "1"
const testCardProviders = testCardProvider
  ? ["test-card", "elsewhere", "unlisted"].map((id) => ({
      // Absolute: Medusa reads a "./" path as relative to src/.
      resolve: path.join(__dirname, "integration-tests", "helpers", "test-card-provider"),
      id,
    }))
  : []
if (testCardProvider) {
  tradeCreditOptions.cardPaymentProviders = ["pp_test-card_test-card", "pp_test-card_elsewhere", "pp_test-card_retired"]
  tradeCreditOptions.cardPaymentMaxPrepayment = { eur: 1000 }
}

/**
 * E-mail (demo and tests): when TRADE_CREDIT_SMTP_HOST is set, the plugin's
 * SMTP notification provider (src/providers/smtp) sends on channel
 * TRADE_CREDIT_SMTP_CHANNEL (default `email`) through that server, beside
 * Medusa's default `local` provider on `feed`. `npm run demo` sets them to its
 * local mail catcher (scripts/lib/mail-catcher.js); the e-mail tests to an SMTP
 * server they start. A store configures the provider itself (README, "E-mails").
 */
const smtpHost = process.env.TRADE_CREDIT_SMTP_HOST
const notificationModules = smtpHost
  ? [
      {
        resolve: "@medusajs/medusa/notification",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/notification-local",
              id: "local",
              options: { name: "Local Notification Provider", channels: ["feed"] },
            },
            {
              // Absolute: Medusa reads a "./" path as relative to src/.
              resolve: path.join(__dirname, "src", "providers", "smtp"),
              id: "trade-credit-smtp",
              options: {
                channels: [process.env.TRADE_CREDIT_SMTP_CHANNEL || "email"],
                host: smtpHost,
                port: Number(process.env.TRADE_CREDIT_SMTP_PORT || 587),
                secure: process.env.TRADE_CREDIT_SMTP_SECURE === "true",
                ...(process.env.TRADE_CREDIT_SMTP_USER
                  ? { auth: { user: process.env.TRADE_CREDIT_SMTP_USER, pass: process.env.TRADE_CREDIT_SMTP_PASS ?? "" } }
                  : {}),
                from: process.env.TRADE_CREDIT_SMTP_FROM || "Accounts receivable <accounts@trade-credit.demo>",
              },
            },
          ],
        },
      },
    ]
  : []

/**
 * In production, tokens and cookies must be signed with secrets of the
 * store's own: with Medusa's fallback ("supersecret") anyone can forge an
 * admin token. The demo generates its own (scripts/demo.js).
 */
if (process.env.NODE_ENV === "production" && (!process.env.JWT_SECRET || !process.env.COOKIE_SECRET)) {
  throw new Error(
    "JWT_SECRET and COOKIE_SECRET must be set when NODE_ENV=production: Medusa would otherwise sign admin tokens and session cookies with a well-known default secret. Set both to long random values (for example `openssl rand -hex 32`)."
  )
}

/**
 * Locks (cart completion, stock reservation, card payments). One process
 * without REDIS_URL: Medusa's default in-memory locking. Several processes
 * (REDIS_URL set): Medusa's Redis locking provider. Never locking-postgres:
 * each of its waiters holds a pool connection that its timeout can't give
 * back, so a burst of checkouts of one product wedges the store (README,
 * "Install into your Medusa store").
 */
const lockingModules = process.env.REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: process.env.REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseDriverOptions: { ssl: false },
    redisUrl: process.env.REDIS_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/trade-credit",
      options: tradeCreditOptions,
    },
    {
      // Pay on account: the provider reaches the ledger and Query through the
      // payment module's dependencies (provider id `pp_trade-credit_on-account`).
      resolve: "@medusajs/medusa/payment",
      dependencies: ["trade_credit", "query"],
      options: {
        providers: [
          {
            resolve: "./src/providers/pay-on-account",
            id: "on-account",
            // TRADE_CREDIT_CAPTURE: on_invoice_paid (the default) | on_authorize | manual
            options: { capture: process.env.TRADE_CREDIT_CAPTURE || "on_invoice_paid" },
          },
          ...testCardProviders,
        ],
      },
    },
    ...lockingModules,
    ...notificationModules,
  ],
})
