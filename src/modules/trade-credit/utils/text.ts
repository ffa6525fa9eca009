import { MedusaError } from "@medusajs/framework/utils"

/**
 * Free text the plugin stores or searches (references, comments, reasons,
 * search terms, ids) never holds control characters: PostgreSQL can't store
 * NUL in text or JSON, and the others break CSV exports, e-mails and logs.
 * Comments and reasons are multi-line, so they may hold tabs and line breaks
 * (TAB, LF, CR); every other text field holds none at all.
 */
export const MULTILINE_TEXT_FIELDS: ReadonlySet<string> = new Set(["comment", "reason"])

// C0 controls, DEL and C1 controls; the multi-line set spares TAB (09), LF (0A) and CR (0D).
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f]/
const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/** Why `value` can't be stored as `field`, or null when it can. */
export function textProblem(value: string, field: string): string | null {
  const multiline = MULTILINE_TEXT_FIELDS.has(field)
  const found = (multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(value)
  if (!found) {
    return null
  }
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`
  return multiline
    ? `${field} must not contain control characters (found ${code}); tabs and line breaks are allowed.`
    : `${field} must not contain control characters (found ${code}).`
}

/** Throws INVALID_DATA when `value` holds a control character `field` can't. */
export function assertPlainText(value: string, field: string): void {
  const problem = textProblem(value, field)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
}

/** Why a JSON value (metadata, provider data) can't be stored: PostgreSQL's jsonb refuses NUL anywhere in it. */
export function jsonProblem(value: unknown, field: string): string | null {
  return JSON.stringify(value ?? null).includes("\\u0000")
    ? `${field} must not contain NUL characters (U+0000).`
    : null
}

/**
 * `value` as a literal inside an ILIKE pattern: `%`, `_` and the escape
 * character `\` (PostgreSQL's default ESCAPE) match only themselves.
 */
export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
