import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendDebtorsReportStep, type SendDebtorsReportInput } from "./steps/send-debtors-report"

export const sendDebtorsReportWorkflowId = "send-trade-credit-debtors-report"

/**
 * The debtors report e-mail to `report_recipients` (the weekly job with the
 * ISO week as `period`, or `POST /admin/trade-credit/reports/aging/send` with
 * none): once per period even when two workers run it at the same moment.
 */
export const sendDebtorsReportWorkflow = createWorkflow(sendDebtorsReportWorkflowId, (input: SendDebtorsReportInput) => {
  return new WorkflowResponse(sendDebtorsReportStep(input))
})
