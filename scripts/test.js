#!/usr/bin/env node
/**
 * `npm test`: the whole suite against a real PostgreSQL; needs nothing but Node.
 *
 * Without DATABASE_URL an embedded PostgreSQL is started on a free port for
 * the run (its data in /dev/shm where there is one: in RAM) and removed after
 * it; with DATABASE_URL, that server is used (the test runners create and drop
 * their own databases on it).
 *
 *   npm test                  unit, module, HTTP and browser suites
 *   npm test -- unit|modules|http|browser [jest args]   one suite
 *   npm run test:topology     (= npm test -- topology) the multi-process suite
 *
 * `browser` (last) starts one Medusa server with the admin dashboard and drives
 * it with Chromium through playwright-core (integration-tests/browser). The
 * browser is found by scripts/lib/browser.js: CHROMIUM_PATH, then chromium /
 * google-chrome / chrome on PATH, then playwright's cache (~/.cache/ms-playwright);
 * with none, as root with apt-get, Debian's chromium is installed first (a line
 * says so); otherwise the suite fails with the one command to run.
 *
 * `topology` is the production shape (README, "Running in production"): real
 * Medusa processes on one database, servers (MEDUSA_WORKER_MODE=server) and
 * workers (MEDUSA_WORKER_MODE=worker) sharing Medusa's Redis event bus,
 * workflow engine, locking and caching (integration-tests/multi-process/*.spec.ts,
 * scripts/lib/medusa-server.js). It uses the PostgreSQL at DATABASE_URL
 * (default postgres://postgres@localhost:5432/test; each file creates and
 * drops a database of its own there, a copy of one migrated once for the run;
 * the PostgreSQL-restart file starts an embedded PostgreSQL of its own) and the Redis at REDIS_URL (default
 * redis://127.0.0.1:6379; each store's queues, locks and cache keys carry a
 * prefix of its own, MEDUSA_REDIS_PREFIX, so parallel runs don't collide).
 * It is not part of a bare `npm test`, which must need nothing but Node.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startDatabase } = require("./lib/database")
const { runForeground } = require("./lib/process")
const { ensureBrowser } = require("./lib/browser")
const { medusaMigratedTemplate, TEMPLATE_ENV } = require("./lib/test-database-template")
const { dropDatabase } = require("./lib/pg-connection")

const SUITES = ["unit", "modules", "http", "browser"]
const TOPOLOGY = "topology"
// Suites whose databases are copies of one migrated template (scripts/lib/test-database-template.js):
// the files' medusaIntegrationTestRunner databases (http) and launchStore's stores (topology). The
// browser suite, when it runs after the HTTP suite, copies it too (copyOfTemplate) instead of running
// Medusa's migrations again.
const TEMPLATE_SUITES = ["http", TOPOLOGY]
const TEMPLATE_USERS = ["browser"]
const TOPOLOGY_DEFAULTS = {
  DATABASE_URL: "postgres://postgres@localhost:5432/test",
  REDIS_URL: "redis://127.0.0.1:6379",
}

/**
 * How jest runs each suite's files. By default one at a time in jest's own process: the topology
 * and browser files start Medusa servers of their own, and side by side they would oversubscribe
 * a 2-core CI box. The unit files are pure computation: two workers keep both cores busy. The
 * module files boot no Medusa app, only the module on a database of each worker's own (Medusa's
 * runner names it by JEST_WORKER_ID): two workers run the model test beside the other files
 * (191 s for the suite against 227 s one at a time). The HTTP files run in two workers too, each
 * file's app and database its own (390 s for the suite against 532 s one at a time: a file's
 * requests wait on PostgreSQL and on Medusa's timers as much as on the CPU). Jest replaces a
 * worker process once a file has left it over WORKER_MEMORY_LIMIT: jest keeps some of every
 * Medusa app a process booted (about 250 MB a file; 4 GB after 16 files), and in one process the
 * later files' boots and requests slowed down under the collection of that heap.
 */
const WORKER_MEMORY_LIMIT = "1GB"
const JEST_WORKERS = {
  unit: ["--maxWorkers=2"],
  modules: ["--maxWorkers=2"],
  http: ["--maxWorkers=2", `--workerIdleMemoryLimit=${WORKER_MEMORY_LIMIT}`],
}

