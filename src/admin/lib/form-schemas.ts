/**
 * The zod schemas of the admin's forms. Fields hold what the admin typed
 * (amounts as text, checked with the currency's decimals); each form turns
 * its values into the API body when it submits.
 */
import { z } from "zod"
import {
  DEFAULT_PAYMENT_TERMS,
  MAX_ACCOUNT_REFERENCE_LENGTH,
  MAX_CHASE_NOTE_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_TERMS_DAYS,
} from "../../modules/trade-credit/constants"
import { addAmounts, checkAmount } from "./decimal"
import type { AccountStatus, OverLimitPolicy, OverduePolicy, PaymentTerms, PaymentTermsType, TradeCreditAccount } from "./types"

/** Longest account reference the server keeps. */
export const ACCOUNT_REFERENCE_MAX = MAX_ACCOUNT_REFERENCE_LENGTH

type AmountRules = Parameters<typeof checkAmount>[2]

/** Adds checkAmount's refusal, if any, as the issue of `path`. */
function checkAmountInto(ctx: z.RefinementCtx, path: string, text: string, currency: string, rules: AmountRules) {
  const check = checkAmount(text, currency, rules)
  if (!check.ok) {
    ctx.addIssue({ code: "custom", path: [path], message: check.error })
  }
}

// ---------------------------------------------------------------- terms

export type TermsDraft = {
  type: PaymentTermsType
  net_days: string
  grace_days: string
}

export function termsDraftErrors(draft: TermsDraft): { net_days?: string; grace_days?: string } {
  const errors: { net_days?: string; grace_days?: string } = {}
  if (draft.type === "net_days" && !/^\d+$/.test(draft.net_days.trim())) {
    errors.net_days = "Enter the number of days, like 30."
  } else if (draft.type === "net_days" && Number(draft.net_days) < 1) {
    errors.net_days = "At least 1 day."
  } else if (draft.type === "net_days" && Number(draft.net_days) > MAX_TERMS_DAYS) {
    errors.net_days = `At most ${MAX_TERMS_DAYS} days.`
  }
  if (draft.type !== "prepayment" && draft.grace_days.trim() !== "" && !/^\d+$/.test(draft.grace_days.trim())) {
    errors.grace_days = "Enter a whole number of days, or leave it empty."
  } else if (draft.type !== "prepayment" && Number(draft.grace_days || 0) > MAX_TERMS_DAYS) {
    errors.grace_days = `At most ${MAX_TERMS_DAYS} days.`
  }
  return errors
}

export function termsFromDraft(draft: TermsDraft): PaymentTerms {
  return {
    type: draft.type,
    net_days: draft.type === "net_days" ? Number(draft.net_days) : null,
    grace_days: draft.type === "prepayment" ? 0 : Number(draft.grace_days || 0),
  }
}

export function termsDraftOf(terms: PaymentTerms | null | undefined): TermsDraft {
  return {
    type: terms?.type ?? DEFAULT_PAYMENT_TERMS.type,
    net_days: String(terms?.net_days ?? DEFAULT_PAYMENT_TERMS.net_days),
    grace_days: terms?.grace_days ? String(terms.grace_days) : "",
  }
}

const termsDraft = z
  .object({ type: z.custom<PaymentTermsType>(), net_days: z.string(), grace_days: z.string() })
  .superRefine((draft, ctx) => {
    for (const [path, message] of Object.entries(termsDraftErrors(draft))) {
      ctx.addIssue({ code: "custom", path: [path], message })
    }
  })

// ---------------------------------------------------------------- account settings

const settings = {
  credit_limit: z.string(),
  allow_exceed: z.boolean(),
  over_limit_policy: z.custom<OverLimitPolicy | null>(),
  overdue_policy: z.custom<OverduePolicy>(),
  status: z.custom<AccountStatus>(),
  payment_terms: termsDraft,
  reference: z.string().max(ACCOUNT_REFERENCE_MAX, `At most ${ACCOUNT_REFERENCE_MAX} characters.`),
}

