import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type { AccountSettingsChanges, UpdateAccountSettingsInput } from "../../modules/trade-credit/types"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const updateAccountSettingsStepId = "update-trade-credit-account-settings"

type Compensation = { account_id: string; restore: AccountSettingsChanges; actor: UpdateAccountSettingsInput["actor"] }

/**
 * Changes the account's settings. Compensation restores the previous values
 * with a new `updated` entry: the history keeps both changes.
 */
export const updateAccountSettingsStep = createStep(
  updateAccountSettingsStepId,
  async (input: UpdateAccountSettingsInput, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const result = await tradeCredit.updateAccountSettings(input)
    if (!result.entry || result.replayed) {
      return new StepResponse(result, null as Compensation | null)
    }
    const changes = (result.entry.changes ?? {}) as Record<string, { from: unknown }>
    const restore: Record<string, unknown> = {}
    for (const [field, { from }] of Object.entries(changes)) {
      restore[field] = from
    }
    return new StepResponse(result, { account_id: input.account_id, restore, actor: input.actor })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    await tradeCredit.updateAccountSettings({
      account_id: compensation.account_id,
      changes: compensation.restore,
      reason: "Restored: the change could not be completed",
      actor: compensation.actor,
    })
  }
)
