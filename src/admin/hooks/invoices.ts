import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { InvoiceListParams, InvoiceListResponse, InvoiceResponse, UpdateInvoiceBody } from "../lib/types"
import { tradeCreditKeys, type QueryOptions } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

const BASE = "/admin/trade-credit/invoices"

/** One page of invoices matching the filters, by due date unless `order` says otherwise. */
export function useInvoices(params: InvoiceListParams, options?: QueryOptions<InvoiceListResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.invoiceList(params),
    queryFn: () => sdk.client.fetch<InvoiceListResponse>(BASE, { method: "GET", query: params }),
    placeholderData: keepPreviousData,
    ...options,
  })
}

/** One invoice with its allocations and reminder history. */
export function useInvoice(id: string | null | undefined, options?: QueryOptions<InvoiceResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.invoice(id ?? ""),
    queryFn: () => sdk.client.fetch<InvoiceResponse>(`${BASE}/${id}`, { method: "GET" }),
    ...options,
    enabled: Boolean(id) && (options?.enabled ?? true),
  })
}

/** Pause or resume an invoice's reminders, set its dispute note. */
export function useUpdateInvoice(id: string, options?: MutationOptions<InvoiceResponse, UpdateInvoiceBody>) {
  const queryClient = useQueryClient()
  return useIdempotentMutation<UpdateInvoiceBody, InvoiceResponse>(
    (body, headers) => sdk.client.fetch<InvoiceResponse>(`${BASE}/${id}`, { method: "POST", body, headers }),
    afterSuccess(async (data) => {
      queryClient.setQueryData(tradeCreditKeys.invoice(id), data)
      await queryClient.invalidateQueries({ queryKey: tradeCreditKeys.invoices() })
    }, options)
  )
}