/** "Create credit account": the currency decides how many decimals the limit may have. */
export const createAccountSchema = z
  .object({ ...settings, currency_code: z.string().min(1, "Choose a currency."), comment: z.string() })
  .superRefine((v, ctx) =>
    checkAmountInto(ctx, "credit_limit", v.credit_limit, v.currency_code, { allowZero: true, required: false })
  )
export type CreateAccountForm = z.infer<typeof createAccountSchema>

/** "Edit credit account": a reason is required for the history. */
export const editAccountSchema = (currency: string) =>
  z
    .object({ ...settings, reason: z.string().trim().min(1, "Say why the account changes.") })
    .superRefine((v, ctx) => checkAmountInto(ctx, "credit_limit", v.credit_limit, currency, { allowZero: true }))
export type EditAccountForm = z.infer<ReturnType<typeof editAccountSchema>>

export function editAccountDefaults(account: TradeCreditAccount): EditAccountForm {
  return {
    credit_limit: String(account.credit_limit),
    allow_exceed: account.allow_exceed,
    over_limit_policy: account.over_limit_policy,
    overdue_policy: account.overdue_policy,
    status: account.status,
    payment_terms: termsDraftOf(account.payment_terms),
    reference: account.reference ?? "",
    reason: "",
  }
}

// ---------------------------------------------------------------- balance movements

/** "Reimburse balance": a payment, negative to take one back. */
export const reimbursementSchema = (currency: string) =>
  z
    .object({ amount: z.string(), reference: z.string(), comment: z.string() })
    .superRefine((v, ctx) => checkAmountInto(ctx, "amount", v.amount, currency, { allowNegative: true }))
export type ReimbursementForm = z.infer<ReturnType<typeof reimbursementSchema>>

/** "Adjust balance": a correction that is not a payment; the comment says why. */
export const adjustmentSchema = (currency: string) =>
  z
    .object({ amount: z.string(), comment: z.string().trim().min(1, "Say why the balance is adjusted.") })
    .superRefine((v, ctx) => checkAmountInto(ctx, "amount", v.amount, currency, { allowNegative: true }))
export type AdjustmentForm = z.infer<ReturnType<typeof adjustmentSchema>>

/** "Edit reimbursement": only its notes; the amount never changes. */
export const reimbursementNotesSchema = z.object({ reference: z.string(), comment: z.string() })
export type ReimbursementNotesForm = z.infer<typeof reimbursementNotesSchema>

/** Optional text as the API wants it: trimmed, null when empty. */
export const optionalText = (text: string): string | null => text.trim() || null

// ---------------------------------------------------------------- receivables

/** An invoice under dispute: its reminders paused and a note of why. */
export const invoiceDisputeSchema = z.object({
  reminders_paused: z.boolean(),
  dispute_note: z.string().max(MAX_COMMENT_LENGTH, `At most ${MAX_COMMENT_LENGTH} characters.`),
})
export type InvoiceDisputeForm = z.infer<typeof invoiceDisputeSchema>

/** "Add note": what was said or agreed, and optionally the day to chase again. */
export const chaseNoteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Write what was said or agreed.")
    .max(MAX_CHASE_NOTE_LENGTH, `At most ${MAX_CHASE_NOTE_LENGTH} characters.`),
  next_chase_at: z.string().refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Pick a day, or leave it empty."),
})
export type ChaseNoteForm = z.infer<typeof chaseNoteSchema>

/** "Refund to balance": an amount up to what the order owes the customer, a reason, an optional note. */
export const refundToBalanceSchema = (currency: string, refundable: number) =>
  z
    .object({ amount: z.string(), reason: z.string().trim().min(1, "Say why the order is refunded to the balance."), note: z.string() })
    .superRefine((v, ctx) => {
      checkAmountInto(ctx, "amount", v.amount, currency, { allowNegative: false })
      const check = checkAmount(v.amount, currency, { allowNegative: false })
      // Exact decimal arithmetic; the server decides anyway (409 above what is owed).
      if (check.ok && addAmounts(refundable, `-${check.value}`, currency)?.startsWith("-")) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: "More than the order owes the customer." })
      }
    })
export type RefundToBalanceForm = z.infer<ReturnType<typeof refundToBalanceSchema>>
