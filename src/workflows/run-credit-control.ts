import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CreditControlRunSummary } from "../modules/trade-credit/types"
import { applyAutoAccountStatusStep, markOverdueInvoicesStep, sendDueRemindersStep } from "./steps"

export const runCreditControlWorkflowId = "run-trade-credit-credit-control"

export type RunCreditControlInput = {
  /** The moment the run acts as of (ISO 8601); default now. Tests move time with it; the job and the route don't set it. */
  now?: string
}

/**
 * The credit-control run (the daily job `trade-credit-credit-control` and
 * `POST /admin/trade-credit/reminders/run`): marks what became overdue, puts
 * accounts on stop / releases them (option `auto_stop_after_days`), and
 * sends the reminders that are due, each (invoice, stage) once. Safe to run
 * twice at the same moment: a second run finds the marks, statuses and
 * reminder intents of the first.
 */
export const runCreditControlWorkflow = createWorkflow(runCreditControlWorkflowId, (input: RunCreditControlInput) => {
  const at = transform({ input }, ({ input }) => ({ now: input?.now ? new Date(input.now).toISOString() : new Date().toISOString() }))
  const marked = markOverdueInvoicesStep(at)
  const statuses = applyAutoAccountStatusStep(at).config({ name: "apply-auto-status-after-marking" })
  const reminders = sendDueRemindersStep(at)
  const result = transform({ marked, statuses, reminders }, ({ marked, statuses, reminders }): CreditControlRunSummary => ({
    marked_overdue: marked.length,
    stopped: statuses.stopped.length,
    released: statuses.released.length,
    emails_sent: reminders.emails_sent,
    emails_failed: reminders.emails_failed,
  }))
  return new WorkflowResponse(result)
})
