/**
 * The store configuration the demo and the tests run (medusa-config.ts):
 * which locking provider it loads, when it sends e-mail through the plugin's
 * SMTP provider, and its refusal to run in production with
 * Medusa's default secrets.
 */

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */

const VARIABLES = [
  "NODE_ENV",
  "JWT_SECRET",
  "COOKIE_SECRET",
  "REDIS_URL",
  "MEDUSA_WORKER_MODE",
  "MEDUSA_REDIS_PREFIX",
  "TRADE_CREDIT_SMTP_HOST",
  "TRADE_CREDIT_SMTP_PORT",
  "TRADE_CREDIT_SMTP_CHANNEL",
  "TRADE_CREDIT_SMTP_FROM",
] as const

/** medusa-config.ts loaded afresh with these environment variables (others as they are). */
function loadConfig(env: Partial<Record<(typeof VARIABLES)[number], string>>): any {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))
  try {
    for (const name of VARIABLES) {
      if (env[name] === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = env[name]
      }
    }
    let config: any
    jest.isolateModules(() => {
      config = require("../../medusa-config")
    })
    return config
  } finally {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = saved[name]
      }
    }
  }
}

describe("medusa-config.ts", () => {
  it("refuses to start in production without JWT_SECRET and COOKIE_SECRET", () => {
    const message = /JWT_SECRET and COOKIE_SECRET must be set when NODE_ENV=production/
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(message)
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "a".repeat(64) })).toThrow(message)
    expect(() => loadConfig({ NODE_ENV: "production", COOKIE_SECRET: "b".repeat(64) })).toThrow(message)
    const config = loadConfig({ NODE_ENV: "production", JWT_SECRET: "a".repeat(64), COOKIE_SECRET: "b".repeat(64) })
    expect(config.projectConfig.http.jwtSecret).toBe("a".repeat(64))
    expect(config.projectConfig.http.cookieSecret).toBe("b".repeat(64))
  })

  it("one process without REDIS_URL: Medusa's default in-memory locking, never locking-postgres", () => {
    const config = loadConfig({ NODE_ENV: "development" })
    expect(config.modules.locking).toBeDefined()
    expect(config.modules.locking.options?.providers ?? []).toEqual([])
    expect(JSON.stringify(config)).not.toMatch(/locking-postgres/)
  })

  it("with REDIS_URL: the production topology's Redis event bus, workflow engine, locking (the default provider) and caching", () => {
    const config = loadConfig({ NODE_ENV: "development", REDIS_URL: "redis://127.0.0.1:6379", MEDUSA_REDIS_PREFIX: "run1:" })
    expect(config.modules.locking.options.providers).toEqual([
      expect.objectContaining({
        resolve: "@medusajs/medusa/locking-redis",
        is_default: true,
        options: { redisUrl: "redis://127.0.0.1:6379", namespace: "run1:medusa_lock:" },
      }),
    ])
    expect(config.modules.event_bus).toEqual(
      expect.objectContaining({ resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: "redis://127.0.0.1:6379", queueName: "run1_events-queue" } })
    )
    expect(config.modules.workflows).toEqual(expect.objectContaining({ resolve: "@medusajs/medusa/workflow-engine-redis" }))
    expect(config.projectConfig.redisPrefix).toBe("run1:")
    expect(config.modules.caching.options.providers).toEqual([expect.objectContaining({ resolve: "@medusajs/medusa/caching-redis", is_default: true })])
    expect(JSON.stringify(config)).not.toMatch(/locking-postgres/)
  })

  it("MEDUSA_WORKER_MODE picks the process's role (shared by default) and refuses anything else", () => {
    expect(loadConfig({ NODE_ENV: "development" }).projectConfig.workerMode).toBe("shared")
    expect(loadConfig({ NODE_ENV: "development", MEDUSA_WORKER_MODE: "worker" }).projectConfig.workerMode).toBe("worker")
    expect(() => loadConfig({ NODE_ENV: "development", MEDUSA_WORKER_MODE: "both" })).toThrow(/MEDUSA_WORKER_MODE must be shared, server or worker/)
  })

  it("sends no e-mail unless TRADE_CREDIT_SMTP_HOST is set: Medusa's default notification module", () => {
    const config = loadConfig({ NODE_ENV: "development" })
    expect(JSON.stringify(config.modules.notification ?? {})).not.toMatch(/providers\/smtp/)
  })

  it("with TRADE_CREDIT_SMTP_HOST: the plugin's SMTP provider on the e-mail channel beside Medusa's local feed", () => {
    const config = loadConfig({
      NODE_ENV: "development",
      TRADE_CREDIT_SMTP_HOST: "127.0.0.1",
      TRADE_CREDIT_SMTP_PORT: "2525",
      TRADE_CREDIT_SMTP_CHANNEL: "trade-credit-email",
    })
    const providers = config.modules.notification.options.providers
    expect(providers.map((p: any) => [p.id, p.options.channels])).toEqual([
      ["local", ["feed"]],
      ["trade-credit-smtp", ["trade-credit-email"]],
    ])
    expect(providers[1].resolve).toMatch(/src\/providers\/smtp$/)
    expect(providers[1].options).toMatchObject({ host: "127.0.0.1", port: 2525, secure: false, from: expect.stringContaining("@") })
  })
})
