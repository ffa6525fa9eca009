import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor, Idempotency } from "../modules/trade-credit/types"
import { postLedgerEntryStep } from "./steps"

export type AdjustAccountBalanceInput = {
  account_id: string
  amount: string | number
  /** Required: an adjustment without an explanation can't be audited. */
  comment: string
  actor: Actor
  idempotency?: Idempotency
}

export const adjustAccountBalanceWorkflowId = "adjust-trade-credit-account-balance"

/** Corrects the balance (opening balances, write-offs, goodwill credits). */
export const adjustAccountBalanceWorkflow = createWorkflow(
  adjustAccountBalanceWorkflowId,
  (input: AdjustAccountBalanceInput) => {
    const posting = transform({ input }, ({ input }) => ({ ...input, operation: "adjusted" as const }))
    const result = postLedgerEntryStep(posting)
    return new WorkflowResponse(result)
  }
)
