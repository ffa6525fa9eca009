/**
 * Real Medusa processes against a real PostgreSQL, for the multi-process test
 * (integration-tests/multi-process) and `npm run bench`:
 *
 *   const store = await launchStore({ dbEnv, servers: 2, logDir, log })
 *   store.servers[0].url  ·  store.seed.publishableKey  ·  await store.stop()
 *
 * launchStore creates a fresh database on the server that `dbEnv` (DB_HOST,
 * DB_PORT, DB_USERNAME, DB_PASSWORD) points at, runs `medusa db:migrate` (or,
 * in `npm run test:topology`, copies the database scripts/test.js migrated
 * once for the run, on the same server: see test-database-template.js),
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
const path = require("path")
const { freePort } = require("./database")
const { phaseTimer } = require("./phase-timer")
const pg = require("./pg-connection")
const { run, startGroup, stopGroup } = require("./process")

const ROOT = path.resolve(__dirname, "..", "..")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const GUARD = path.join(__dirname, "exit-with-parent.js")
const SEED_SCRIPT = "./integration-tests/multi-process/seed.ts"
const SEED_LINE_PREFIX = "TRADE_CREDIT_SEED="
/** The seed prints it first: its Medusa boot, and with it Medusa's create-defaults, is done. */
const SEED_BOOTED_LINE = "TRADE_CREDIT_SEED_BOOTED"
const DEMO_SEED_SCRIPT = "./src/scripts/seed-demo.ts"

const MIGRATE_TIMEOUT_MS = 180_000
const SEED_TIMEOUT_MS = 180_000
const READY_TIMEOUT_MS = 180_000

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------

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

/**
 * `node cli.js <args>` (Medusa's CLI doesn't fork for these) in its own process
 * group, preloading exit-with-parent.js, output in `logDir`/`name`.log.
 * `cwd` and `cli` default to this project and its @medusajs/cli; another
 * Medusa app (scripts/check-install.js) passes its own.
 */
const cliCommand = (args, { cwd = ROOT, cli = CLI, logDir, name }) => ({
  command: process.execPath,
  args: ["-r", GUARD, cli, ...args],
  options: { cwd, logFile: logDir ? path.join(logDir, `${name}.log`) : undefined },
})

/** Runs a Medusa CLI command to its end; resolves its output's tail, rejects with it on failure or timeout. `onLine` sees each output line. */
function runCli(label, args, { env, logDir, timeoutMs, cwd, cli, onLine }) {
  const { command, args: argv, options } = cliCommand(args, { cwd, cli, logDir, name: label })
  return run(command, argv, { ...options, env, timeoutMs, onLine, label: `medusa ${args.join(" ")}` })
}

async function migrate(env, { logDir, timeoutMs = MIGRATE_TIMEOUT_MS, args = [] } = {}) {
  await runCli("migrate", ["db:migrate", ...args], { env, logDir, timeoutMs })
}

/**
 * Seeds the store; returns what the HTTP clients need: publishable key,
 * region, variants (`variantIds[0]` a stocked tile box), the variant without
 * inventory management, admin login.
 */
