import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import { REMINDER_NOTIFICATION_TEMPLATE } from "../../modules/trade-credit/constants"
import type { ReminderBatch } from "../../modules/trade-credit/credit-control-service"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import { renderReminderEmail } from "../../modules/trade-credit/utils/reminder-email"
import { reminderLocale } from "../../modules/trade-credit/utils/reminder-options"

export const sendDueRemindersStepId = "send-due-trade-credit-reminders"

export type SendDueRemindersResult = { emails_sent: Record<string, number>; emails_failed: number }

type Holder = { name: string; recipients: string[] }

/**
 * Who gets an account's reminders and what it is called: `billing_email`
 * when set, else the buyers of the company (the customer group's members),
 * else the customer.
 */
async function holderOf(
  container: MedusaContainer,
  account: { customer_id: string | null; customer_group_id: string | null; billing_email: string | null }
): Promise<Holder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const billing = (account.billing_email ?? "").split(",").map((a) => a.trim()).filter(Boolean)
  if (account.customer_group_id) {
    const { data: [group] } = await query.graph({
      entity: "customer_group",
      fields: ["id", "name", "customers.email"],
      filters: { id: account.customer_group_id },
    })
    const buyers = ((group?.customers ?? []) as { email?: string | null }[]).map((c) => c?.email).filter((e): e is string => !!e)
    return { name: group?.name ?? account.customer_group_id, recipients: billing.length ? billing : [...new Set(buyers)].sort() }
  }
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "company_name"],
    filters: { id: account.customer_id! },
  })
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || customer?.company_name || customer?.email || account.customer_id!
  return { name, recipients: billing.length ? billing : customer?.email ? [customer.email] : [] }
}

async function storeOf(container: MedusaContainer): Promise<{ name: string | null; locales: string[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [store] } = await query.graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
  return {
    name: store?.name ?? null,
    locales: ((store?.supported_locales ?? []) as { locale_code?: string }[]).map((l) => l?.locale_code ?? "").filter(Boolean),
  }
}

/**
 * Sends the reminders due at `now`: one e-mail per account and stage,
 * listing the account's open invoices and naming those that reached the
 * stage. Exactly once per (invoice, stage): the intents are claimed in the
 * database BEFORE the send (a row another run claimed, or that was sent, is
 * skipped), and marked `sent` after it, or `failed` with the error, to be
 * claimed again by the next run with a new notification idempotency key
 * (Medusa refuses to retry a failed notification under its old key). No
 * compensation: an e-mail can't be unsent, and the intents say what was.
 */
export const sendDueRemindersStep = createStep(
  sendDueRemindersStepId,
  async (input: { now: string }, { container }) => {
    const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
    const notifications = container.resolve(Modules.NOTIFICATION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const now = new Date(input.now)
    const options = tradeCredit.getReminderOptions()
    const timezone = tradeCredit.getOptions().timezone
    const result: SendDueRemindersResult = { emails_sent: {}, emails_failed: 0 }
    const batches = await tradeCredit.dueReminderBatches(now)
    if (!batches.length) {
      return new StepResponse(result)
    }
    const store = await storeOf(container)
    const locale = reminderLocale(options.locale, store.locales)
    for (const batch of batches) {
      const sent = await sendBatch(container, tradeCredit, notifications, { batch, now, options, timezone, locale, store_name: store.name })
      if (sent === "sent") {
        result.emails_sent[batch.stage.name] = (result.emails_sent[batch.stage.name] ?? 0) + 1
      } else if (sent === "failed") {
        result.emails_failed += 1
      }
    }
    const total = Object.values(result.emails_sent).reduce((a, b) => a + b, 0)
    if (total || result.emails_failed) {
      logger.info(`Trade credit: credit control sent ${total} reminder e-mail(s), ${result.emails_failed} failed (retried on the next run).`)
    }
    return new StepResponse(result)
  }
)

async function sendBatch(
  container: MedusaContainer,
  tradeCredit: TradeCreditModuleService,
  notifications: { createNotifications: (data: never) => Promise<unknown> },
  ctx: {
    batch: ReminderBatch
    now: Date
    options: ReturnType<TradeCreditModuleService["getReminderOptions"]>
    timezone: string
    locale: string
    store_name: string | null
  }
): Promise<"sent" | "failed" | "skipped"> {
  const { batch } = ctx
  const [account] = await tradeCredit.listTradeCreditAccounts(
    { id: batch.account_id },
    { select: ["id", "customer_id", "customer_group_id", "billing_email", "currency_code", "available_credit"] }
  )
  const holder = await holderOf(container, account)
  const claimed = await tradeCredit.claimReminders({
    account_id: account.id,
    stage: batch.stage.name,
    invoice_ids: batch.invoice_ids,
    recipients: holder.recipients,
  })
  if (!claimed.length) {
    return "skipped"
  }
  const ids = claimed.map((c) => c.id)
  try {
    if (!holder.recipients.length) {
      throw new Error(`The account has no billing_email and its ${account.customer_group_id ? "company has no buyers" : "customer no e-mail"}.`)
    }
    const invoices = await tradeCredit.reminderInvoices(account.id, ctx.now)
    const mine = new Set(claimed.map((c) => c.invoice_id))
    const email = renderReminderEmail(
      {
        stage: batch.stage,
        holder_name: holder.name,
        currency_code: account.currency_code,
        invoices: invoices.map((i) => ({
          number: i.number,
          amount_open: i.amount_open,
          currency_code: i.currency_code,
          due_at: i.due_date,
          days_overdue: i.days_overdue,
        })),
        reminder_for: invoices.filter((i) => mine.has(i.id)).map((i) => i.number),
        total_open: invoices.reduce((sum, i) => sum.plus(i.amount_open), MathBN.convert(0)).toFixed(),
        available_credit: MathBN.convert(
          ((account as unknown as { raw_available_credit?: BigNumberInput }).raw_available_credit ?? account.available_credit) as BigNumberInput
        ).toFixed(),
        bank_details: ctx.options.bank_details,
        locale: ctx.locale,
        timezone: ctx.timezone,
        store_name: ctx.store_name,
      },
      ctx.options.templates
    )
    // A new key per attempt: the first claimed intent's id and attempt number.
    const first = [...claimed].sort((a, b) => a.id.localeCompare(b.id))[0]
    const notification = (await notifications.createNotifications({
      to: holder.recipients.join(", "),
      channel: ctx.options.channel,
      template: REMINDER_NOTIFICATION_TEMPLATE,
      content: { subject: email.subject, html: email.html, text: email.text },
      data: { account_id: account.id, stage: batch.stage.name, invoice_ids: [...mine] },
      idempotency_key: `trade-credit-reminder:${first.id}:${first.attempts}`,
    } as never)) as { id?: string } | null
    await tradeCredit.finishReminders(ids, { status: "sent", notification_id: notification?.id ?? null, sent_at: new Date() })
    return "sent"
  } catch (error) {
    await tradeCredit.finishReminders(ids, { status: "failed", error: String((error as Error)?.message ?? error) })
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Trade credit: the ${batch.stage.name} reminder of account ${account.id} was not sent (retried on the next run): ${(error as Error)?.message ?? error}`)
    return "failed"
  }
}
