import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureInvoicePaymentsStep, type CaptureInvoicePaymentsInput } from "./steps"

export const captureInvoicePaymentsWorkflowId = "capture-trade-credit-invoice-payments"

/**
 * `capture: "on_invoice_paid"`: captures in Medusa what the invoices of
 * on-account orders were paid, after the posting that paid them committed
 * (INVOICES_PAID_EVENT), when an order is confirmed (its invoice may be paid
 * at issue from the account's unallocated credit), and in the confirm-orders
 * job's sweep. See captureInvoicePaymentsStep.
 */
export const captureInvoicePaymentsWorkflow = createWorkflow(
  captureInvoicePaymentsWorkflowId,
  (input: CaptureInvoicePaymentsInput) => {
    const captures = captureInvoicePaymentsStep(input)
    return new WorkflowResponse(captures)
  }
)
