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

type ReminderAccount = { id: string; customer_id: string | null; customer_group_id: string | null; billing_email: string | null }

/**
 * A run sends its e-mails in chunks of REMINDER_CHUNK (one claim statement,
 * one notification call, one finishing transaction per chunk), at most
 * REMINDER_SEND_CONCURRENCY chunks at a time.
 */
export const REMINDER_CHUNK = 50
export const REMINDER_SEND_CONCURRENCY = 2

/**
 * Who gets each account's reminders and what it is called: `billing_email`
 * when set, else the buyers of the company (the customer group's members),
 * else the customer. Two reads for all the run's accounts.
 */
async function holdersOf(container: MedusaContainer, accounts: ReminderAccount[]): Promise<Map<string, Holder>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const groupIds = [...new Set(accounts.map((a) => a.customer_group_id).filter((id): id is string => !!id))]
  const customerIds = [...new Set(accounts.map((a) => a.customer_id).filter((id): id is string => !!id))]
  const [{ data: groups }, { data: customers }] = await Promise.all([
    groupIds.length
      ? query.graph({ entity: "customer_group", fields: ["id", "name", "customers.email"], filters: { id: groupIds } })
      : Promise.resolve({ data: [] as never[] }),
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name", "company_name"], filters: { id: customerIds } })
      : Promise.resolve({ data: [] as never[] }),
  ])
  const groupById = new Map((groups as Array<{ id: string }>).map((g) => [g.id, g as { id: string; name?: string | null; customers?: unknown[] }]))
  const customerById = new Map(
    (customers as Array<{ id: string }>).map((c) => [
      c.id,
      c as { id: string; email?: string | null; first_name?: string | null; last_name?: string | null; company_name?: string | null },
    ])
  )
  const holders = new Map<string, Holder>()
  for (const account of accounts) {
    const billing = (account.billing_email ?? "").split(",").map((a) => a.trim()).filter(Boolean)
    if (account.customer_group_id) {
      const group = groupById.get(account.customer_group_id)
      const buyers = ((group?.customers ?? []) as { email?: string | null }[]).map((c) => c?.email).filter((e): e is string => !!e)
      holders.set(account.id, { name: group?.name ?? account.customer_group_id, recipients: billing.length ? billing : [...new Set(buyers)].sort() })
      continue
    }
    const customer = customerById.get(account.customer_id!)
    const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || customer?.company_name || customer?.email || account.customer_id!
    holders.set(account.id, { name, recipients: billing.length ? billing : customer?.email ? [customer.email] : [] })
  }
  return holders
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      await work(items[next++])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
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
 * stage. What the e-mails need (accounts, recipients, open invoices) is read
 * once for the run; the e-mails go out in chunks (sendChunk). Exactly once
 * per (invoice, stage): the intents are claimed in the
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
    // What every e-mail needs, read once for the run (not once per e-mail).
    const accountIds = [...new Set(batches.map((b) => b.account_id))]
    const accounts = await tradeCredit.listTradeCreditAccounts(
      { id: accountIds },
      { select: ["id", "customer_id", "customer_group_id", "billing_email", "currency_code", "available_credit"] }
    )
    const accountById = new Map(accounts.map((a) => [a.id, a]))
    const holders = await holdersOf(container, accounts)
    const invoices = await tradeCredit.reminderInvoicesOf(accountIds, now)
    const chunks: ReminderBatch[][] = []
    for (let i = 0; i < batches.length; i += REMINDER_CHUNK) {
      chunks.push(batches.slice(i, i + REMINDER_CHUNK))
    }
    const ctx = { now, options, timezone, locale, store_name: store.name }
    await eachLimit(chunks, REMINDER_SEND_CONCURRENCY, async (chunk) => {
      const outcome = await sendChunk(container, tradeCredit, notifications, chunk, { ...ctx, accountById, holders, invoices })
      for (const [stage, n] of Object.entries(outcome.sent)) {
        result.emails_sent[stage] = (result.emails_sent[stage] ?? 0) + n
      }
      result.emails_failed += outcome.failed
    })
    const total = Object.values(result.emails_sent).reduce((a, b) => a + b, 0)
    if (total || result.emails_failed) {
      logger.info(`Trade credit: credit control sent ${total} reminder e-mail(s), ${result.emails_failed} failed (retried on the next run).`)
    }
    return new StepResponse(result)
  }
)

type ReminderInvoices = Awaited<ReturnType<TradeCreditModuleService["reminderInvoicesOf"]>>[string]
type Outcome = { status: "sent"; notification_id: string | null; sent_at: Date } | { status: "failed"; error: string }

