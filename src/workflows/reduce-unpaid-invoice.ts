import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureInvoicePaymentsStep, reduceUnpaidInvoiceStep, type ReduceUnpaidInvoiceInput } from "./steps"

export const reduceUnpaidInvoiceWorkflowId = "reduce-unpaid-on-account-invoice"

/**
 * After an order edit is confirmed or a return is received: an order paid on
 * account whose invoice is still (partly) unpaid gets its invoice reduced
 * instead of a refund (reduceUnpaidInvoiceStep); then what its invoice was
 * paid is captured, which completes the payment when the reduced invoice is
 * already paid in full.
 */
export const reduceUnpaidInvoiceWorkflow = createWorkflow(reduceUnpaidInvoiceWorkflowId, (input: ReduceUnpaidInvoiceInput) => {
  const reduced = reduceUnpaidInvoiceStep(input)
  when({ reduced }, ({ reduced }) => !!reduced).then(() => {
    const sessions = transform({ reduced }, ({ reduced }) => ({ payment_session_ids: [reduced!.payment_session_id] }))
    captureInvoicePaymentsStep(sessions)
  })
  return new WorkflowResponse(reduced)
})
