import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EditLedgerEntryNoteInput } from "../modules/trade-credit/types"
import { editLedgerEntryNoteStep } from "./steps"

export const editReimbursementWorkflowId = "edit-trade-credit-reimbursement"

/** Corrects the custom reference number or comment of a reimbursement. */
export const editReimbursementWorkflow = createWorkflow(
  editReimbursementWorkflowId,
  (input: EditLedgerEntryNoteInput) => {
    const entry = editLedgerEntryNoteStep(input)
    return new WorkflowResponse(entry)
  }
)
