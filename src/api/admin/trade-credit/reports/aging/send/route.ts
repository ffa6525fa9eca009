import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { sendDebtorsReportWorkflow } from "../../../../../../workflows/send-debtors-report"
import type { AdminSendDebtorsReportResponse } from "../../../../../../types/http"

/**
 * Sends the debtors report e-mail (summary and aging CSV) to the plugin
 * option `report_recipients` now, besides the weekly send. 400 when no
 * recipients are configured; 500 naming the error when the send failed.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminSendDebtorsReportResponse>) => {
  const { result } = await sendDebtorsReportWorkflow(req.scope).run({ input: { period: null } })
  if (result.skipped === "no_recipients") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `No debtors report recipients are configured: set the plugin option "report_recipients" (a list of e-mail addresses) in medusa-config.ts.`
    )
  }
  if (!result.sent) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The debtors report was not sent: ${result.error ?? "unknown error"}.`)
  }
  res.json({ sent: result.sent, recipients: result.recipients })
}
