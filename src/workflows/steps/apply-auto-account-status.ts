import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import { CREDIT_CONTROL_ACTOR } from "../../modules/trade-credit/constants"
import type { AutoStatusResult } from "../../modules/trade-credit/credit-control-service"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export const applyAutoAccountStatusStepId = "apply-auto-trade-credit-account-status"

export type AutoAccountStatusResult = { stopped: string[]; released: string[] }

/**
 * Automatic stop and release (option `auto_stop_after_days`): each candidate
 * account is decided under its own lock by applyAutoStatus, which writes an
 * `updated` entry by the system with the reason. An account that can't be
 * decided (its lock is busy, say) is left for the next run. Compensation
 * puts the changed accounts back to their previous status, with a new entry.
 */
export const applyAutoAccountStatusStep = createStep(
  applyAutoAccountStatusStepId,
  async (input: { now: string }, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const now = new Date(input.now)
    const changed: AutoStatusResult[] = []
    for (const accountId of await tradeCredit.autoStatusCandidates(now)) {
      try {
        const result = await tradeCredit.applyAutoStatus(accountId, now)
        if (result.action) {
          changed.push(result)
        }
      } catch (error) {
        logger.warn(`Trade credit: credit control could not decide the status of account ${accountId}: ${(error as Error)?.message ?? error}`)
      }
    }
    const result: AutoAccountStatusResult = {
      stopped: changed.filter((c) => c.action === "stopped").map((c) => c.account_id),
      released: changed.filter((c) => c.action === "released").map((c) => c.account_id),
    }
    return new StepResponse(result, changed)
  },
  async (changed, { container }) => {
    if (!changed?.length) {
      return
    }
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    for (const c of changed) {
      await tradeCredit.updateAccountSettings({
        account_id: c.account_id,
        changes: { status: c.from },
        reason: "Restored: the credit-control run could not complete",
        actor: { ...CREDIT_CONTROL_ACTOR },
      })
    }
  }
)
