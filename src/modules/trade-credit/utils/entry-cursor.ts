import { MedusaError } from "@medusajs/framework/utils"

/**
 * Opaque keyset cursor of the credit history: the sequence number of the last
 * entry a client has seen, base64url-encoded so clients don't build it.
 */
export function encodeEntryCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString("base64url")
}

export function decodeEntryCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(String(cursor), "base64url").toString())
  if (!match) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `cursor ${JSON.stringify(cursor)} is not valid.`)
  }
  return Number(match[1])
}
