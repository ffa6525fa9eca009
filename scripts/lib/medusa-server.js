/**
 * Real Medusa processes against a real PostgreSQL, for the multi-process test
 * (integration-tests/multi-process) and `npm run bench`:
 *
 *   const store = await launchStore({ dbEnv, servers: 2, logDir, log })
 *   store.servers[0].url  ·  store.seed.publishableKey  ·  await store.stop()
 *
 * launchStore creates a fresh database on the server that `dbEnv` (DB_HOST,
 * DB_PORT, DB_USERNAME, DB_PASSWORD) points at, runs `medusa db:migrate`,
 * seeds it with integration-tests/multi-process/seed.ts (`medusa exec`) and
 * starts N servers on free ports, all against that one database. stop() ends
 * the servers and drops the database.
 *
 * The servers run `medusa start` from the project root with
 * NODE_ENV=development: that is exactly the process `medusa develop` forks,
 * minus develop's file watcher, which would restart the servers whenever
 * someone saves a file in the tree during a run.
 *
 * Nothing is left behind: every process runs in its own process group and is
 * stopped (SIGTERM, then SIGKILL) by stop(); on exit of this process any group
 * still alive is SIGKILLed; and each Medusa process preloads
 * exit-with-parent.js, so it exits by itself when this process dies without
 * running its exit hooks (SIGKILL, a runner's hard timeout).
 */
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { freePort } = require("./database")
const { phaseTimer } = require("./phase-timer")

const ROOT = path.resolve(__dirname, "..", "..")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const GUARD = path.join(__dirname, "exit-with-parent.js")
const SEED_SCRIPT = "./integration-tests/multi-process/seed.ts"
const SEED_LINE_PREFIX = "TRADE_CREDIT_SEED="

const MIGRATE_TIMEOUT_MS = 180_000
const SEED_TIMEOUT_MS = 180_000
const READY_TIMEOUT_MS = 180_000
const STOP_TIMEOUT_MS = 15_000

/** Process groups started here and not yet reaped. */
const liveGroups = new Set()
process.on("exit", () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
  }
})

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, "")

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/**
 * SIGTERM to the process group, SIGKILL after `timeoutMs` (calling
 * `onForceKill` first); resolves once it is gone.
 */
async function stopGroup(pid, timeoutMs = STOP_TIMEOUT_MS, { onForceKill } = {}) {
  if (!pid || !groupAlive(pid)) {
    liveGroups.delete(pid)
    return
  }
  try {
    process.kill(-pid, "SIGTERM")
  } catch {}
  const deadline = Date.now() + timeoutMs
  while (groupAlive(pid) && Date.now() < deadline) {
    await sleep(100)
  }
  if (groupAlive(pid)) {
    onForceKill?.()
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
    while (groupAlive(pid)) {
      await sleep(50)
    }
  }
  liveGroups.delete(pid)
}

// ---------------------------------------------------------------------------
// Environment and database
// ---------------------------------------------------------------------------

/** The connection variables for database `name` on the server of `dbEnv`. */
function databaseEnv(dbEnv, name) {
  const host = dbEnv.DB_HOST === "127.0.0.1" ? "localhost" : dbEnv.DB_HOST || "localhost"
  const port = dbEnv.DB_PORT || "5432"
  const user = dbEnv.DB_USERNAME || "postgres"
  const password = dbEnv.DB_PASSWORD || ""
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return {
    DB_HOST: host,
    DB_PORT: String(port),
    DB_USERNAME: user,
    DB_PASSWORD: password,
    DB_NAME: name,
    DATABASE_URL: `postgres://${auth}@${host}:${port}/${name}`,
  }
}

