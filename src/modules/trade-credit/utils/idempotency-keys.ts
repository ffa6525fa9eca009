/**
 * The plugin's own idempotency keys: one posting per payment session,
 * refund, card payment... is made idempotent with `<prefix>:<id>`. Client
 * `Idempotency-Key`s share the ledger's key space (per account), so a client
 * key that looked like one of these could take an internal operation's place
 * and block it: keys with these prefixes are reserved, and every internal key
 * is built here with one of them.
 */
export const INTERNAL_KEY_PREFIXES = [
  "authorize",
  "capture",
  "revert",
  "refund",
  "reversal",
  "card-payment",
  "balance",
  "demo-seed",
  "invoice-reduction",
] as const

export type InternalKeyPrefix = (typeof INTERNAL_KEY_PREFIXES)[number]

/** An internal idempotency key: `<prefix>:<part>[:<part>...]`. */
export function internalIdempotencyKey(prefix: InternalKeyPrefix, ...parts: string[]): string {
  return [prefix, ...parts].join(":")
}

/** Whether a client's key falls in the plugin's reserved namespace (any case). */
export function isReservedIdempotencyKey(key: string): boolean {
  const colon = key.indexOf(":")
  return colon > 0 && (INTERNAL_KEY_PREFIXES as readonly string[]).includes(key.slice(0, colon).trim().toLowerCase())
}
