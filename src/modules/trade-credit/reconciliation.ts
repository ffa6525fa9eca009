import { DEFAULT_RECONCILIATION_GRACE_SECONDS } from "./constants"
import {
  APPEND_ONLY_TRIGGER,
  appendOnlyTriggerState,
  databaseNow,
  readAccountReceivables,
  readAccountTotals,
  readCanceledOrderInvoices,
  readInvoiceAllocationMismatches,
  readOrderDebitInvoiceMismatches,
  readSessionLedger,
} from "./repositories/reconciliation"
import {
  accountLabelWith,
  checkAppendOnlyTrigger,
  compareAccountReceivables,
  compareAccountTotals,
  compareCanceledOrderInvoices,
  compareInvoiceAllocations,
  compareOrderDebitInvoices,
  compareSessions,
  type MedusaPaymentRecord,
  onAccountPayment,
  type ReconciliationDifference,
} from "./utils/reconciliation"

export type { ReconciliationDifference } from "./utils/reconciliation"

export type ReconciliationResult = {
  /** True when nothing disagrees. */
  ok: boolean
  accounts_checked: number
  /** Checkouts (payment sessions) with ledger entries. */
  sessions_checked: number
  /** Medusa payments by pay on account. */
  payments_checked: number
  /** Invoices compared with the ledger. */
  invoices_checked: number
  /** Checkouts and payments changed more recently than this were not compared with each other. */
  grace_seconds: number
  checked_at: string
  differences: ReconciliationDifference[]
}

export type ReconcileLedgerInput = {
  /** A knex on the store's database (the app's PG connection). */
  knex: unknown
  /** Medusa's payments by pay on account, read BEFORE the ledger (see below). */
  payments: MedusaPaymentRecord[]
  grace_seconds?: number
  /** The module's `invoice_at`: under `shipment` an order charge without its invoice is an outstanding order, not a difference. */
  invoice_at?: "placement" | "shipment"
  /**
   * Only these accounts (their totals, checkouts and invoices), e.g. a test's own among many;
   * `payments` must then be these accounts' only. Without it, every account.
   */
  account_ids?: string[]
  /** Holder names of accounts, for the messages of those with differences. */
  holderNames?: (accountIds: string[]) => Promise<Map<string, string | null>>
}

/**
 * The reconciliation check: every account's totals against its credit
 * history, each checkout's entries against Medusa's payment, and the
 * append-only trigger. Read-only and lock-free: it runs beside live checkouts.
 * The payments are read first: a checkout writes its ledger entry before
 * Medusa records the payment, and a capture, cancel or refund reaches the
 * ledger before Medusa records it, so a payment seen here never lacks entries
 * that were merely not yet written; checkouts and payments changed within
 * `grace_seconds` are left out of the comparison between the two (not of the
 * totals) so that one in progress isn't reported. Invoices are compared with
 * the ledger each in one statement (a posting writes its entry, invoices and
 * allocations in one transaction); a payment Medusa canceled counts for them
 * once it is older than the grace period.
 */
export async function reconcileLedger(input: ReconcileLedgerInput): Promise<ReconciliationResult> {
  const knex = input.knex
  const graceSeconds = input.grace_seconds ?? DEFAULT_RECONCILIATION_GRACE_SECONDS
  const now = await databaseNow(knex)
  const payments = input.payments.map((p) => onAccountPayment(p, now))
  const canceledSessions = payments
    .filter((p) => p.canceled && p.payment_session_id && p.age_seconds >= graceSeconds)
    .map((p) => p.payment_session_id as string)
  const only = input.account_ids
  const [accounts, sessions, trigger, receivables, invoiceAllocations, canceledInvoices, debitInvoices] = await Promise.all([
    readAccountTotals(knex, only),
    readSessionLedger(knex, only),
    appendOnlyTriggerState(knex),
    readAccountReceivables(knex, only),
    readInvoiceAllocationMismatches(knex, only),
    readCanceledOrderInvoices(knex, canceledSessions, only),
    readOrderDebitInvoiceMismatches(knex, only),
  ])
  const compare = (label?: ReturnType<typeof accountLabelWith>) => [
    ...checkAppendOnlyTrigger(trigger, APPEND_ONLY_TRIGGER),
    ...accounts.flatMap((row) => compareAccountTotals(row, label)),
    ...compareSessions(sessions, payments, graceSeconds, label),
    ...receivables.flatMap((row) => compareAccountReceivables(row, label, { invoice_at: input.invoice_at })),
    ...compareInvoiceAllocations(invoiceAllocations, label),
    ...compareCanceledOrderInvoices(canceledInvoices, label),
    ...compareOrderDebitInvoices(debitInvoices, label, { invoice_at: input.invoice_at }),
  ]
  let differences = compare()
  const flagged = [...new Set(differences.map((d) => d.account_id).filter((id): id is string => !!id))]
  if (flagged.length && input.holderNames) {
    differences = compare(accountLabelWith(await input.holderNames(flagged)))
  }
  return {
    ok: differences.length === 0,
    accounts_checked: accounts.length,
    sessions_checked: sessions.length,
    payments_checked: payments.length,
    invoices_checked: receivables.reduce((t, r) => t + r.invoices, 0),
    grace_seconds: graceSeconds,
    checked_at: now.toISOString(),
    differences,
  }
}
