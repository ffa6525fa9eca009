import { useMutation, type UseMutationOptions } from "@tanstack/react-query"
import { useRef } from "react"
import { isOutcomeUnknown } from "../lib/errors"
import { IDEMPOTENCY_HEADER, newIdempotencyKey } from "../lib/idempotency"

type Headers = Record<string, string>

/** What a mutation hook accepts from its caller, as the dashboard's own hooks do. */
export type MutationOptions<TData, TVariables> = Omit<UseMutationOptions<TData, Error, TVariables>, "mutationFn">

/**
 * The hook's own cache work first (refreshing what the change moved), then
 * the caller's `onSuccess` (toasts, closing a drawer). Callers pass their
 * callbacks here rather than to `mutate()` when the component may unmount
 * before the request ends: react-query runs these even then.
 */
export function afterSuccess<TData, TVariables>(
  own: (data: TData, variables: TVariables) => Promise<unknown>,
  options: MutationOptions<TData, TVariables> = {}
): MutationOptions<TData, TVariables> {
  return {
    ...options,
    onSuccess: async (data, variables, context) => {
      await own(data, variables)
      await options.onSuccess?.(data, variables, context)
    },
  }
}

/**
 * useMutation that sends an `Idempotency-Key` header: a fresh key per
 * submission, and the SAME key when the user retries the same submission
 * after its outcome stayed unknown (network error, 5xx). A refused
 * submission (4xx) or a success starts over with a new key.
 */
export function useIdempotentMutation<TVariables, TData>(
  request: (variables: TVariables, headers: Headers) => Promise<TData>,
  options: MutationOptions<TData, TVariables> = {}
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
