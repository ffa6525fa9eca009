import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mail-catcher"

/** The server the running smtpCatcher started (one per jest file). */
let catcher: MailCatcher | undefined

/**
 * A real SMTP server for one spec file (scripts/lib/mail-catcher.js, npm `smtp-server`) with the
 * plugin's SMTP provider pointed at it: medusa-config.ts registers the provider when
 * TRADE_CREDIT_SMTP_HOST is set. Call it at the top of the file, before
 * medusaIntegrationTestRunner: its beforeAll runs first, so the config the runner loads sees the
 * variables. `env` adds the file's plugin options (TRADE_CREDIT_BANK_DETAILS and the like); all
 * of them are removed and the server stopped after the file.
 *
 * Returns the catcher (messages, refuse, waitFor) for the tests; it forwards to the server that
 * beforeAll starts, so the file can hold it in a const before that.
 */
export function smtpCatcher(env: Record<string, string> = {}): MailCatcher {
  let names: string[] = []
  beforeAll(async () => {
    catcher = await startMailCatcher()
    const all = {
      TRADE_CREDIT_SMTP_HOST: "127.0.0.1",
      TRADE_CREDIT_SMTP_PORT: String(catcher.port),
      TRADE_CREDIT_SMTP_FROM: "Accounts receivable <accounts@shop.example>",
      ...env,
    }
    names = Object.keys(all)
    Object.assign(process.env, all)
  })
  afterAll(async () => {
    await catcher?.stop()
    catcher = undefined
    for (const name of names) {
      delete process.env[name]
    }
  })
  return runningCatcher()
}

/**
 * The catcher of the file's smtpCatcher, for the files of a shared app
 * (integration-tests/http/mail-app.spec.ts starts it, with the plugin options of all its files).
 */
export function runningCatcher(): MailCatcher {
  const started = () => {
    if (!catcher) {
      throw new Error("The SMTP catcher starts in beforeAll: use it inside hooks and tests")
    }
    return catcher
  }
  return new Proxy({} as MailCatcher, {
    get: (_, key) => Reflect.get(started(), key),
    set: (_, key, value) => Reflect.set(started(), key, value),
  })
}
