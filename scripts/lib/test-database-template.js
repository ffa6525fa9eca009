/**
 * One migrated database per `npm test` run, copied for each HTTP spec file.
 *
 * Medusa's test runner (medusaIntegrationTestRunner) creates an empty database for every spec
 * file and runs all of Medusa's migrations into it: 20-40 s a file on a loaded 2-core machine, 23 files. Instead,
 * scripts/test.js migrates one template database once (`medusaMigratedTemplate`), and each
 * file's database is created as a copy of it (`CREATE DATABASE … TEMPLATE …`, under a
 * second in RAM; `copyTemplateForEachRunnerDatabase`, installed by integration-tests/setup.js). Each
 * file still has its own database, dropped after it.
 *
 * The template is migrated from the same medusa-config.ts with the HTTP suite's environment. A
 * spec file that made Medusa load a module the template lacks would find its tables missing (a
 * loud failure, never a silent pass); run it without the template (TRADE_CREDIT_TEST_DB_TEMPLATE
 * unset, `npx jest` directly) or add the module's switch to `medusaMigratedTemplate`.
 *
 * The topology suite's stores (scripts/lib/medusa-server.js launchStore, one a file) are copies
 * too: `medusaMigratedTemplate(…, { topology: true })` migrates the template as launchStore
 * migrated each store's database (the whole `medusa db:migrate`, Medusa's Redis modules on
 * REDIS_URL), and launchStore copies it (TRADE_CREDIT_TOPOLOGY_DB_TEMPLATE) on the same server.
 */
const pg = require("./pg-connection")

const TEMPLATE_ENV = "TRADE_CREDIT_TEST_DB_TEMPLATE"
const TOPOLOGY_TEMPLATE_ENV = "TRADE_CREDIT_TOPOLOGY_DB_TEMPLATE"

/**
 * Creates database `name` on the server of `dbEnv` and runs `medusa db:migrate` (without the
 * migration scripts, which the test runner doesn't run either) into it, with the environment of
 * the HTTP suite (NODE_ENV=test, the test card provider on). Returns the variable to hand to jest.
 * With `topology`: the whole `medusa db:migrate` in the environment of launchStore's stores.
 */
async function medusaMigratedTemplate(dbEnv, name, { logDir, topology = false } = {}) {
  const { migrate, medusaEnv } = require("./medusa-server")
  await pg.dropDatabase(dbEnv, name)
  await pg.createDatabase(dbEnv, name)
  if (topology) {
    // As jest's workers run launchStore: NODE_ENV=test, REDIS_URL from the suite.
    await migrate(medusaEnv(pg.databaseEnv(pg.serverOf(dbEnv), name), { NODE_ENV: "test", LOG_LEVEL: "error", MEDUSA_REDIS_PREFIX: `${name}-` }), { logDir })
    return { [TOPOLOGY_TEMPLATE_ENV]: name }
  }
  const env = {
    ...process.env,
    ...pg.databaseEnv(pg.serverOf(dbEnv), name),
    NODE_ENV: "test",
    MEDUSA_DISABLE_TELEMETRY: "true",
    TRADE_CREDIT_TEST_CARD_PROVIDER: "1",
    LOG_LEVEL: "error",
    NODE_OPTIONS: "",
  }
  delete env.REDIS_URL
  delete env.TEST_TYPE
  await migrate(env, { logDir, args: ["--skip-scripts"] })
  return { [TEMPLATE_ENV]: name }
}

/**
 * In a jest test file: when scripts/test.js made a template (TRADE_CREDIT_TEST_DB_TEMPLATE), the
 * runner's "create the database" becomes "copy the template" (the files run one at a time, so
 * nothing is connected to the template while it is copied), and on that copy the runner's
 * module migrations are skipped: the template got them from the same medusa-config.ts, and
 * re-checking them costs 20-40 s a file even when nothing is pending. Of the runner's link sync,
 * only the loading of the links and of the link planner still runs: without the planner's loading,
 * the read-only link from an account to its customer group came back empty (accounts.suite.ts, the
 * holder's name). The plan itself is skipped: `medusa db:migrate` synced the template's link
 * tables from the same links, so it is all "noop", and comparing every link table with its
 * definition (a database connection and a schema read per link) took about 5 s a file.
 */
function copyTemplateForEachRunnerDatabase(template = process.env[TEMPLATE_ENV]) {
  if (!template) {
    return
  }
  let copied = false
  const templates = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
  templates.createDatabase = async ({ databaseName }, credentials = {}) => {
    const server = pg.serverOf({
      DB_HOST: credentials.host,
      DB_PORT: credentials.port,
      DB_USERNAME: credentials.user,
      DB_PASSWORD: credentials.password,
    })
    await pg.createDatabase(server, databaseName, { template })
    copied = true
  }
  const useDb = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db")
  const { migrateDatabase } = useDb
  useDb.migrateDatabase = async (appLoader) => (copied ? undefined : migrateDatabase(appLoader))
  const { syncLinks } = useDb
  useDb.syncLinks = async (appLoader, ...rest) => {
    if (!copied) {
      return syncLinks(appLoader, ...rest)
    }
    // The runner's own syncLinks (it loads the links and the planner), given a plan with nothing to do.
    const withoutPlan = {
      getLinksExecutionPlanner: async () => {
        await appLoader.getLinksExecutionPlanner()
        return { createPlan: async () => [], executePlan: async () => {} }
      },
    }
    return syncLinks(withoutPlan, ...rest)
  }
}

/**
 * For a spec that runs Medusa as processes of its own (the browser suite): creates database `name`
 * as a copy of the template when scripts/test.js hands one on (a whole `npm test`: the HTTP suite's,
 * migrated from the same medusa-config.ts) and returns true; then only Medusa's migration scripts are
 * left to run on it (`medusa db:migrate:scripts`; the template skipped them). Returns false without
 * a template: the caller creates and migrates the database itself.
 */
async function copyOfTemplate(dbEnv, name, template = process.env[TEMPLATE_ENV]) {
  if (!template) {
    return false
  }
  await pg.createDatabase(pg.serverOf(dbEnv), name, { template })
  return true
}

module.exports = { medusaMigratedTemplate, copyTemplateForEachRunnerDatabase, copyOfTemplate, TEMPLATE_ENV, TOPOLOGY_TEMPLATE_ENV }
