import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import { weeklyReportDue } from "../modules/trade-credit/utils/debtors-report"
import { sendDebtorsReportWorkflow } from "../workflows/send-debtors-report"

/**
 * The weekly debtors report e-mail (option `report_recipients`; off when
 * empty). Runs hourly and sends the current ISO week's report from Monday
 * 07:00 in the plugin's `timezone` on (cron runs in the server's time zone,
 * the check in the store's); the intent row per week makes it once, also
 * with several workers, and a worker down on Monday morning sends it later.
 */
export default async function debtorsReportJob(container: MedusaContainer) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  if (!tradeCredit.getReportOptions().report_recipients.length) {
    return
  }
  const week = weeklyReportDue(new Date(), tradeCredit.getOptions().timezone)
  if (!week) {
    return
  }
  const { result } = await sendDebtorsReportWorkflow(container).run({ input: { period: week } })
  if (result.sent) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Trade credit: debtors report ${week} sent to ${result.recipients.join(", ")}.`)
  }
}

export const config = {
  name: "trade-credit-debtors-report",
  schedule: "5 * * * *",
}