/** DB_* of `env`, falling back to DATABASE_URL's parts. */
function serverEnvOf(env = process.env) {
  if (env.DB_HOST || !env.DATABASE_URL) {
    return {
      DB_HOST: env.DB_HOST || "localhost",
      DB_PORT: env.DB_PORT || "5432",
      DB_USERNAME: env.DB_USERNAME || "postgres",
      DB_PASSWORD: env.DB_PASSWORD || "",
    }
  }
  const u = new URL(env.DATABASE_URL)
  return {
    DB_HOST: u.hostname,
    DB_PORT: u.port || "5432",
    DB_USERNAME: decodeURIComponent(u.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(u.password || ""),
  }
}

async function withAdminClient(dbEnv, fn) {
  const { Client } = require("pg")
  const client = new Client({
    host: dbEnv.DB_HOST === "127.0.0.1" ? "localhost" : dbEnv.DB_HOST,
    port: Number(dbEnv.DB_PORT || 5432),
    user: dbEnv.DB_USERNAME,
    password: dbEnv.DB_PASSWORD || undefined,
    database: "postgres",
    connectionTimeoutMillis: 10_000,
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, "")}"`

async function createDatabase(dbEnv, name) {
  await withAdminClient(dbEnv, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`))
}

/** Drops `name`, closing whatever connections are still open on it (PostgreSQL 13+). */
async function dropDatabase(dbEnv, name) {
  await withAdminClient(dbEnv, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
}

function medusaEnv(dbEnv, extra = {}) {
  const env = {
    ...process.env,
    ...dbEnv,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    LOG_LEVEL: process.env.MEDUSA_LOG_LEVEL || "info",
    TRADE_CREDIT_PARENT_PID: String(process.pid),
    NODE_OPTIONS: "",
    ...extra,
  }
  // Jest's and the test script's own switches are not Medusa's business.
  delete env.TEST_TYPE
  delete env.JEST_WORKER_ID
  return env
}

// ---------------------------------------------------------------------------
// Medusa CLI
// ---------------------------------------------------------------------------

/** A log sink: a file under `logDir` (a dot folder or /tmp, never the project root) plus a tail in memory. */
function logSink(logDir, name) {
  const tail = []
  let stream = null
  if (logDir) {
    fs.mkdirSync(logDir, { recursive: true })
    stream = fs.createWriteStream(path.join(logDir, `${name}.log`), { flags: "w" })
  }
  let partial = ""
  return {
    file: logDir ? path.join(logDir, `${name}.log`) : null,
    tail,
    write(chunk) {
      const text = partial + stripAnsi(chunk.toString("utf8"))
      const lines = text.split(/\r?\n/)
      partial = lines.pop()
      for (const line of lines) {
        tail.push(line)
        if (tail.length > 400) tail.shift()
        stream?.write(`${line}\n`)
      }
    },
    close() {
      if (partial) {
        tail.push(partial)
        stream?.write(partial)
        partial = ""
      }
      stream?.end()
    },
  }
}

/**
 * Spawns `node cli.js <args>` in its own process group (single process: Medusa's CLI doesn't fork for these).
 * `cwd` and `cli` default to this project and its @medusajs/cli; another Medusa app (scripts/check-install.js) passes its own.
 */
function spawnCli(args, env, sink, { cwd = ROOT, cli = CLI } = {}) {
  const child = spawn(process.execPath, ["-r", GUARD, cli, ...args], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  liveGroups.add(child.pid)
  child.stdout.on("data", (c) => sink.write(c))
  child.stderr.on("data", (c) => sink.write(c))
  child.on("exit", () => {
    sink.close()
    if (!groupAlive(child.pid)) liveGroups.delete(child.pid)
  })
  return child
}

/** Runs a Medusa CLI command to its end; rejects with the output's tail on failure or timeout. */
function runCli(label, args, { env, logDir, timeoutMs, cwd, cli }) {
  const sink = logSink(logDir, label)
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env, sink, { cwd, cli })
    const timer = setTimeout(() => {
      stopGroup(child.pid, 2000)
      const error = new Error(`medusa ${args.join(" ")} did not finish within ${timeoutMs / 1000} s\n${sink.tail.slice(-40).join("\n")}`)
      reject(error)
    }, timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        resolve(sink.tail)
      } else {
        reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit code ${code}`})\n${sink.tail.slice(-40).join("\n")}`))
      }
    })
  })
}

async function migrate(env, { logDir, timeoutMs = MIGRATE_TIMEOUT_MS } = {}) {
  await runCli("migrate", ["db:migrate"], { env, logDir, timeoutMs })
}

/**
 * Seeds the store; returns what the HTTP clients need: publishable key,
 * region, variants (`variantIds[0]` a stocked tile box), the variant without
 * inventory management, admin login.
 */
async function seed(env, { logDir, timeoutMs = SEED_TIMEOUT_MS } = {}) {
  const lines = await runCli("seed", ["exec", SEED_SCRIPT], { env, logDir, timeoutMs })
  const line = lines.find((l) => l.startsWith(SEED_LINE_PREFIX))
  if (!line) {
    throw new Error(`The seed printed no ${SEED_LINE_PREFIX} line:\n${lines.slice(-40).join("\n")}`)
  }
  const info = JSON.parse(line.slice(SEED_LINE_PREFIX.length))
  return {
    publishableKey: info.publishable_key,
    regionId: info.region_id,
    variantIds: info.variant_ids,
    untrackedVariantId: info.untracked_variant_id,
    admin: { email: info.admin_email, password: info.admin_password },
  }
}

async function healthy(url) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Starts one Medusa server (`medusa start`, development mode, admin off) on
 * `port` and resolves once /health answers. `cwd`/`cli`/`nodeEnv` let another
 * app run its production build (`.medusa/server`, NODE_ENV=production).
 */
async function startServer({ env, port, name = `server-${port}`, logDir, readyTimeoutMs = READY_TIMEOUT_MS, track, cwd, cli, nodeEnv = "development" }) {
  port = port ?? (await freePort())
  const url = `http://localhost:${port}`
  const sink = logSink(logDir, name)
  const child = spawnCli(["start"], { ...env, NODE_ENV: nodeEnv, PORT: String(port) }, sink, { cwd, cli })
  const started = Date.now()
  let exited = null
  child.on("exit", (code, signal) => (exited = signal ?? `exit code ${code}`))
  const server = {
    name,
    port,
    url,
    pid: child.pid,
    logFile: sink.file,
    logTail: (n = 60) => sink.tail.slice(-n).join("\n"),
    get exited() {
      return exited
    },
    stop: () => stopGroup(child.pid),
  }
  // Registered before it is ready, so a caller's cleanup reaches a server still booting.
  track?.push(server)
  while (!(await healthy(url))) {
    if (exited) {
      throw new Error(`${name} exited before it was ready (${exited})\n${server.logTail(40)}`)
    }
    if (Date.now() - started > readyTimeoutMs) {
      await server.stop()
      throw new Error(`${name} did not answer ${url}/health within ${readyTimeoutMs / 1000} s\n${server.logTail(40)}`)
    }
    await sleep(250)
  }
  server.readyMs = Date.now() - started
  return server
}

/**
 * A fresh database with migrations and the seed, and `servers` Medusa
 * processes on it. On failure everything started so far is stopped and the
 * database dropped before the error is rethrown.
 *
 * @param {{ dbEnv?: object, database?: string, servers?: number, logDir?: string, log?: (s: string) => void, env?: object }} opts
 */
async function launchStore(opts = {}) {
  const log = opts.log ?? (() => {})
  const dbServer = serverEnvOf(opts.dbEnv ?? process.env)
  const database = opts.database ?? `tc_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const env = medusaEnv(databaseEnv(dbServer, database), opts.env)
  const { timed, timings } = phaseTimer(log)
  const servers = []
  let created = false
  let stopped = null

  const store = {
    database,
    env,
    servers,
    seed: null,
    timings,
    /** Stops the servers, then drops the database (unless `keepDatabase`). Safe to call twice. */
    stop: ({ keepDatabase = false } = {}) => {
      stopped ??= (async () => {
        const t = Date.now()
        await Promise.all(servers.map((s) => s.stop()))
        if (created && !keepDatabase) {
          await dropDatabase(dbServer, database).catch((e) => log(`could not drop ${database}: ${e.message}`))
        }
        timings.stop = Date.now() - t
      })()
      return stopped
    },
  }

  try {
    await timed("createDatabase", () => createDatabase(dbServer, database))
    created = true
    log(`database ${database} on ${dbServer.DB_HOST}:${dbServer.DB_PORT}`)
    await timed("migrate", () => migrate(env, { logDir: opts.logDir }))
    // The servers boot while the seed runs: neither needs the other.
    const count = opts.servers ?? 1
    const booting = timed("serversReady", () =>
      Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const server = await startServer({ env, name: `server-${i + 1}`, logDir: opts.logDir, track: servers })
          log(`server-${i + 1} ready at ${server.url} after ${(server.readyMs / 1000).toFixed(1)} s`)
          return server
        })
      )
    )
    const seeding = timed("seed", () => seed(env, { logDir: opts.logDir }))
    const [seeded, booted] = await Promise.allSettled([seeding, booting])
    for (const outcome of [seeded, booted]) {
      if (outcome.status === "rejected") throw outcome.reason
    }
    const seedInfo = seeded.value
    servers.sort((a, b) => a.name.localeCompare(b.name))
    store.seed = seedInfo
    return store
  } catch (error) {
    await store.stop()
    throw error
  }
}

module.exports = {
  ROOT,
  launchStore,
  startServer,
  runCli,
  migrate,
  seed,
  createDatabase,
  dropDatabase,
  databaseEnv,
  serverEnvOf,
  medusaEnv,
  stopGroup,
  healthy,
  freePort,
}
