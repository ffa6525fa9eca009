import { createHash } from "crypto"
import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { Actor, Idempotency } from "../../modules/trade-credit/types"
import { textProblem } from "../../modules/trade-credit/utils/text"
import { INTERNAL_KEY_PREFIXES, isReservedIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"

const MAX_KEY_LENGTH = 255

/**
 * The `Idempotency-Key` header plus a fingerprint of this request (method,
 * path, body): the same key sent again replays the first result, the same
 * key with another request is refused with 409. Keys in the plugin's own
 * namespace (`capture:...`, see INTERNAL_KEY_PREFIXES) are refused with 400.
 */
export function idempotencyOf(req: AuthenticatedMedusaRequest): Idempotency | undefined {
  const header = req.get("idempotency-key")
  if (header === undefined) {
    return undefined
  }
  const key = header.trim()
  if (!key || key.length > MAX_KEY_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`
    )
  }
  const problem = textProblem(key, "Idempotency-Key")
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  if (isReservedIdempotencyKey(key)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Idempotency-Key must not start with ${INTERNAL_KEY_PREFIXES.map((p) => `"${p}:"`).join(", ")}: these keys are the plugin's own.`
    )
  }
  const fingerprint = JSON.stringify([req.method, req.baseUrl + req.path, stableJson(req.validatedBody ?? req.body)])
  return { key, request_hash: createHash("sha256").update(fingerprint).digest("hex") }
}

function stableJson(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stableJson)
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, stableJson((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

/**
 * "Updated by" for an admin request: the logged-in user, or, for a secret API
 * key (an ERP or accounting integration), the key.
 */
export async function adminActorOf(req: AuthenticatedMedusaRequest): Promise<Actor> {
  const { actor_type, actor_id } = req.auth_context
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (actor_type === "api-key") {
    const { data } = await query.graph({ entity: "api_key", fields: ["id", "title"], filters: { id: actor_id } })
    return { type: "erp", id: actor_id, name: data[0]?.title ?? "API key" }
  }
  const { data } = await query.graph({
    entity: "user",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: actor_id },
  })
  return { type: "user", id: actor_id, name: displayName(data[0]) }
}

/** "Updated by" for a store request: the logged-in customer, by name (or email). */
export async function customerActorOf(req: AuthenticatedMedusaRequest): Promise<Actor & { type: "customer"; id: string }> {
  const customerId = req.auth_context.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "email"],
    filters: { id: customerId },
  })
  return { type: "customer", id: customerId, name: displayName(data[0]) }
}

/** "First Last", else the email: how a person is named in "updated by". */
export function displayName(person: { first_name?: string | null; last_name?: string | null; email?: string | null } | undefined) {
  if (!person) {
    return null
  }
  return [person.first_name, person.last_name].filter(Boolean).join(" ") || person.email || null
}
