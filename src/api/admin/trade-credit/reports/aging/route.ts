import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { agingReportOf, streamAgingReportCsv } from "../../../../../utils/aging-report"
import type { AdminAgingReportResponse } from "../../../../../types/http"
import type { AdminAgingReportType } from "../../validators"

/**
 * The debtors report (aged receivables) on `as_of` (default today in the
 * store's time zone): JSON a page at a time, or with `format=csv` the whole
 * report streamed as it is read from the database.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminAgingReportType>, res: MedusaResponse<AdminAgingReportResponse>) => {
  const { format, limit, offset, as_of, currency_code } = req.validatedQuery
  if (format !== "csv") {
    res.json(await agingReportOf(req.scope, { as_of, currency_code, limit, offset }))
    return
  }
  let closed = false
  res.on("close", () => {
    closed = true
  })
  try {
    await streamAgingReportCsv(req.scope, { as_of, currency_code }, {
      start: (day) => {
        res.status(200)
        res.setHeader("Content-Type", "text/csv; charset=utf-8")
        res.setHeader("Content-Disposition", `attachment; filename="aging-${day}${currency_code ? `-${currency_code.toLowerCase()}` : ""}.csv"`)
        res.setHeader("Cache-Control", "no-store")
      },
      write: async (chunk) => {
        if (closed || res.write(chunk)) {
          return
        }
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off("drain", done)
            res.off("close", done)
            resolve()
          }
          res.on("drain", done)
          res.on("close", done)
        })
      },
      aborted: () => closed,
    })
  } catch (error) {
    // Before the first line Medusa answers the error (a bad as_of: 400); once the CSV has begun, the
    // only honest signal left is to cut the download short, so a truncated file is never taken as whole.
    if (!res.headersSent) {
      throw error
    }
    req.scope.resolve("logger").error(`Trade credit: the aging report CSV failed after it began: ${(error as Error).message}`)
    res.destroy(error as Error)
    return
  }
  res.end()
}
