import { MedusaError } from "@medusajs/framework/utils"
import { SkipExecutionError } from "@medusajs/framework/orchestration"
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DATABASE_UNAVAILABLE_RETRY_AFTER,
  databaseUnavailableErrorHandler,
  isDatabaseUnavailableError,
} from "../database-unavailable"

/** An error as node-postgres raises it for a server error: SQLSTATE in `code`. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" })
/** A socket error as node's net module raises it (the stack names only node internals). */
const socketError = (code: string, syscall = "connect") => {
  const error = Object.assign(new Error(`${syscall} ${code} 127.0.0.1:5432`), { code, errno: -111, syscall })
  error.stack = `Error: ${error.message}\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)`
  return error
}
/** MikroORM's DriverException: copies the driver error's own properties, keeps its stack lines. */
const mikroOrm = (previous: Error, name = "DriverException") => {
  const wrapped = new Error(previous.message) as Error & Record<string, unknown>
  for (const key of Object.getOwnPropertyNames(previous)) {
    if (key !== "stack") wrapped[key] = (previous as unknown as Record<string, unknown>)[key]
  }
  wrapped.name = name
  wrapped.stack = `${name}: ${previous.message}\n    at PostgreSqlExceptionConverter.convertException (/app/node_modules/@mikro-orm/postgresql/PostgreSqlExceptionConverter.js:20:24)`
  return wrapped
}

/** knex's error for a statement on a transaction it closed, as MikroORM wraps it (its stack names knex's transaction). */
const transactionClosed = () => {
  const error = new Error("Transaction query already complete, run with DEBUG=knex:tx for more info")
  error.stack = `Error: ${error.message}\n    at completedError (/app/node_modules/knex/lib/execution/transaction.js:413:9)`
  return mikroOrm(error)
}

describe("isDatabaseUnavailableError", () => {
  it.each([
    ["08006 connection_failure", pgError("08006", "connection failure")],
    ["08001 sqlclient_unable_to_establish_sqlconnection", pgError("08001", "could not connect")],
    ["08003 connection_does_not_exist", pgError("08003", "connection does not exist")],
    ["57P01 admin_shutdown", pgError("57P01", "terminating connection due to administrator command")],
    ["57P02 crash_shutdown", pgError("57P02", "terminating connection because of crash of another server process")],
    ["57P03 cannot_connect_now", pgError("57P03", "the database system is starting up")],
    ["pg: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    ["pg-pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["knex pool acquire timeout", Object.assign(new Error("Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?"), { name: "KnexTimeoutError" })],
    ["MikroORM ConnectionException", mikroOrm(pgError("08006", "connection failure"), "ConnectionException")],
    ["MikroORM DriverException over ECONNREFUSED", mikroOrm(socketError("ECONNREFUSED"))],
    ["MikroORM DriverException over ECONNRESET", mikroOrm(socketError("ECONNRESET", "read"))],
    ["MikroORM DriverException over EPIPE", mikroOrm(socketError("EPIPE", "write"))],
    ["MikroORM DriverException over ETIMEDOUT", mikroOrm(socketError("ETIMEDOUT"))],
    ["MikroORM DriverException over 57P01", mikroOrm(pgError("57P01", "terminating connection due to administrator command"))],
    ["wrapped in `cause`", new Error("Could not complete the cart", { cause: new Error("Connection terminated unexpectedly") })],
    ["a workflow's serialized error (plain object)", { message: "terminating connection due to administrator command", code: "57P01" }],
    // What the Redis workflow engine throws when PostgreSQL went away as a run (auto- id) began: its first checkpoint's save failed.
    ["a workflow that could not start (first checkpoint not stored)", new SkipExecutionError("Transaction already started for transactionId: auto-01M8S200MDA2T0KE9JXZP1V0VD")],
    // A transaction knex closed when its connection was cut: Medusa's create-orders step inserting after the restart.
    ["a statement on a transaction knex closed under it (MikroORM DriverException)", transactionClosed()],
    ["inside an AggregateError", new AggregateError([new Error("x"), pgError("57P03", "the database system is shutting down")], "several")],
  ])("%s → unavailable", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true)
  })

  it.each([
    ["a bare ECONNRESET outside the driver (an SMTP or webhook call)", socketError("ECONNRESET", "read")],
    ["ECONNREFUSED of a payment processor", socketError("ECONNREFUSED")],
    ["unique violation 23505", mikroOrm(pgError("23505", "duplicate key value violates unique constraint"), "UniqueConstraintViolationException")],
    ["lock timeout 55P03", pgError("55P03", "canceling statement due to lock timeout")],
    ["serialization failure 40001", pgError("40001", "could not serialize access")],
    ["statement timeout 57014", pgError("57014", "canceling statement due to statement timeout")],
    ["a workflow already running under the caller's own id (idempotent retry)", new SkipExecutionError("Transaction already started for transactionId: cart_123")],
    ["a workflow behind another execution", new SkipExecutionError("Transaction is behind another execution")],
    ["the same words outside the driver stack", new Error("Transaction query already complete")],
    ["a MedusaError", new MedusaError(MedusaError.Types.NOT_ALLOWED, "The account is on stop")],
    ["a plain Error", new Error("Something broke")],
    ["a string", "Connection refused by the payment gateway"],
    ["null", null],
    ["undefined", undefined],
  ])("%s → not unavailable", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false)
  })

  it("stops on an error that wraps itself", () => {
    const loop: Record<string, unknown> = { message: "loop" }
    loop.cause = loop
    expect(isDatabaseUnavailableError(loop)).toBe(false)
  })
})

