import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OpenAccountInput } from "../modules/trade-credit/types"
import { openAccountStep, validateAccountHolderStep } from "./steps"

export const openTradeCreditAccountWorkflowId = "open-trade-credit-account"

/** Opens a customer's or a company's (customer group's) credit account. */
export const openTradeCreditAccountWorkflow = createWorkflow(
  openTradeCreditAccountWorkflowId,
  (input: OpenAccountInput) => {
    validateAccountHolderStep(input)
    const result = openAccountStep(input)
    return new WorkflowResponse(result)
  }
)
