const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/**
 * Run through `npm test` (scripts/test.js), which provides the PostgreSQL.
 * TEST_TYPE picks the suite: unit, modules, http, browser, topology.
 */
const testMatch = {
  // Pure rules in src, and the scripts' own helpers (scripts/lib: port check, browser discovery).
  unit: ["**/src/**/__tests__/**/*.spec.[jt]s", "**/scripts/lib/__tests__/**/*.spec.[jt]s"],
  modules: ["**/src/modules/*/__tests__/**/*.spec.[jt]s", "**/integration-tests/modules/**/*.spec.[jt]s"],
  http: ["**/integration-tests/http/**/*.spec.[jt]s"],
  // Two real `medusa` server processes against one database and one Redis
  // (scripts/lib/medusa-server.js): `npm run test:topology`, every spec file here.
  topology: ["**/integration-tests/multi-process/**/*.spec.[jt]s"],
  // The admin dashboard in Debian's chromium (playwright-core) against one real server.
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
}

const type = process.env.TEST_TYPE || "unit"

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { decoratorMetadata: true, legacyDecorator: true },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  testMatch: testMatch[type],
  testPathIgnorePatterns:
    type === "unit" ? ["/node_modules/", "integration-tests", "/src/modules/[^/]+/__tests__/"] : ["/node_modules/"],
  setupFiles: ["./integration-tests/setup.js"],
}
