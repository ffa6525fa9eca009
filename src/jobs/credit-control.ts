import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runCreditControlWorkflow } from "../workflows/run-credit-control"

/**
 * The daily credit-control run (workflow run-trade-credit-credit-control):
 * marks invoices that became overdue, stops / releases accounts (option
 * `auto_stop_after_days`) and sends the reminders that are due, each
 * (invoice, stage) once even when several workers run it at the same time.
 */
export default async function creditControlJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await runCreditControlWorkflow(container).run({ input: {} })
  logger.info(`Trade credit: credit control ${JSON.stringify(result)}`)
}

export const config = {
  name: "trade-credit-credit-control",
  schedule: "0 6 * * *",
}
