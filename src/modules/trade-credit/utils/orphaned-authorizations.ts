import { MedusaError } from "@medusajs/framework/utils"

/** The plugin option: minutes after which an on-account authorization whose checkout never became an order is released. */
export const ORPHANED_AUTHORIZATION_TTL_OPTION = "orphanedAuthorizationTtlMinutes"
/** Default: an hour, far longer than any checkout takes. */
export const DEFAULT_ORPHANED_AUTHORIZATION_TTL_MINUTES = 60
/** The shortest allowed: a checkout in progress must never be released under it. */
export const MIN_ORPHANED_AUTHORIZATION_TTL_MINUTES = 5
/** At most 30 days. */
export const MAX_ORPHANED_AUTHORIZATION_TTL_MINUTES = 30 * 24 * 60

/** The option's value in minutes, or the module refuses to load with a message naming it. */
export function normalizeOrphanedAuthorizationTtl(value: unknown): number {
  if (value === undefined || value === null) {
    return DEFAULT_ORPHANED_AUTHORIZATION_TTL_MINUTES
  }
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < MIN_ORPHANED_AUTHORIZATION_TTL_MINUTES ||
    value > MAX_ORPHANED_AUTHORIZATION_TTL_MINUTES
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Trade credit: option "${ORPHANED_AUTHORIZATION_TTL_OPTION}" must be a whole number of minutes from ${MIN_ORPHANED_AUTHORIZATION_TTL_MINUTES} to ${MAX_ORPHANED_AUTHORIZATION_TTL_MINUTES}, got ${JSON.stringify(value)}.`
    )
  }
  return value
}

/** The comment of the `reverted` entry that releases an orphaned authorization. */
export function orphanReleaseComment(ttlMinutes: number): string {
  return `Released: the checkout was authorized on account but did not become an order within ${ttlMinutes} minutes`
}
