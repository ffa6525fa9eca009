import { z } from "@medusajs/framework/zod"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../modules/trade-credit/constants"
import { jsonProblem, textProblem } from "../../modules/trade-credit/utils/text"

/**
 * Free text of the request field `field`: no control characters (comments
 * and reasons may hold tabs and line breaks). The rule is the module's
 * (`textProblem`), so a bad value is refused with 400 before any work starts.
 */
export function plainText(field: string) {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, field)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })
}

/** Longest id a request may name (Medusa's ids are about 30 characters). */
export const MAX_ID_LENGTH = 100

/** An id of a customer, group, order, provider...: plain text, 1 to MAX_ID_LENGTH characters. */
export function idText(field: string) {
  return plainText(field).min(1).max(MAX_ID_LENGTH)
}

/** A JSON object the plugin stores as given (metadata, provider data): no NUL anywhere in it. */
export function jsonRecord(field: string) {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const problem = jsonProblem(value, field)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem })
    }
  })
}

/**
 * `limit`, `offset`, `order` and `fields` of a list route (Medusa words the
 * range errors: "Value for field 'limit' too big, expected at most: '200'"). `fields` may only
 * name `allowed` fields (with Medusa's `+`/`-` modifiers), `order` only one of
 * `orderable` (`-` for descending): anything else is refused with 400.
 */
export function listParams({
  allowed,
  orderable,
  defaultLimit = DEFAULT_PAGE_SIZE,
}: {
  allowed: readonly string[]
  orderable: readonly string[]
  defaultLimit?: number
}) {
  return z.object({
    fields: selectFields(allowed),
    limit: z.coerce
      .number({ message: "limit must be a whole number" })
      .int("limit must be a whole number")
      .min(1)
      .max(MAX_PAGE_SIZE)
      .default(defaultLimit),
    offset: z.coerce
      .number({ message: "offset must be a whole number" })
      .int("offset must be a whole number")
      .min(0)
      .default(0),
    order: z
      .string()
      .refine((value) => orderable.includes(value.replace(/^-/, "")), {
        message: `order must be one of ${orderable.join(", ")} (prefix - for descending)`,
      })
      .optional(),
  })
}

/** `fields` of a retrieve or list route: only `allowed` fields, no relations selected in full. */
export function selectFields(allowed: readonly string[]) {
  return plainText("fields")
    .refine(
      (value) =>
        value
          .split(",")
          .map((f) => f.trim().replace(/^[+-]/, ""))
          .filter(Boolean)
          .every((f) => allowed.includes(f)),
      { message: `fields may only name these fields: ${allowed.join(", ")}` }
    )
    .optional()
}