function runJest(suite, extraArgs, env, reportFile) {
  const jestBin = require.resolve("jest/bin/jest")
  const args = [jestBin, "--silent=false", ...(JEST_WORKERS[suite] ?? ["--runInBand"]), "--forceExit", "--json", `--outputFile=${reportFile}`, ...extraArgs]
  console.log(`\n=== ${suite} tests ===`)
  // A process that boots Medusa apps file after file keeps some of every one (the HTTP files in one
  // process outgrew a 4 GB heap at the 21st): the limit is 12 GB for the suites run in jest's own.
  return runForeground(process.execPath, ["--max-old-space-size=12288", "--experimental-vm-modules", "--no-warnings=ExperimentalWarning", ...args], {
    cwd: path.join(__dirname, ".."),
    env: { ...process.env, ...env, TEST_TYPE: suite, NODE_OPTIONS: "" },
  })
}

/**
 * Test counts and each file's seconds from jest's JSON report; a suite that crashed before
 * reporting counts as one failure.
 */
function readReport(file, suite) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"))
    // TRADE_CREDIT_TEST_REPORT keeps jest's JSON report (each test's duration) for finding slow tests.
    if (process.env.TRADE_CREDIT_TEST_REPORT) {
      fs.copyFileSync(file, process.env.TRADE_CREDIT_TEST_REPORT.replace("{suite}", suite))
    }
    fs.rmSync(file, { force: true })
    const files = report.testResults.map((r) => ({
      file: path.relative(path.join(__dirname, ".."), r.name),
      ms: r.endTime - r.startTime,
      tests: r.assertionResults.length,
    }))
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0), files }
  } catch {
    return { passed: 0, failed: 1, files: [] }
  }
}

/**
 * The files of a suite, slowest first, with where their time went when TRADE_CREDIT_TEST_TIMINGS
 * recorded the Medusa runner's steps (scripts/lib/test-phase-timings.js).
 */
function fileTable(files, phasesFile) {
  const phases = {}
  const names = []
  if (phasesFile && fs.existsSync(phasesFile)) {
    for (const line of fs.readFileSync(phasesFile, "utf8").split("\n").filter(Boolean)) {
      const { file, phase, ms } = JSON.parse(line)
      phases[file] ??= {}
      phases[file][phase] = (phases[file][phase] ?? 0) + ms
      if (!names.includes(phase)) names.push(phase)
    }
  }
  const s = (ms) => (ms / 1000).toFixed(1)
  const rows = [...files].sort((a, b) => b.ms - a.ms).map((f) => {
    const p = phases[f.file] ?? {}
    const rest = f.ms - names.reduce((sum, n) => sum + (p[n] ?? 0), 0)
    return [f.file, String(f.tests), s(f.ms), ...names.map((n) => (p[n] === undefined ? "" : s(p[n]))), ...(names.length ? [s(rest)] : [])]
  })
  const header = ["file", "tests", "s", ...names, ...(names.length ? ["rest (tests)"] : [])]
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n")
}

const redactUrl = (url) => url.replace(/\/\/[^@/]*@/, "//***@")

/** Fails fast, with what to do, when the topology suite's Redis doesn't answer PING. */
function checkRedis(url) {
  const net = require("net")
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const fail = (why) =>
      reject(new Error(`The topology suite needs Redis at REDIS_URL (${redactUrl(url)}): ${why}. Start redis-server or set REDIS_URL.`))
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) })
    socket.setTimeout(5000, () => {
      socket.destroy()
      fail("no answer within 5 s")
    })
    socket.once("error", (e) => fail(e.message))
    socket.once("connect", () => {
      const password = decodeURIComponent(u.password || "")
      socket.write(password ? `AUTH ${password}\r\nPING\r\n` : "PING\r\n")
    })
    socket.on("data", (chunk) => {
      if (/PONG/.test(chunk.toString())) {
        socket.end()
        resolve()
      } else if (/^-/.test(chunk.toString())) {
        socket.destroy()
        fail(chunk.toString().trim())
      }
    })
  })
}