/**
 * Sends one chunk of the run's batches: claims their intents in one
 * statement (what another run claimed, or what was sent, is not returned and
 * not sent), renders one e-mail per claimed batch, hands them to the
 * notification module in one call (it sends them side by side and records
 * each one's status), reads back which went out, and records every batch's
 * outcome in one transaction.
 */
async function sendChunk(
  container: MedusaContainer,
  tradeCredit: TradeCreditModuleService,
  notifications: {
    createNotifications: (data: never) => Promise<unknown>
    listNotifications: (filters: never, config?: never) => Promise<Array<{ id: string; idempotency_key?: string | null; status?: string }>>
  },
  chunk: ReminderBatch[],
  ctx: {
    accountById: Map<string, ReminderAccount & { currency_code: string; available_credit: unknown }>
    holders: Map<string, Holder>
    invoices: Record<string, ReminderInvoices>
    now: Date
    options: ReturnType<TradeCreditModuleService["getReminderOptions"]>
    timezone: string
    locale: string
    store_name: string | null
  }
): Promise<{ sent: Record<string, number>; failed: number }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const known = chunk.filter((b) => ctx.accountById.has(b.account_id))
  const claimedRows = await tradeCredit.claimReminderBatches(
    known.map((b) => ({
      account_id: b.account_id,
      stage: b.stage.name,
      invoice_ids: b.invoice_ids,
      recipients: ctx.holders.get(b.account_id)?.recipients ?? [],
    }))
  )
  const claimedOf = (b: ReminderBatch) => claimedRows.filter((r) => r.account_id === b.account_id && r.stage === b.stage.name)
  const outcomes: Array<{ batch: ReminderBatch; ids: string[]; outcome: Outcome | null; key?: string }> = []
  const payloads: unknown[] = []
  for (const batch of known) {
    const claimed = claimedOf(batch)
    if (!claimed.length) {
      continue
    }
    const ids = claimed.map((c) => c.id)
    const account = ctx.accountById.get(batch.account_id)!
    const holder = ctx.holders.get(batch.account_id)!
    try {
      if (!holder.recipients.length) {
        throw new Error(`The account has no billing_email and its ${account.customer_group_id ? "company has no buyers" : "customer no e-mail"}.`)
      }
      const invoices = ctx.invoices[account.id] ?? []
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
      const key = `trade-credit-reminder:${first.id}:${first.attempts}`
      payloads.push({
        to: holder.recipients.join(", "),
        channel: ctx.options.channel,
        template: REMINDER_NOTIFICATION_TEMPLATE,
        content: { subject: email.subject, html: email.html, text: email.text },
        data: { account_id: account.id, stage: batch.stage.name, invoice_ids: [...mine] },
        idempotency_key: key,
      })
      outcomes.push({ batch, ids, outcome: null, key })
    } catch (error) {
      outcomes.push({ batch, ids, outcome: { status: "failed", error: String((error as Error)?.message ?? error) } })
    }
  }
  if (payloads.length) {
    let sendError: string | null = null
    try {
      await notifications.createNotifications(payloads as never)
    } catch (error) {
      // Some (or all) sends failed: Medusa recorded each notification's status; read them below.
      sendError = String((error as Error)?.message ?? error)
    }
    const keys = outcomes.filter((o) => o.key).map((o) => o.key!)
    const recorded = await notifications.listNotifications({ idempotency_key: keys } as never, { select: ["id", "idempotency_key", "status"] } as never)
    const byKey = new Map(recorded.map((n) => [n.idempotency_key, n]))
    for (const o of outcomes.filter((o) => o.key)) {
      const n = byKey.get(o.key!)
      o.outcome =
        n?.status === "success"
          ? { status: "sent", notification_id: n.id, sent_at: new Date() }
          : { status: "failed", error: sendError ?? `The notification was recorded as ${n?.status ?? "missing"}.` }
    }
  }
  await tradeCredit.finishReminderBatches(outcomes.map((o) => ({ ids: o.ids, outcome: o.outcome! })))
  const result = { sent: {} as Record<string, number>, failed: 0 }
  for (const o of outcomes) {
    if (o.outcome!.status === "sent") {
      result.sent[o.batch.stage.name] = (result.sent[o.batch.stage.name] ?? 0) + 1
    } else {
      result.failed += 1
      logger.warn(
        `Trade credit: the ${o.batch.stage.name} reminder of account ${o.batch.account_id} was not sent (retried on the next run): ${(o.outcome as { error: string }).error}`
      )
    }
  }
  return result
}
