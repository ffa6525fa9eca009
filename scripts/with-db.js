#!/usr/bin/env node
/**
 * Runs a command with a PostgreSQL available (DATABASE_URL's, or an embedded
 * one started for the command and removed after), e.g.
 *   node scripts/with-db.js npx medusa plugin:db:generate
 */
const { spawn } = require("child_process")
const { startDatabase } = require("./lib/database")

;(async () => {
  const db = await startDatabase({ database: "trade_credit_tools" })
  const [cmd, ...args] = process.argv.slice(2)
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...db.env } })
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)))
  await db.stop()
  process.exit(code)
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