;(async () => {
  const argv = process.argv.slice(2)
  // "multiprocess" was the topology suite's earlier name.
  if (argv[0] === "multiprocess") {
    argv[0] = TOPOLOGY
  }
  const suites = SUITES.includes(argv[0]) || argv[0] === TOPOLOGY ? [argv.shift()] : SUITES
  const started = Date.now()
  const topology = suites[0] === TOPOLOGY
  if (topology) {
    // The servers of the topology suite share this machine's PostgreSQL and Redis.
    for (const [name, value] of Object.entries(TOPOLOGY_DEFAULTS)) {
      process.env[name] ||= value
    }
    await checkRedis(process.env.REDIS_URL)
  }
  // In RAM where possible: the runners copy a database per file and per test (scripts/lib/database.js).
  const db = await startDatabase({ database: "postgres", inMemory: true })
  const env = {
    ...db.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
    ...(topology ? { REDIS_URL: process.env.REDIS_URL } : {}),
  }
  console.log(
    db.embedded
      ? `Embedded PostgreSQL on localhost:${env.DB_PORT} (data in ${db.dataDir})`
      : `Using DATABASE_URL's server ${env.DB_HOST}:${env.DB_PORT}`
  )
  if (topology) {
    console.log(`Using REDIS_URL's server ${redactUrl(process.env.REDIS_URL)} (Medusa's Redis event bus, workflow engine, locking and caching)`)
  }
  // A missing browser is installed (scripts/lib/browser.js) while the other suites run.
  const browserReady = suites.includes("browser")
    ? ensureBrowser().then((browser) => ({ browser }), (error) => ({ error }))
    : null
  let failed = 0
  const results = []
  const totals = { passed: 0, failed: 0 }
  let template
  for (const suite of suites) {
    const t = Date.now()
    const reportFile = path.join(os.tmpdir(), `trade-credit-jest-${process.pid}-${suite}.json`)
    let suiteEnv = env
    if (suite === "browser") {
      const { browser, error } = await browserReady
      if (browser) {
        console.log(`\nBrowser: ${browser.path} (from ${browser.source})`)
        suiteEnv = { ...suiteEnv, CHROMIUM_PATH: browser.path }
      } else {
        console.error(`\n=== browser tests ===\n${error.message}`)
        totals.failed += 1
        results.push(`${suite}: FAILED (no browser)`)
        failed++
        continue
      }
    }
    if (template && TEMPLATE_USERS.includes(suite)) {
      suiteEnv = { ...suiteEnv, [TEMPLATE_ENV]: template }
    }
    if (TEMPLATE_SUITES.includes(suite) && !template) {
      // Medusa's migrations once for the whole suite; each file's database is a copy.
      template = `trade_credit_migrated_${process.pid}`
      const m = Date.now()
      try {
        suiteEnv = { ...suiteEnv, ...(await medusaMigratedTemplate(env, template, { topology: suite === TOPOLOGY })) }
      } catch (e) {
        console.error(`\n=== ${suite} tests ===\nMedusa's migrations into the template database failed:\n${e.message}`)
        await dropDatabase(env, template).catch(() => {})
        template = undefined
        totals.failed += 1
        results.push(`${suite}: FAILED (migrations)`)
        failed++
        continue
      }
      console.log(`\n${suite}: migrated the template database ${template} in ${((Date.now() - m) / 1000).toFixed(0)} s`)
    }
    const code = await runJest(suite, argv, suiteEnv, reportFile)
    const counts = readReport(reportFile, suite)
    if (counts.files.length > 1 || process.env.TRADE_CREDIT_TEST_TIMINGS) {
      console.log(`\n${suite}: seconds per file\n${fileTable(counts.files, process.env.TRADE_CREDIT_TEST_TIMINGS)}`)
    }
    totals.passed += counts.passed
    totals.failed += counts.failed
    results.push(
      `${suite}: ${code === 0 ? "passed" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(0)} s (${counts.passed} passed, ${counts.failed} failed)`
    )
    if (code !== 0) {
      failed++
    }
  }
  if (template) {
    await dropDatabase(env, template)
  }
  await db.stop()
  console.log(`\n${results.join("\n")}\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s`)
  // The plain closing line CI reads.
  console.log(`${totals.passed} passed, ${totals.failed} failed`)
  process.exit(failed ? 1 : 0)
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
