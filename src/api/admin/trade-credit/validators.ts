import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"

/**
 * Amounts arrive as JSON numbers (as everywhere in Medusa) or decimal
 * strings; the module checks them against the currency's minor units, so a
 * value is never rounded on its way in.
 */
const amount = z.union([z.number(), z.string()])
const status = z.enum(["normal", "query", "on_stop"])
const overLimitPolicy = z.enum(["hold", "block"])
const operation = z.enum(["allocated", "updated", "purchased", "reimbursed", "refunded", "reverted", "adjusted"])

export const PaymentTerms = z
  .object({
    type: z.enum(["prepayment", "net_days", "end_of_next_month"]),
    net_days: z.number().int().nullish(),
    grace_days: z.number().int().nullish(),
  })
  .strict()

export type AdminCreateAccountType = z.infer<typeof AdminCreateAccount>
export const AdminCreateAccount = z
  .object({
    customer_id: z.string().min(1).optional(),
    customer_group_id: z.string().min(1).optional(),
    currency_code: z.string(),
    credit_limit: amount.optional(),
    allow_exceed: z.boolean().optional(),
    over_limit_policy: overLimitPolicy.nullish(),
    status: status.optional(),
    payment_terms: PaymentTerms.optional(),
    reference: z.string().nullish(),
    comment: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()

export type AdminUpdateAccountType = z.infer<typeof AdminUpdateAccount>
export const AdminUpdateAccount = z
  .object({
    credit_limit: amount.optional(),
    allow_exceed: z.boolean().optional(),
    over_limit_policy: overLimitPolicy.nullish(),
    status: status.optional(),
    payment_terms: PaymentTerms.optional(),
    reference: z.string().nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    reason: z.string().trim().min(1, "reason is required: say why the account's settings change"),
  })
  .strict()

export type AdminCreateReimbursementType = z.infer<typeof AdminCreateReimbursement>
export const AdminCreateReimbursement = z
  .object({
    amount,
    reference: z.string().nullish(),
    comment: z.string().nullish(),
  })
  .strict()

export type AdminUpdateReimbursementType = z.infer<typeof AdminUpdateReimbursement>
export const AdminUpdateReimbursement = z
  .object({
    reference: z.string().nullish(),
    comment: z.string().nullish(),
  })
  .strict()

export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>
export const AdminCreateAdjustment = z
  .object({
    amount,
    comment: z.string().trim().min(1, "comment is required: say why the balance is adjusted"),
  })
  .strict()

const decimalText = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number")
const amountRange = z
  .object({ lt: decimalText, lte: decimalText, gt: decimalText, gte: decimalText })
  .partial()
  .strict()

export type AdminListAccountsType = z.infer<typeof AdminListAccounts>
export const AdminListAccounts = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({
    q: z.string().trim().optional(),
    holder_type: z.enum(["customer", "customer_group"]).optional(),
    customer_id: z.union([z.string(), z.array(z.string())]).optional(),
    customer_group_id: z.union([z.string(), z.array(z.string())]).optional(),
    currency_code: z.string().optional(),
    status: z.union([status, z.array(status)]).optional(),
    balance: amountRange.optional(),
    available_credit: amountRange.optional(),
  })
)

export const AdminGetAccount = createSelectParams()

export type EntryPageType = z.infer<typeof EntryPage>
export const EntryPage = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().optional(),
  operation: z.union([operation, z.array(operation)]).optional(),
})

const reviewStatus = z.enum(["pending", "released", "rejected", "canceled"])

export type AdminListReviewsType = z.infer<typeof AdminListReviews>
export const AdminListReviews = createFindParams({ limit: 20, offset: 0 }).merge(
  z.object({
    status: z.union([reviewStatus, z.array(reviewStatus)]).optional(),
    order_id: z.union([z.string(), z.array(z.string())]).optional(),
    account_id: z.union([z.string(), z.array(z.string())]).optional(),
  })
)

export type AdminDecideReviewType = z.infer<typeof AdminDecideReview>
export const AdminDecideReview = z.object({ comment: z.string().nullish() }).strict()
