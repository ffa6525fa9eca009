/**
 * PostgreSQL connection settings in one place. Medusa's tools read either
 * DATABASE_URL or DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD/DB_NAME; the scripts
 * carry both, built here from one set of parts:
 *
 * - `serverOf(env)`: the server (DB_* without a database) of an environment,
 *   from its DB_* variables or else from its DATABASE_URL;
 * - `envFromUrl(url)`: a DATABASE_URL split into the DB_* variables;
 * - `databaseEnv(server, name)`: DB_* and DATABASE_URL for database `name` on `server`;
 * - `withClient(server, fn, database)`: a `pg` client for the length of `fn`;
 * - `createDatabase` / `dropDatabase`.
 *
 * 127.0.0.1 is written as "localhost": Medusa's test runner turns SSL on for
 * any other host.
 */
const DEFAULT_PORT = "5432"
const DEFAULT_USER = "postgres"

const hostName = (host) => (!host || host === "127.0.0.1" ? "localhost" : host)

/** The parts of a postgres:// URL (user and password decoded, "" when absent). */
function parseUrl(url) {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: u.port || DEFAULT_PORT,
    user: decodeURIComponent(u.username || ""),
    password: decodeURIComponent(u.password || ""),
    database: u.pathname.replace(/^\//, ""),
  }
}

/** The connection of DATABASE_URL, split into the variables Medusa's tools read; DATABASE_URL is kept as given. */
function envFromUrl(url) {
  const p = parseUrl(url)
  return {
    DB_HOST: hostName(p.host),
    DB_PORT: p.port,
    DB_USERNAME: p.user,
    DB_PASSWORD: p.password,
    DB_NAME: p.database || "postgres",
    DATABASE_URL: url,
  }
}

/** DB_HOST/PORT/USERNAME/PASSWORD of `env`, falling back to DATABASE_URL's parts, then to localhost:5432 as postgres. */
function serverOf(env = process.env) {
  const p =
    env.DB_HOST || !env.DATABASE_URL
      ? { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USERNAME, password: env.DB_PASSWORD }
      : parseUrl(env.DATABASE_URL)
  return {
    DB_HOST: p.host || "localhost",
    DB_PORT: String(p.port || DEFAULT_PORT),
    DB_USERNAME: p.user || DEFAULT_USER,
    DB_PASSWORD: p.password || "",
  }
}

/** The connection variables (DB_* and DATABASE_URL) for database `name` on `server` (DB_* of serverOf). */
function databaseEnv(server, name) {
  const host = hostName(server.DB_HOST)
  const port = String(server.DB_PORT || DEFAULT_PORT)
  const user = server.DB_USERNAME || DEFAULT_USER
  const password = server.DB_PASSWORD || ""
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return {
    DB_HOST: host,
    DB_PORT: port,
    DB_USERNAME: user,
    DB_PASSWORD: password,
    DB_NAME: name,
    DATABASE_URL: `postgres://${auth}@${host}:${port}/${name}`,
  }
}

/** Runs `fn(client)` with a `pg` client on `database` (default: env's DB_NAME, else "postgres") of the server in `env`. */
async function withClient(env, fn, database = env.DB_NAME || "postgres") {
  const { Client } = require("pg")
  const client = new Client({
    host: hostName(env.DB_HOST),
    port: Number(env.DB_PORT || DEFAULT_PORT),
    user: env.DB_USERNAME,
    password: env.DB_PASSWORD || undefined,
    database,
    connectionTimeoutMillis: 10_000,
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, "")}"`

/**
 * Creates database `name` on the server of `env`; with `ifMissing`, only when it doesn't exist yet;
 * with `template`, as a copy of that database (nothing may be connected to it meanwhile).
 */
async function createDatabase(env, name, { ifMissing = false, template } = {}) {
  await withClient(
    env,
    async (c) => {
      if (ifMissing && (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount) {
        return
      }
      await c.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`)
    },
    "postgres"
  )
}

/** Drops `name`, closing whatever connections are still open on it (PostgreSQL 13+). */
async function dropDatabase(env, name) {
  await withClient(env, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`), "postgres")
}

module.exports = { parseUrl, envFromUrl, serverOf, databaseEnv, withClient, createDatabase, dropDatabase }
