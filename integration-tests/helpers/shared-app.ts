/* eslint-disable @typescript-eslint/no-require-imports */
import { medusaIntegrationTestRunner as medusaRunner } from "@medusajs/test-utils"

type RunnerConfig = Parameters<typeof medusaRunner>[0]
type RunnerOptions = Parameters<RunnerConfig["testSuite"]>[0]

/**
 * Several HTTP spec files in ONE Medusa app (one boot instead of one a file).
 *
 * Booting Medusa in a jest file costs 10-45 s on a 2-core machine (loading Medusa's modules into
 * the file's fresh module registry, the app's loaders, the link loading), more than most files'
 * tests take. Files that boot the very same app (the same medusa-config.ts environment: capture
 * mode, plugin options, no runner hooks) are listed in one aggregator spec
 * (integration-tests/http/*-app.spec.ts), which calls `sharedMedusaApp`:
 *
 *   sharedMedusaApp({ "accounts.suite.ts": () => require("./accounts.suite") , … })
 *
 * Each listed file (`*.suite.ts`, not matched by jest by itself) keeps its tests as they were; it
 * imports `medusaIntegrationTestRunner` from here instead of @medusajs/test-utils, and its testSuite
 * gets the shared app's options in a describe of its own name. Isolation between the files is
 * the database's, as between the tests of one file: before a file's own beforeAll hooks run, the
 * database is restored to the app's state right after boot (a snapshot taken then), and after
 * them it is snapshotted again as the file's starting point, which the runner restores before
 * each of the file's later tests (as it restores a file's snapshot between its tests). So every
 * file starts on the database a file of its own would have started on, and sees nothing another
 * file wrote. What the files share is the app process itself, as the tests of one file do: a file
 * that changes it (unsubscribes a subscriber, replaces a module's method, sets a variable the
 * app reads while it runs) needs an app of its own (confirm-orders-job.spec.ts unsubscribes the
 * order.placed subscriber: in a shared app the later files' orders were no longer captured).
 *
 * A file whose plugin environment (the TRADE_CREDIT_* variables medusa-config.ts reads, e.g. its
 * captureMode) differs from its group's, or that passes the runner anything but testSuite
 * (hooks, env), fails loudly: it needs an app of its own (a `*.spec.ts` of its own).
 */
let group: { options: RunnerOptions; env: string } | undefined

/** The variables medusa-config.ts reads for the plugin's options (all TRADE_CREDIT_*), as one string. */
function pluginEnvironment() {
  return JSON.stringify(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith("TRADE_CREDIT_"))
      .sort(([a], [b]) => a.localeCompare(b))
  )
}

/** A member file's runner: registers its testSuite into the aggregator's app. */
export function medusaIntegrationTestRunner(config: RunnerConfig) {
  if (!group) {
    throw new Error("A *.suite.ts file runs in a shared app: run its aggregator spec (integration-tests/http/*-app.spec.ts), which lists it")
  }
  const other = Object.keys(config).filter((key) => key !== "testSuite")
  if (other.length) {
    throw new Error(`A file in a shared app can't pass the runner ${other.join(", ")}: it needs an app (a spec file) of its own`)
  }
  if (pluginEnvironment() !== group.env) {
    throw new Error(`This file's plugin environment differs from its shared app's:\n${pluginEnvironment()}\nvs\n${group.env}`)
  }
  config.testSuite(group.options)
}

/** One Medusa app for the listed files (name: a thunk that requires the file), one describe each. */
export function sharedMedusaApp(files: Record<string, () => unknown>) {
  const env = pluginEnvironment()
  return medusaRunner({
    testSuite: (options) => {
      const afterBoot = `${options.dbConfig.dbName}-boot`
      beforeAll(async () => {
        await options.dbUtils.snapshot({ templateName: afterBoot })
      })
      afterAll(async () => {
        await options.dbUtils.dropTemplate(afterBoot)
        // The runner's own cleanup closed its maintenance connection before this hook; the drop reopened it.
        await require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template").closeWaitingroomClient()
      })
      for (const [name, load] of Object.entries(files)) {
        describe(name, () => {
          // Before the file's own beforeAll hooks: the database as the app booted it.
          beforeAll(async () => {
            await options.utils.waitWorkflowExecutions()
            await options.dbUtils.restore({ templateName: afterBoot })
          })
          group = { options, env }
          try {
            load()
          } finally {
            group = undefined
          }
          // After them: the file's starting point, restored before each of its tests but the first.
          beforeAll(async () => {
            await options.dbUtils.snapshot()
          })
        })
      }
    },
  })
}
