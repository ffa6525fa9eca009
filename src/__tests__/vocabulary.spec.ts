import fc from "fast-check"
import { MedusaError } from "@medusajs/framework/utils"
import {
  ACCOUNT_STATUSES,
  ACTOR_TYPES,
  HOLDER_TYPES,
  INVOICE_STATUSES,
  LEDGER_OPERATIONS,
  OVERDUE_POLICIES,
  REVIEW_REASONS,
  MAX_TERMS_DAYS,
  OVER_LIMIT_POLICIES,
  PAYMENT_TERMS_TYPES,
  REVIEW_STATUSES,
} from "../modules/trade-credit/constants"
import Account from "../modules/trade-credit/models/account"
import CreditReview from "../modules/trade-credit/models/credit-review"
import Invoice from "../modules/trade-credit/models/invoice"
import EntryEdit from "../modules/trade-credit/models/entry-edit"
import LedgerEntry from "../modules/trade-credit/models/ledger-entry"
import { parseAmount } from "../modules/trade-credit/utils/money"
import { normalizePaymentTerms } from "../modules/trade-credit/utils/payment-terms"
import {
  AdminCreateAccount,
  AdminListAccounts,
  AdminListInvoices,
  AdminListReviews,
  AdminUpdateAccount,
  EntryPage,
} from "../api/admin/trade-credit/validators"
import {
  HOLDER_TYPE_LABELS,
  OPERATION_COLORS,
  OPERATION_LABELS,
  OVER_LIMIT_POLICY_LABELS,
  OVERDUE_POLICY_LABELS,
  PAYMENT_TERMS_LABELS,
  REVIEW_REASON_LABELS,
  STATUS_COLORS,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
  actorLabel,
  operationLabel,
} from "../admin/lib/format"
import { checkAmount } from "../admin/lib/decimal"
import { termsDraftErrors } from "../admin/lib/form-schemas"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The values a data model's enum column accepts. */
function enumChoices(model: any, field: string): unknown[] {
  return model.schema[field].parse(field).dataType.options.choices
}

describe("one vocabulary for the models, the API and the admin", () => {
  it("every invoice status, overdue policy and review reason is a model value (and a validator value where one is accepted), policies and reasons with an admin label", () => {
    expect(enumChoices(Invoice, "status")).toEqual([...INVOICE_STATUSES])
    for (const status of INVOICE_STATUSES) {
      expect(AdminListInvoices.safeParse({ status }).success).toBe(true)
    }
    expect(AdminListInvoices.safeParse({ status: "overdue" }).success).toBe(false)
    expect(enumChoices(Account, "overdue_policy")).toEqual([...OVERDUE_POLICIES])
    for (const overdue_policy of OVERDUE_POLICIES) {
      expect(AdminUpdateAccount.safeParse({ overdue_policy, reason: "check" }).success).toBe(true)
      expect(AdminCreateAccount.safeParse({ customer_id: "cus_1", currency_code: "eur", overdue_policy }).success).toBe(true)
    }
    expect(AdminUpdateAccount.safeParse({ overdue_policy: "ignore", reason: "check" }).success).toBe(false)
    expect(enumChoices(CreditReview, "reason")).toEqual([...REVIEW_REASONS])
    expect(Object.keys(OVERDUE_POLICY_LABELS).sort()).toEqual([...OVERDUE_POLICIES].sort())
    expect(Object.keys(REVIEW_REASON_LABELS).sort()).toEqual([...REVIEW_REASONS].sort())
  })

  it("every ledger operation is a model value, a validator value and has an admin label and colour", () => {
    expect(enumChoices(LedgerEntry, "operation")).toEqual([...LEDGER_OPERATIONS])
    for (const operation of LEDGER_OPERATIONS) {
      expect(EntryPage.safeParse({ operation }).success).toBe(true)
      expect(EntryPage.safeParse({ operation: [operation, "purchased"] }).success).toBe(true)
      expect(OPERATION_LABELS[operation]).toEqual(expect.any(String))
      expect(operationLabel(operation)).not.toBe(operation)
      expect(OPERATION_COLORS[operation]).toEqual(expect.any(String))
    }
    expect(EntryPage.safeParse({ operation: "borrowed" }).success).toBe(false)
  })

  it("the history filters on captured and the admin labels it", () => {
    expect(EntryPage.parse({ operation: "captured" }).operation).toBe("captured")
    expect(operationLabel("captured")).toBe("Captured")
  })

  it("every account status is a model value, a validator value and has an admin label, colour and description", () => {
    expect(enumChoices(Account, "status")).toEqual([...ACCOUNT_STATUSES])
    for (const status of ACCOUNT_STATUSES) {
      expect(AdminUpdateAccount.safeParse({ status, reason: "check" }).success).toBe(true)
      expect(AdminListAccounts.safeParse({ status }).success).toBe(true)
      expect(STATUS_LABELS[status]).toEqual(expect.any(String))
      expect(STATUS_COLORS[status]).toEqual(expect.any(String))
      expect(STATUS_DESCRIPTIONS[status]).toEqual(expect.any(String))
    }
  })

  it("every over-limit policy, terms type and holder type is a model and validator value with an admin label", () => {
    expect(enumChoices(Account, "over_limit_policy")).toEqual([...OVER_LIMIT_POLICIES])
    for (const policy of OVER_LIMIT_POLICIES) {
      expect(AdminUpdateAccount.safeParse({ over_limit_policy: policy, reason: "check" }).success).toBe(true)
      expect(OVER_LIMIT_POLICY_LABELS[policy]).toEqual(expect.any(String))
    }
    expect(enumChoices(Account, "terms_type")).toEqual([...PAYMENT_TERMS_TYPES])
    for (const type of PAYMENT_TERMS_TYPES) {
      const payment_terms = type === "net_days" ? { type, net_days: 30 } : { type }
      expect(AdminCreateAccount.safeParse({ currency_code: "eur", payment_terms }).success).toBe(true)
      expect(PAYMENT_TERMS_LABELS[type]).toEqual(expect.any(String))
    }
    for (const holder_type of HOLDER_TYPES) {
      expect(AdminListAccounts.safeParse({ holder_type }).success).toBe(true)
      expect(HOLDER_TYPE_LABELS[holder_type]).toEqual(expect.any(String))
    }
  })

  it("every review status is a model and validator value; every actor type a model value with an admin label", () => {
    expect(enumChoices(CreditReview, "status")).toEqual([...REVIEW_STATUSES])
    for (const status of REVIEW_STATUSES) {
      expect(AdminListReviews.safeParse({ status }).success).toBe(true)
    }
    for (const model of [LedgerEntry, EntryEdit]) {
      expect(enumChoices(model, "actor_type")).toEqual([...ACTOR_TYPES])
    }
    expect(enumChoices(CreditReview, "decided_by_type")).toEqual([...ACTOR_TYPES])
    for (const type of ACTOR_TYPES) {
      expect(actorLabel({ type, id: null, name: null })).not.toBe(type)
    }
  })
})

