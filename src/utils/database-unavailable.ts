import { errorHandler as medusaErrorHandler } from "@medusajs/framework/http"
import type { MedusaErrorHandlerFunction, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * When the store's PostgreSQL restarts, fails over or refuses connections,
 * the requests in flight fail with the driver's connection errors, and
 * Medusa answers them `500 unknown_error`: a storefront can't tell "our bug"
 * from "try again in a moment". These are the errors that mean the database
 * could not be reached at all (nothing was committed by the statement that
 * failed), so the request can be answered 503 with Retry-After.
 */

/** What the buyer or merchant reads (storefront toast, admin). */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The store's database is unavailable right now (it may be restarting); nothing was saved by this request. Try again in a moment."
/** Seconds a client should wait before retrying: a PostgreSQL restart and the pools' reconnect take a few seconds. */
export const DATABASE_UNAVAILABLE_RETRY_AFTER = 5
export const DATABASE_UNAVAILABLE_TYPE = "database_unavailable"

/** SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down / recovering). */
const SHUTDOWN_SQLSTATES = new Set(["57P01", "57P02", "57P03"])
/** Socket errors of the connection to PostgreSQL (refused while it is down, reset or broken when it went away, or no answer). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"])
/** Messages of node-postgres, pg-pool and knex when a connection can't be had or broke (they carry no SQLSTATE). */
const CONNECTION_MESSAGES = [
  /Connection terminated unexpectedly/i,
  /Connection terminated due to connection timeout/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Timeout acquiring a connection\. The pool is probably full/i,
  /terminating connection due to (administrator command|unexpected postmaster exit)/i,
  /the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/i,
]
/**
 * Medusa's workflow engine, when it cannot store a workflow's first checkpoint (its store, PostgreSQL
 * or Redis, went away as the run began), throws this instead of the storage error
 * (@medusajs/orchestration DistributedTransaction.saveCheckpoint). With a generated (`auto-`) id it
 * means nothing else: no other run can hold that id, and no step of the workflow ran.
 */
const WORKFLOW_NOT_STARTED = { name: "SkipExecutionError", message: /^Transaction already started for transactionId: auto-/ }
/**
 * knex's answer to a statement on a transaction it already closed. knex closes a transaction as
 * soon as its ROLLBACK or COMMIT is sent or a BEGIN/SAVEPOINT of it fails: when the connection is cut
 * mid-transaction, the failed statement's rollback closes it while the code still has statements to
 * send on it, and the next one reports this instead of the connection error (seen in the topology
 * test: Medusa's create-orders step inserting the order 6.8 s into a checkout, as PostgreSQL came
 * back from its restart). Only counted when it came through the driver stack. Code
 * that queried a transaction after committing it would get the same message, but in every run, not
 * only during an outage, so the tests see that bug as a failed request.
 */
const TRANSACTION_CLOSED_UNDER_IT = /Transaction query already complete/
/** Error names of the driver stack that only ever mean "no usable connection". */
const CONNECTION_ERROR_NAMES = new Set(["KnexTimeoutError", "ConnectionException"])
/** A socket error came from the database driver when the chain or its stack passes through it (an SMTP or webhook ECONNRESET must stay a 500). */
const DRIVER_STACK = /[\\/]node_modules[\\/](pg|pg-pool|knex|@mikro-orm[\\/][a-z]+)[\\/]|\bDriverException\b|\bConnectionException\b/
const DRIVER_ERROR_NAMES = /^(DriverException|ConnectionException|ServerException|KnexTimeoutError)$/

type ErrorLike = {
  name?: unknown
  message?: unknown
  code?: unknown
  sqlState?: unknown
  stack?: unknown
  cause?: unknown
  previous?: unknown
  originalError?: unknown
  error?: unknown
  errors?: unknown
}

/** The error and what it wraps (MikroORM's `previous`, `cause`, AggregateError's `errors`, workflow `error`), at most 6 levels. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) {
      return
    }
    seen.add(value)
    const e = value as ErrorLike
    chain.push(e)
    for (const next of [e.cause, e.previous, e.originalError, e.error]) {
      visit(next, depth + 1)
    }
    if (Array.isArray(e.errors)) {
      for (const next of e.errors) {
        visit(next, depth + 1)
      }
    }
  }
  visit(error, 0)
  return chain
}

const text = (value: unknown) => (typeof value === "string" ? value : "")

/**
 * True when `error` means the database could not be reached or dropped the
 * connection: SQLSTATE class 08 (connection exception) or 57P01/57P02/57P03,
 * a socket error (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT) raised by the
 * PostgreSQL driver, node-postgres' "Connection terminated unexpectedly",
 * knex's pool acquire timeout, and the same wrapped by MikroORM
 * (DriverException / ConnectionException) or by a workflow, a workflow
 * whose first checkpoint could not be stored (WORKFLOW_NOT_STARTED), and knex's
 * "Transaction query already complete" from the driver (TRANSACTION_CLOSED_UNDER_IT). Anything else,
 * including every other SQLSTATE (constraint violations, lock timeouts,
 * serialization failures), is false.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return databaseUnavailableCause(error) !== undefined
}

/** The link of `error`'s chain that says the database is unreachable, if any. */
function databaseUnavailableCause(error: unknown): ErrorLike | undefined {
  const chain = errorChain(error)
  const throughDriver = chain.some((e) => DRIVER_ERROR_NAMES.test(text(e.name)) || DRIVER_STACK.test(text(e.stack)))
  return chain.find((e) => {
    const sqlState = text(e.sqlState) || text(e.code)
    if (/^[0-9A-Z]{5}$/.test(sqlState) && (sqlState.startsWith("08") || SHUTDOWN_SQLSTATES.has(sqlState))) {
      return true
    }
    if (text(e.name) === WORKFLOW_NOT_STARTED.name && WORKFLOW_NOT_STARTED.message.test(text(e.message))) {
      return true
    }
    if (CONNECTION_ERROR_NAMES.has(text(e.name))) {
      return true
    }
    if (CONNECTION_MESSAGES.some((pattern) => pattern.test(text(e.message)))) {
      return true
    }
    if (TRANSACTION_CLOSED_UNDER_IT.test(text(e.message))) {
      return throughDriver
    }
    return SOCKET_CODES.has(text(e.code)) && throughDriver
  })
}

/** One log line: error name, code and the driver's message without the SQL MikroORM puts before it (it may carry a buyer's data). */
function describe(e: ErrorLike | undefined): string {
  const message = text(e?.message).split(" - ").pop() ?? ""
  return [text(e?.name), text(e?.code)].filter(Boolean).join(" ") + `: ${message.slice(0, 200)}`
}

/** Answers 503 with Retry-After and the message above, in Medusa's error body shape. */
export function respondDatabaseUnavailable(res: MedusaResponse): void {
  res.setHeader("Retry-After", String(DATABASE_UNAVAILABLE_RETRY_AFTER))
  res.status(503).json({ code: DATABASE_UNAVAILABLE_TYPE, type: DATABASE_UNAVAILABLE_TYPE, message: DATABASE_UNAVAILABLE_MESSAGE })
}

/**
 * An error handler for `defineMiddlewares({ errorHandler })`: database
 * outages answer 503 (logged as one warning line), every other error goes to
 * `fallback` untouched (Medusa's own `errorHandler()` unless the store passes
 * its own).
 */
export function databaseUnavailableErrorHandler(fallback: MedusaErrorHandlerFunction = medusaErrorHandler()): MedusaErrorHandlerFunction {
  return (error: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (res.headersSent || !isDatabaseUnavailableError(error)) {
      return fallback(error, req, res, next)
    }
    const logger = req.scope?.resolve?.(ContainerRegistrationKeys.LOGGER) ?? console
    logger.warn(`Database unavailable, answered 503 at ${req.method} ${req.path}: ${describe(databaseUnavailableCause(error))}`)
    respondDatabaseUnavailable(res)
  }
}
