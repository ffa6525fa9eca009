import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateInvoiceCreditControlStep, type UpdateInvoiceCreditControlInput } from "./steps"

export const updateTradeCreditInvoiceWorkflowId = "update-trade-credit-invoice"

/** An invoice under dispute: pause its reminders, keep a note. */
export const updateTradeCreditInvoiceWorkflow = createWorkflow(updateTradeCreditInvoiceWorkflowId, (input: UpdateInvoiceCreditControlInput) => {
  return new WorkflowResponse(updateInvoiceCreditControlStep(input))
})
