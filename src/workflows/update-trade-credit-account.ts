import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateAccountSettingsInput } from "../modules/trade-credit/types"
import { updateAccountSettingsStep } from "./steps"

export const updateTradeCreditAccountWorkflowId = "update-trade-credit-account"

/** Changes limit, allow-exceed, status, terms or reference, with the reason for change. */
export const updateTradeCreditAccountWorkflow = createWorkflow(
  updateTradeCreditAccountWorkflowId,
  (input: UpdateAccountSettingsInput) => {
    const result = updateAccountSettingsStep(input)
    return new WorkflowResponse(result)
  }
)
