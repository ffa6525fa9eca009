import { FetchError } from "@medusajs/js-sdk"

/** HTTP status of a failed request; undefined when no response came back. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof FetchError) {
    return error.status
  }
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

/** The API's `message`, exactly as worded; a plain sentence for network failures. */
export function errorMessage(error: unknown): string {
  if (!error) {
    return ""
  }
  if (isNetworkError(error)) {
    return "The server could not be reached. Check your connection and try again: the same submission is sent again, it won't be recorded twice."
  }
  if (error instanceof Error && error.message) {
    return error.message
  }
  return String(error)
}

export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404
}

/** No HTTP response at all (offline, DNS, connection reset). */
export function isNetworkError(error: unknown): boolean {
  return errorStatus(error) === undefined && error instanceof TypeError
}

/**
 * The outcome of the request is unknown (no response, or a 5xx from the
 * server or a proxy): the same submission must be retried with the same
 * Idempotency-Key so that it is recorded at most once.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  const status = errorStatus(error)
  return status === undefined ? error instanceof TypeError : status >= 500
}
