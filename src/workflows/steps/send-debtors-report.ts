import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import { REPORT_NOTIFICATION_TEMPLATE } from "../../modules/trade-credit/constants"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { renderDebtorsReportEmail, REPORT_TOP_DEBTORS } from "../../modules/trade-credit/utils/debtors-report"
import { reminderLocale } from "../../modules/trade-credit/utils/reminder-options"
import { agingReportOf, streamAgingReportCsv } from "../../utils/aging-report"

export const sendDebtorsReportStepId = "send-trade-credit-debtors-report"

export type SendDebtorsReportInput = {
  /** The ISO week of the weekly send (`2026-W49`); null: a send now of its own. */
  period: string | null
}

export type SendDebtorsReportResult = {
  sent: boolean
  recipients: string[]
  period: string | null
  /** Why nothing was sent: no recipients configured, another run had (or sent) this period, or the send failed. */
  skipped?: "no_recipients" | "already_claimed"
  error?: string
}

/**
 * Sends the debtors report to `report_recipients`: the summary (totals per
 * currency, aging buckets, DSO, top debtors) with the aging CSV attached
 * (the same CSV as `GET /admin/trade-credit/reports/aging?format=csv`), on
 * the reminders' channel. Once per period: the intent is claimed in the
 * database before the send (another worker's claim, or a sent one, is
 * skipped) and marked sent after it, or failed to be claimed again by the
 * next run. No compensation: an e-mail can't be unsent.
 */
export const sendDebtorsReportStep = createStep(sendDebtorsReportStepId, async (input: SendDebtorsReportInput, { container }) => {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const recipients = tradeCredit.getReportOptions().report_recipients
  if (!recipients.length) {
    return new StepResponse<SendDebtorsReportResult>({ sent: false, recipients, period: input.period, skipped: "no_recipients" })
  }
  const period = input.period ?? `now-${generateEntityId(undefined, "send")}`
  const claimed = await tradeCredit.claimReportSend(period, recipients)
  if (!claimed) {
    return new StepResponse<SendDebtorsReportResult>({ sent: false, recipients, period, skipped: "already_claimed" })
  }
  try {
    const report = await agingReportOf(container, { limit: REPORT_TOP_DEBTORS, offset: 0 })
    const chunks: string[] = []
    await streamAgingReportCsv(container, {}, { start: () => undefined, write: async (c) => void chunks.push(c), aborted: () => false })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [store] } = await query.graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
    const options = tradeCredit.getReminderOptions()
    const locales = ((store?.supported_locales ?? []) as { locale_code?: string }[]).map((l) => l?.locale_code ?? "").filter(Boolean)
    const filename = `aging-${report.as_of}.csv`
    const email = renderDebtorsReportEmail({
      as_of: report.as_of,
      dso_period_days: report.dso_period_days,
      totals: report.totals,
      accounts: report.accounts,
      count: report.count,
      store_name: store?.name ?? null,
      locale: reminderLocale(options.locale, locales),
      csv_filename: filename,
    })
    const notification = (await container.resolve(Modules.NOTIFICATION).createNotifications({
      to: recipients.join(", "),
      channel: options.channel,
      template: REPORT_NOTIFICATION_TEMPLATE,
      content: { subject: email.subject, html: email.html, text: email.text },
      attachments: [{ filename, content: Buffer.from(chunks.join(""), "utf8").toString("base64"), content_type: "text/csv" }],
      data: { period, as_of: report.as_of },
      // A new key per attempt: Medusa refuses to retry a failed notification under its old key.
      idempotency_key: `trade-credit-report:${claimed.id}:${claimed.attempts}`,
    } as never)) as { id?: string } | null
    await tradeCredit.finishReportSend(claimed.id, { status: "sent", notification_id: notification?.id ?? null, sent_at: new Date() })
    return new StepResponse<SendDebtorsReportResult>({ sent: true, recipients, period })
  } catch (error) {
    const message = String((error as Error)?.message ?? error)
    await tradeCredit.finishReportSend(claimed.id, { status: "failed", error: message })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Trade credit: the debtors report (${period}) was not sent (retried on the next run): ${message}`)
    return new StepResponse<SendDebtorsReportResult>({ sent: false, recipients, period, error: message })
  }
})
