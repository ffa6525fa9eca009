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
/** Invoice at shipment instead of placement: the shipment tests set it. */
if (process.env.TRADE_CREDIT_INVOICE_AT) {
  tradeCreditOptions.invoice_at = process.env.TRADE_CREDIT_INVOICE_AT
}
/** The weekly debtors report's recipients (comma-separated): the report e-mail tests set it. */
if (process.env.TRADE_CREDIT_REPORT_RECIPIENTS) {
  tradeCreditOptions.report_recipients = process.env.TRADE_CREDIT_REPORT_RECIPIENTS.split(",")
}
/** Automatic stop after N days overdue (off unless set): the credit-control tests set it. */
if (process.env.TRADE_CREDIT_AUTO_STOP_AFTER_DAYS) {
  tradeCreditOptions.auto_stop_after_days = Number(process.env.TRADE_CREDIT_AUTO_STOP_AFTER_DAYS)
}
/** Refunds of received returns to the balance, and the small-difference tolerance (tests and demo may set them). */
if (process.env.TRADE_CREDIT_REFUND_RETURNS_TO) {
  tradeCreditOptions.refund_returns_to = process.env.TRADE_CREDIT_REFUND_RETURNS_TO
}
if (process.env.TRADE_CREDIT_SETTLE_TOLERANCE) {
  tradeCreditOptions.settle_tolerance = JSON.parse(process.env.TRADE_CREDIT_SETTLE_TOLERANCE)
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
                // One pooled connection for a run's many e-mails (the receivables bench sets it).
                ...(process.env.TRADE_CREDIT_SMTP_POOL === "true" ? { pool: true } : {}),
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
 * Process roles and Redis (README, "Running in production").
 *
 * MEDUSA_WORKER_MODE: `shared` (default: one process does everything),
 * `server` (HTTP only: checkout, admin and store API) or `worker` (scheduled
 * jobs and subscribers: credit control, confirm-orders, the orphaned-
 * authorization sweep, order.placed / canceled / captured handlers).
 *
 * REDIS_URL set (several processes): Medusa's Redis event bus, workflow
 * engine, locking provider and caching provider; without it Medusa's
 * in-memory modules (one process only). Never locking-postgres: each of its
 * waiters holds a pool connection that its timeout can't give back, so a
 * burst of checkouts of one product wedges the store (README, "Install into
 * your Medusa store").
 *
 * MEDUSA_REDIS_PREFIX (optional): prefixes the queue names, lock keys, cache
 * keys and session keys, so several stores (the topology tests' parallel runs)
 * can share one Redis without reading each other's events, jobs or locks.
 * Medusa 2.21 has no option for the rest, all keyed by random ids: the
 * workflow engine's `dtrx:<workflow>:<transaction>` checkpoints and its
 * pub/sub channels, the event bus's `staging:<event group>` lists, and the
 * workflow cleaner queue `bull:workflows-cleaner:*`.
 */
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as "shared" | "server" | "worker"
if (!["shared", "server", "worker"].includes(workerMode)) {
  throw new Error(`MEDUSA_WORKER_MODE must be shared, server or worker, got "${workerMode}".`)
}
const redisUrl = process.env.REDIS_URL
const redisPrefix = process.env.MEDUSA_REDIS_PREFIX || ""
/** BullMQ refuses ":" in queue names. */
const queuePrefix = redisPrefix.replace(/[^A-Za-z0-9_-]/g, "_")
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl, queueName: `${queuePrefix}events-queue` },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: {
          redis: {
            redisUrl,
            queueName: `${queuePrefix}medusa-workflows`,
            jobQueueName: `${queuePrefix}medusa-workflows-jobs`,
          },
        },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl, namespace: `${redisPrefix}medusa_lock:` },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl, prefix: `${redisPrefix}mc:` },
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
    redisUrl,
    // Medusa's session store (connect-redis) keys: `<prefix>sess:<id>`.
    redisPrefix: redisPrefix || undefined,
    workerMode,
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
    ...redisModules,
    ...notificationModules,
  ],
})