async function seed(env, { logDir, timeoutMs = SEED_TIMEOUT_MS, onBooted } = {}) {
  const onLine = onBooted ? (line) => line.includes(SEED_BOOTED_LINE) && onBooted() : undefined
  const lines = await runCli("seed", ["exec", SEED_SCRIPT], { env, logDir, timeoutMs, onLine })
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

/** What the demo seed (src/scripts/seed-demo.ts) prints: its publishable key and DEMO_INFO (buyers, …). */
function demoSeedInfo(lines) {
  const keyLine = lines.find((l) => l.startsWith("PUBLISHABLE_KEY="))
  const infoLine = lines.find((l) => l.startsWith("DEMO_INFO="))
  if (!keyLine || !infoLine) {
    const error = new Error("The seed finished without printing PUBLISHABLE_KEY / DEMO_INFO.")
    error.output = lines
    throw error
  }
  return {
    publishableKey: keyLine.slice("PUBLISHABLE_KEY=".length).trim(),
    info: JSON.parse(infoLine.slice("DEMO_INFO=".length)),
  }
}

/** Runs the demo seed (`medusa exec`) on the database of `env`; resolves with demoSeedInfo. */
async function seedDemo(env, { logDir, timeoutMs = SEED_TIMEOUT_MS } = {}) {
  return demoSeedInfo(await runCli("seed-demo", ["exec", DEMO_SEED_SCRIPT], { env, logDir, timeoutMs }))
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
  const { command, args, options } = cliCommand(["start"], { cwd, cli, logDir, name })
  const child = startGroup(command, args, { ...options, env: { ...env, NODE_ENV: nodeEnv, PORT: String(port) } })
  const started = Date.now()
  let exited = null
  child.on("exit", (code, signal) => (exited = signal ?? `exit code ${code}`))
  const server = {
    name,
    port,
    url,
    pid: child.pid,
    logFile: options.logFile ?? null,
    logTail: (n = 60) => child.output.tail.slice(-n).join("\n"),
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
 * The database migrated once for this run (scripts/test.js, topology suite) when it is on `dbServer`
 * (a store on another server, e.g. the PostgreSQL-restart test's own, migrates its own).
 */
function migratedTemplate(dbServer, env = process.env) {
  const { TOPOLOGY_TEMPLATE_ENV } = require("./test-database-template")
  const template = env[TOPOLOGY_TEMPLATE_ENV]
  const runServer = pg.serverOf(env)
  const same = ["DB_HOST", "DB_PORT", "DB_USERNAME"].every((k) => String(runServer[k]) === String(dbServer[k]))
  return template && same ? template : null
}

/**
 * A fresh database with migrations and the seed, and `servers` Medusa
 * processes on it. With `workers` > 0 it is the production topology
 * (README, "Running in production"): the servers run with
 * MEDUSA_WORKER_MODE=server (HTTP only) and `workers` more processes with
 * MEDUSA_WORKER_MODE=worker (scheduled jobs, subscribers); this needs
 * REDIS_URL (Medusa's Redis event bus, workflow engine, locking and caching,
 * see medusa-config.ts). Every process of the store gets
 * MEDUSA_REDIS_PREFIX=<database>: so parallel runs sharing one Redis never
 * see each other's queues, locks or cache. Without workers every server is
 * `shared`. On failure everything started so far is stopped and the
 * database dropped before the error is rethrown.
 *
 * The store also offers `startProcess(name, mode, extraEnv)` (one more
 * server/worker, tracked and stopped with the store) and `restart(proc,
 * extraEnv)` (start a process of that name and mode again, e.g. after a
 * kill -9 of its pid).
 *
 * `processEnv` adds variables to one process by name (`{ "server-2": {...} }`).
 *
 * @param {{ dbEnv?: object, database?: string, servers?: number, workers?: number, logDir?: string, log?: (s: string) => void, env?: object, processEnv?: Record<string, object> }} opts
 */
async function launchStore(opts = {}) {
  const log = opts.log ?? (() => {})
  const dbServer = pg.serverOf(opts.dbEnv ?? process.env)
  const database = opts.database ?? `tc_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const workerCount = opts.workers ?? 0
  if (workerCount > 0 && !process.env.REDIS_URL && !opts.env?.REDIS_URL) {
    throw new Error("launchStore: a store with workers needs REDIS_URL (Medusa's Redis event bus and workflow engine).")
  }
  const env = medusaEnv(pg.databaseEnv(dbServer, database), { MEDUSA_REDIS_PREFIX: `${database}-`, ...opts.env })
  const serverMode = workerCount > 0 ? "server" : "shared"
  const { timed, timings } = phaseTimer(log)
  const servers = []
  const workers = []
  /** Every process ever started for this store (restarted ones included), stopped by stop(). */
  const processes = []
  let created = false
  let stopped = null

  const startProcess = async (name, mode, extraEnv = {}) => {
    const list = mode === "worker" ? workers : servers
    const proc = await startServer({ env: { ...env, MEDUSA_WORKER_MODE: mode, ...extraEnv }, name, logDir: opts.logDir, track: processes })
    proc.mode = mode
    const at = list.findIndex((p) => p.name === name)
    if (at >= 0) list[at] = proc
    else list.push(proc)
    list.sort((a, b) => a.name.localeCompare(b.name))
    log(`${name} (${mode}) ready at ${proc.url} after ${(proc.readyMs / 1000).toFixed(1)} s`)
    return proc
  }

  const store = {
    database,
    env,
    servers,
    workers,
    seed: null,
    timings,
    startProcess,
    /** Starts `proc`'s name and mode again (on a new port), after stopping what is left of it. */
    restart: async (proc, extraEnv = {}) => {
      await proc.stop()
      return startProcess(proc.name, proc.mode, extraEnv)
    },
    /** Stops the processes, then drops the database (unless `keepDatabase`). Safe to call twice. */
    stop: ({ keepDatabase = false } = {}) => {
      stopped ??= (async () => {
        const t = Date.now()
        await Promise.all(processes.map((s) => s.stop()))
        if (created && !keepDatabase) {
          await pg.dropDatabase(dbServer, database).catch((e) => log(`could not drop ${database}: ${e.message}`))
        }
        timings.stop = Date.now() - t
      })()
      return stopped
    },
  }

  try {
    const template = migratedTemplate(dbServer)
    if (template) {
      await timed("copyMigratedTemplate", () => pg.createDatabase(dbServer, database, { template }))
    } else {
      await timed("createDatabase", () => pg.createDatabase(dbServer, database))
    }
    created = true
    log(`database ${database} on ${dbServer.DB_HOST}:${dbServer.DB_PORT}${template ? ` (a copy of ${template})` : ""}`)
    if (!template) {
      await timed("migrate", () => migrate(env, { logDir: opts.logDir }))
    }
    // The processes boot once the seed's own Medusa boot is done, while the rest of the seed runs.
    // Not all at once on the fresh database: every Medusa boot runs Medusa's create-defaults
    // workflow, which lists the sales channels and the store and creates them when there are none
    // (no lock): booted together, the processes each created a default sales channel and store
    // (4 of each from 4 at once, reproduced). A boot whose create-defaults fails later deletes the
    // channel it created (the step's compensation) while another boot may have picked it: the
    // likely source of the seed's "Sales channels with IDs sc_… do not exist" (2 runs of 10).
    const count = opts.servers ?? 1
    let seedBooted
    const seedBoot = new Promise((resolve) => (seedBooted = resolve))
    const seeding = timed("seed", () => seed(env, { logDir: opts.logDir, onBooted: seedBooted }))
    const booting = timed(workerCount ? "serversAndWorkersReady" : "serversReady", async () => {
      // A seed that fails before it booted fails the launch below; nothing to start then.
      if ((await Promise.race([seedBoot.then(() => true), seeding.then(() => true, () => false)])) === false) return []
      return Promise.all([
        ...Array.from({ length: count }, (_, i) => startProcess(`server-${i + 1}`, serverMode, opts.processEnv?.[`server-${i + 1}`])),
        ...Array.from({ length: workerCount }, (_, i) => startProcess(`worker-${i + 1}`, "worker", opts.processEnv?.[`worker-${i + 1}`])),
      ])
    })
    const [seeded, booted] = await Promise.allSettled([seeding, booting])
    for (const outcome of [seeded, booted]) {
      if (outcome.status === "rejected") throw outcome.reason
    }
    store.seed = seeded.value
    return store
  } catch (error) {
    await store.stop()
    throw error
  }
}

module.exports = {
  ROOT,
  launchStore,
  migratedTemplate,
  startServer,
  runCli,
  migrate,
  seed,
  seedDemo,
  demoSeedInfo,
  medusaEnv,
  healthy,
}
