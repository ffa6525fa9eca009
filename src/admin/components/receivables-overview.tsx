import { Envelope } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { fetchAgingCsv, useAgingReport, useRunCreditControl } from "../hooks/receivables"
import { downloadBlob } from "../lib/csv"
import { errorMessage } from "../lib/errors"
import { runSummary } from "../lib/receivables-labels"
import { AgingChart } from "./aging-chart"
import { CsvExportButton } from "./csv-export-button"
import { DebtorsTable } from "./debtors-table"

const PAGE_SIZE = 50

/** "Send due reminders now": the daily credit-control run at once, its result as a toast. */
const RunRemindersButton = () => {
  const run = useRunCreditControl()
  const onClick = () =>
    run.mutate(
      {},
      {
        onSuccess: (result) =>
          (result.emails_failed > 0 ? toast.warning : toast.success)("Credit control run finished", {
            description: runSummary(result),
          }),
        onError: (error) => toast.error("Credit control run failed", { description: errorMessage(error) }),
      }
    )
  return (
    <Button size="small" variant="secondary" onClick={onClick} isLoading={run.isPending}>
      <Envelope />
      Send due reminders now
    </Button>
  )
}

/** "Export CSV": the whole report as the server streams it. */
const exportAging = async () => {
  const { blob, filename } = await fetchAgingCsv({})
  downloadBlob(filename, blob)
}

/**
 * Receivables on the Trade credit page: the aging chart per currency above
 * the debtors report (who owes what, how late), with CSV export and the
 * credit-control run on demand.
 */
export const ReceivablesOverview = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, isFetching } = useAgingReport({ limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const rows = data?.accounts ?? []
  const totals = data?.totals ?? []
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Debtors</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Open invoices by days past due{data ? ` on ${data.as_of} (${data.timezone})` : ""}. DSO over the last{" "}
            {data?.dso_period_days ?? 90} days.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <RunRemindersButton />
          <CsvExportButton exportFile={exportAging} />
        </div>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-6">
          {errorMessage(error)}
        </Text>
      ) : (
        <div className={isFetching && !isLoading ? "divide-y opacity-70 transition-opacity" : "divide-y"}>
          <AgingChart rows={rows} totals={totals} />
          <DebtorsTable
            rows={rows}
            totals={totals}
            isLoading={isLoading}
            paging={{ count: data?.count ?? 0, pageSize: PAGE_SIZE, pageIndex, onPageChange: setPageIndex }}
          />
        </div>
      )}
    </Container>
  )
}
