import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ChaseNoteInput } from "../modules/trade-credit/credit-control-service"
import { recordChaseNoteStep } from "./steps"

export const recordChaseNoteWorkflowId = "record-trade-credit-chase-note"

/** A credit controller's chase note on an account, with the next chase date. */
export const recordChaseNoteWorkflow = createWorkflow(recordChaseNoteWorkflowId, (input: ChaseNoteInput) => {
  return new WorkflowResponse(recordChaseNoteStep(input))
})
