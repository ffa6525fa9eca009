/**
 * Where an HTTP spec file's time goes, when TRADE_CREDIT_TEST_TIMINGS names a file:
 * integration-tests/setup.js calls `recordRunnerPhases` in each test file, which wraps the steps
 * of @medusajs/test-utils' medusaIntegrationTestRunner (create the database, Medusa's
 * migrations, link sync, app boot) and appends one JSON line per step to that file:
 * {file, phase, ms}. scripts/test.js sums them per file next to jest's own file times.
 */
const fs = require("fs")
const path = require("path")

const RUNNER_UTILS = "@medusajs/test-utils/dist/medusa-test-runner-utils"
const PHASES = [
  ["postgres-template", "createDatabase", "create database"],
  ["use-db", "migrateDatabase", "migrations"],
  ["use-db", "syncLinks", "link sync"],
  ["bootstrap-app", "startApp", "app boot"],
  ["postgres-template", "createPostgresDatabaseTemplate", "snapshot"],
  ["postgres-template", "restorePostgresDatabaseFromTemplate", "restore before each test"],
  ["postgres-template", "dropDatabase", "drop database"],
]

function currentTestFile() {
  try {
    return path.relative(process.cwd(), expect.getState().testPath)
  } catch {
    return "?"
  }
}

/** Records `ms` of `phase` for the current test file, when TRADE_CREDIT_TEST_TIMINGS is set. */
function recordPhase(phase, ms, outFile = process.env.TRADE_CREDIT_TEST_TIMINGS) {
  if (outFile) {
    fs.appendFileSync(outFile, JSON.stringify({ file: currentTestFile(), phase, ms }) + "\n")
  }
}

function recordRunnerPhases(outFile) {
  for (const [moduleName, fn, phase] of PHASES) {
    const mod = require(`${RUNNER_UTILS}/${moduleName}`)
    const original = mod[fn]
    mod[fn] = async function (...args) {
      const started = Date.now()
      try {
        return await original.apply(this, args)
      } finally {
        recordPhase(phase, Date.now() - started, outFile)
      }
    }
  }
}

module.exports = { recordRunnerPhases, recordPhase }