describe("the admin refuses what the server refuses", () => {
  const serverAccepts = (text: string, currency: string, opts: { allowNegative?: boolean; allowZero?: boolean }) => {
    try {
      parseAmount(text, currency, "amount", opts)
      return true
    } catch (e) {
      expect(e).toBeInstanceOf(MedusaError)
      return false
    }
  }

  it("refuses amounts in an unknown currency instead of assuming 2 decimals", () => {
    expect(serverAccepts("10.50", "xyz", {})).toBe(false)
    expect(checkAmount("10.50", "xyz")).toEqual({ ok: false, error: 'Unknown currency code "xyz".' })
  })

  it("agrees with the server on decimal amounts of up to 15 digits", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^\d{1,13}$/),
        fc.stringMatching(/^\d{0,4}$/),
        fc.constantFrom("eur", "jpy", "kwd", "usd"),
        fc.boolean(),
        fc.boolean(),
        (negative, integer, fraction, currency, allowNegative, allowZero) => {
          const text = `${negative ? "-" : ""}${integer}${fraction ? `.${fraction}` : ""}`
          fc.pre(integer.length + fraction.length <= 15)
          const admin = checkAmount(text, currency, { allowNegative, allowZero }).ok
          expect(admin).toBe(serverAccepts(text, currency, { allowNegative, allowZero }))
        }
      )
    )
  })

  it("refuses amounts of 10^13 and more on both sides", () => {
    for (const text of ["10000000000000", "-10000000000000", "99999999999999"]) {
      expect(serverAccepts(text, "jpy", {})).toBe(false)
      expect(checkAmount(text, "jpy", { allowNegative: true }).ok).toBe(false)
    }
    expect(checkAmount("9999999999999", "jpy").ok).toBe(true)
  })

  it("caps payment terms at the server's maximum", () => {
    const draft = (net_days: string, grace_days = "") => ({ type: "net_days" as const, net_days, grace_days })
    expect(termsDraftErrors(draft(String(MAX_TERMS_DAYS)))).toEqual({})
    expect(() => normalizePaymentTerms({ type: "net_days", net_days: MAX_TERMS_DAYS })).not.toThrow()
    expect(termsDraftErrors(draft(String(MAX_TERMS_DAYS + 1))).net_days).toEqual(expect.any(String))
    expect(() => normalizePaymentTerms({ type: "net_days", net_days: MAX_TERMS_DAYS + 1 })).toThrow()
    expect(termsDraftErrors(draft("30", String(MAX_TERMS_DAYS + 1))).grace_days).toEqual(expect.any(String))
    expect(() => normalizePaymentTerms({ type: "net_days", net_days: 30, grace_days: MAX_TERMS_DAYS + 1 })).toThrow()
  })
})
