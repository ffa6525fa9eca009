import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor, Idempotency } from "../modules/trade-credit/types"
import { postLedgerEntryStep } from "./steps"

export type RecordReimbursementInput = {
  account_id: string
  /** Positive: the holder paid us (or prepaid). Negative: a correction, a bounced transfer or a payout. */
  amount: string | number
  reference?: string | null
  comment?: string | null
  /** An invoice of the account this payment pays first. */
  invoice_id?: string | null
  actor: Actor
  idempotency?: Idempotency
}

export const recordReimbursementWorkflowId = "record-trade-credit-reimbursement"

/** Records a payment received from the holder ("Reimburse balance"). */
export const recordReimbursementWorkflow = createWorkflow(
  recordReimbursementWorkflowId,
  (input: RecordReimbursementInput) => {
    const posting = transform({ input }, ({ input }) => ({ ...input, operation: "reimbursed" as const }))
    const result = postLedgerEntryStep(posting)
    return new WorkflowResponse(result)
  }
)
