import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AgingReportParams, AgingReportResponse, CreditControlRunResponse } from "../lib/types"
import { tradeCreditKeys, type QueryOptions } from "./query-keys"
import { afterSuccess, useIdempotentMutation, type MutationOptions } from "./use-idempotent-mutation"

const AGING = "/admin/trade-credit/reports/aging"

/** The debtors report (aged receivables), most owed first, with a totals row per currency. */
export function useAgingReport(params: AgingReportParams, options?: QueryOptions<AgingReportResponse>) {
  return useQuery({
    queryKey: tradeCreditKeys.agingReport(params),
    queryFn: () => sdk.client.fetch<AgingReportResponse>(AGING, { method: "GET", query: params }),
    placeholderData: keepPreviousData,
    ...options,
  })
}

/** The whole report as the server streams it in CSV (`format=csv`), as a Blob and the file name it suggests. */
export async function fetchAgingCsv(params: Omit<AgingReportParams, "limit" | "offset">): Promise<{ blob: Blob; filename: string }> {
  // A non-JSON `accept` makes the js-sdk hand back the raw Response (errors still throw as usual).
  const response = await sdk.client.fetch<Response>(AGING, {
    method: "GET",
    query: { ...params, format: "csv" },
    headers: { accept: "text/csv" },
  })
  const disposition = response.headers.get("content-disposition") ?? ""
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "aging.csv"
  return { blob: await response.blob(), filename }
}

/** "Send due reminders now": the daily credit-control run at once; the report and every list refresh after it. */
export function useRunCreditControl(options?: MutationOptions<CreditControlRunResponse, Record<string, never>>) {
  const queryClient = useQueryClient()
  return useIdempotentMutation<Record<string, never>, CreditControlRunResponse>(
    (body, headers) =>
      sdk.client.fetch<CreditControlRunResponse>("/admin/trade-credit/reminders/run", { method: "POST", body, headers }),
    afterSuccess(() => queryClient.invalidateQueries({ queryKey: tradeCreditKeys.all }), options)
  )
}
