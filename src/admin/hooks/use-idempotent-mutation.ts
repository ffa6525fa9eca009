import { useMutation, type UseMutationOptions } from "@tanstack/react-query"
import { useRef } from "react"
import { isOutcomeUnknown } from "../lib/errors"
import { IDEMPOTENCY_HEADER, newIdempotencyKey } from "../lib/idempotency"

type Headers = Record<string, string>

/**
 * useMutation that sends an `Idempotency-Key` header: a fresh key per
 * submission, and the SAME key when the user retries the same submission
 * after its outcome stayed unknown (network error, 5xx). A refused
 * submission (4xx) or a success starts over with a new key.
 */
export function useIdempotentMutation<TVariables, TData>(
  request: (variables: TVariables, headers: Headers) => Promise<TData>,
  options: Omit<UseMutationOptions<TData, Error, TVariables>, "mutationFn"> = {}
) {
  const pending = useRef<{ key: string; fingerprint: string } | null>(null)

  return useMutation<TData, Error, TVariables>({
    ...options,
    mutationFn: async (variables) => {
      const fingerprint = JSON.stringify(variables)
      if (!pending.current || pending.current.fingerprint !== fingerprint) {
        pending.current = { key: newIdempotencyKey(), fingerprint }
      }
      try {
        const result = await request(variables, { [IDEMPOTENCY_HEADER]: pending.current.key })
        pending.current = null
        return result
      } catch (error) {
        if (!isOutcomeUnknown(error)) {
          pending.current = null
        }
        throw error
      }
    },
  })
}
