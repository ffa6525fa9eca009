#!/usr/bin/env node
/**
 * Runs a command with a PostgreSQL available (DATABASE_URL's, or an embedded
 * one started for the command and removed after), e.g.
 *   node scripts/with-db.js npx medusa plugin:db:generate
 */
const { startDatabase } = require("./lib/database")
const { runForeground } = require("./lib/process")

;(async () => {
  const db = await startDatabase({ database: "trade_credit_tools" })
  const [cmd, ...args] = process.argv.slice(2)
  const code = await runForeground(cmd, args, { env: { ...process.env, ...db.env } })
  await db.stop()
  process.exit(code)
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