describe("databaseUnavailableErrorHandler", () => {
  const response = () => {
    const res = {
      headersSent: false,
      headers: {} as Record<string, string>,
      statusCode: 0,
      body: undefined as unknown,
      setHeader(name: string, value: string) {
        res.headers[name] = value
        return res
      },
      status(code: number) {
        res.statusCode = code
        return res
      },
      json(body: unknown) {
        res.body = body
        return res
      },
    }
    return res
  }
  const warnings: string[] = []
  const logger = { warn: (m: string) => warnings.push(m), info: () => undefined, error: () => undefined }
  const req = { method: "POST", path: "/store/carts/cart_1/complete", scope: { resolve: () => logger } }

  it("answers a database outage 503 with Retry-After and the store's message, logged as one warning", () => {
    const fallback = jest.fn()
    const res = response()
    databaseUnavailableErrorHandler(fallback)(new Error("Connection terminated unexpectedly"), req as never, res as never, jest.fn())
    expect(fallback).not.toHaveBeenCalled()
    expect(res.statusCode).toBe(503)
    expect(res.headers["Retry-After"]).toBe(String(DATABASE_UNAVAILABLE_RETRY_AFTER))
    expect(res.body).toEqual({ code: "database_unavailable", type: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE })
    expect(warnings.at(-1)).toContain("POST /store/carts/cart_1/complete")
  })

  it("hands every other error to the fallback untouched", () => {
    const fallback = jest.fn()
    const res = response()
    const next = jest.fn()
    const error = new MedusaError(MedusaError.Types.INVALID_DATA, "Amount has too many decimals")
    databaseUnavailableErrorHandler(fallback)(error, req as never, res as never, next)
    expect(fallback).toHaveBeenCalledWith(error, req, res, next)
    expect(res.statusCode).toBe(0)
  })

  it("uses Medusa's own error handler by default", () => {
    const res = response()
    databaseUnavailableErrorHandler()(new MedusaError(MedusaError.Types.NOT_FOUND, "Account not found"), req as never, res as never, jest.fn())
    expect(res.statusCode).toBe(404)
    expect(res.body).toMatchObject({ message: "Account not found", type: "not_found" })
  })
})
