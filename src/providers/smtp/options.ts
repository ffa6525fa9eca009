import { MedusaError } from "@medusajs/framework/utils"

/**
 * Options of the SMTP notification provider
 * (`medusa-plugin-trade-credit/providers/smtp`), as written in the notification
 * module's `providers` entry of `medusa-config.ts`.
 */
export type SmtpProviderOptions = {
  /**
   * Medusa's own field: the channels this provider sends on. Medusa allows one
   * provider per channel, so beside another e-mail provider on `email` give
   * this one a channel of its own (e.g. `["trade-credit-email"]`) and name it
   * in the trade credit option `reminder_channel`.
   */
  channels: string[]
  /** SMTP server host name. Required. */
  host: string
  /** Default 465 when `secure`, else 587. */
  port?: number
  /** TLS from the first byte (port 465). Default: true on port 465, else false (STARTTLS when offered). */
  secure?: boolean
  /** Login, when the server wants one. */
  auth?: { user: string; pass: string }
  /** Sender address, e.g. `"Accounts <accounts@example.com>"`. Required; a notification's own `from` wins. */
  from: string
  /** Reply-To of every message, unless the notification's `provider_data.reply_to` says otherwise. */
  reply_to?: string
  /** Connection, greeting and socket timeout in milliseconds. Default 30000. */
  timeout_ms?: number
  /** Keep up to 5 SMTP connections open and reuse them (bulk sends such as a reminder run). Default false. */
  pool?: boolean
}

/** The options after checking, with defaults filled in. */
export type NormalizedSmtpOptions = {
  channels: string[]
  host: string
  port: number
  secure: boolean
  auth: { user: string; pass: string } | null
  from: string
  reply_to: string | null
  timeout_ms: number
  pool: boolean
}

export const SMTP_PROVIDER_IDENTIFIER = "trade-credit-smtp"
export const DEFAULT_SMTP_TIMEOUT_MS = 30_000

const SETUP_HINT =
  'Configure it in medusa-config.ts under the notification module: { resolve: "medusa-plugin-trade-credit/providers/smtp", id: "trade-credit-smtp", options: { channels: ["email"], host: "smtp.example.com", port: 587, auth: { user, pass }, from: "Accounts <accounts@example.com>" } }.'

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit SMTP provider: ${message} ${SETUP_HINT}`)
}

const nonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0

/**
 * Checks the provider's options and fills in defaults. Throws, naming the
 * option, when one is missing or has the wrong shape: Medusa then refuses to
 * start rather than fail at the first e-mail.
 */
export function normalizeSmtpOptions(raw: unknown): NormalizedSmtpOptions {
  const options = (raw ?? {}) as Record<string, unknown>
  if (raw !== undefined && raw !== null && (typeof raw !== "object" || Array.isArray(raw))) {
    fail(`options must be an object, got ${JSON.stringify(raw)}.`)
  }
  const channels = options.channels
  if (!Array.isArray(channels) || channels.length === 0 || !channels.every(nonEmptyString)) {
    fail(`option "channels" must list the channels it sends on (e.g. ["email"]), got ${JSON.stringify(channels)}.`)
  }
  if (!nonEmptyString(options.host)) {
    fail(`option "host" (the SMTP server) is missing.`)
  }
  if (!nonEmptyString(options.from)) {
    fail(`option "from" (the sender address) is missing.`)
  }
  if (options.secure !== undefined && typeof options.secure !== "boolean") {
    fail(`option "secure" must be true or false, got ${JSON.stringify(options.secure)}.`)
  }
  let port: number
  if (options.port === undefined || options.port === null || options.port === "") {
    port = options.secure === true ? 465 : 587
  } else {
    port = typeof options.port === "string" ? Number(options.port) : (options.port as number)
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      fail(`option "port" must be a port number (1-65535), got ${JSON.stringify(options.port)}.`)
    }
  }
  const secure = typeof options.secure === "boolean" ? options.secure : port === 465
  let auth: NormalizedSmtpOptions["auth"] = null
  if (options.auth !== undefined && options.auth !== null) {
    const a = options.auth as Record<string, unknown>
    if (typeof a !== "object" || !nonEmptyString(a.user) || typeof a.pass !== "string") {
      fail(`option "auth" must be { user, pass } with a user name and a password.`)
    }
    auth = { user: a.user as string, pass: a.pass as string }
  }
  if (options.reply_to !== undefined && options.reply_to !== null && !nonEmptyString(options.reply_to)) {
    fail(`option "reply_to" must be an e-mail address, got ${JSON.stringify(options.reply_to)}.`)
  }
  const timeout = options.timeout_ms ?? DEFAULT_SMTP_TIMEOUT_MS
  if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 1) {
    fail(`option "timeout_ms" must be a positive whole number of milliseconds, got ${JSON.stringify(options.timeout_ms)}.`)
  }
  if (options.pool !== undefined && typeof options.pool !== "boolean") {
    fail(`option "pool" must be true or false, got ${JSON.stringify(options.pool)}.`)
  }
  return {
    channels: (channels as string[]).map((c) => c.trim()),
    host: (options.host as string).trim(),
    port,
    secure,
    auth,
    from: (options.from as string).trim(),
    reply_to: nonEmptyString(options.reply_to) ? options.reply_to.trim() : null,
    timeout_ms: timeout,
    pool: options.pool === true,
  }
}
