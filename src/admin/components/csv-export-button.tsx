import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../lib/errors"

/**
 * "Export CSV" on the dashboard's lists: spins while the file is being
 * gathered and says so when it can't be, so a merchant never clicks twice
 * into a silent failure. `exportFile` fetches and downloads (lib/csv's
 * downloadBlob); what it returns, if anything, is shown as a success toast.
 */
export const CsvExportButton = ({ exportFile }: { exportFile: () => Promise<string | void> }) => {
  const [busy, setBusy] = useState(false)
  const onClick = async () => {
    setBusy(true)
    try {
      const done = await exportFile()
      if (done) {
        toast.success(done)
      }
    } catch (error) {
      toast.error("Export failed", { description: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={onClick} isLoading={busy}>
      <ArrowDownTray />
      Export CSV
    </Button>
  )
}
