#!/usr/bin/env node
/**
 * `npm run generate:types`: writes Medusa's query and container types for this
 * project into .medusa/types, with the same function `medusa build` and
 * `medusa develop` run (no database, no build). With them present, Query
 * results are typed from Medusa's schema instead of `any`, so the typecheck
 * after it checks the plugin's reads against Medusa's real types.
 */
const path = require("path")

const ROOT = path.resolve(__dirname, "..")

async function main() {
  // As the medusa CLI does: medusa-config.ts and the plugin's sources are TypeScript.
  require("ts-node").register({})
  require("tsconfig-paths").register({})
  const { initializeContainer } = require("@medusajs/medusa/loaders/index")
  const { generateTypes } = require("@medusajs/medusa/commands/utils/generate-types")
  const container = await initializeContainer(ROOT, { skipDbConnection: true, throwOnValidationError: false })
  const logger = container.resolve("logger")
  await generateTypes({ directory: ROOT, container, logger })
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
