import type { Context, InferEntityType, ModuleJoinerConfig } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type Account from "./models/account"
import type LedgerEntry from "./models/ledger-entry"
import type EntryEdit from "./models/entry-edit"
import type {
  EditLedgerEntryNoteInput,
  EntryEditChanges,
  EntryPageInput,
  Idempotency,
  LedgerOperation,
  PostLedgerEntryInput,
  ReminderModuleOptions,
  CreditControlModuleOptions,
  TradeCreditModuleOptions,
} from "./types"
import { normalizePaymentTerms } from "./utils/payment-terms"
import { normalizeOrphanedAuthorizationTtl } from "./utils/orphaned-authorizations"
import { decodeEntryCursor, encodeEntryCursor } from "./utils/entry-cursor"
import { type CardPaymentOptions, normalizeCardPaymentOptions } from "./utils/card-payments"
import { normalizeReminderOptions, type ReminderOptions } from "./utils/reminder-options"
import { actorFields, asRow, idempotencyFields, type LockedAccountRow, postingTotals, sessionOutstanding } from "./utils/posting"
import { diffEntryNote, MAX_COMMENT, MAX_ENTRY_REFERENCE, normalizeText } from "./utils/account-settings"
import { lockAccount, lockEntry, lockSessionPurchase } from "./repositories/ledger-locks"
import { normalizeInvoiceOptions } from "./utils/invoice-options"
import { Receivables } from "./receivables"
import { normalizeOrderBalanceOptions, type OrderBalanceOptions } from "./utils/order-balance"
import { afterCommit } from "./repositories/after-commit"
import { writeTotalsAndEntry } from "./repositories/ledger-writes"
import { INVOICES_PAID_EVENT } from "./constants"
import { joinerConfig, TRADE_CREDIT_MODELS } from "./joiner-config"

type AccountRecord = InferEntityType<typeof Account>
type LedgerEntryRecord = InferEntityType<typeof LedgerEntry>
type EntryEditRecord = InferEntityType<typeof EntryEdit>

export type PostingResult = {
  account: AccountRecord
  entry: LedgerEntryRecord
  /** True when the idempotency key matched an earlier posting that is returned unchanged. */
  replayed: boolean
}

export const DEFAULT_ENTRY_PAGE = 20
export const MAX_ENTRY_PAGE = 200

/**
 * The trade credit ledger: its generated data methods, the posting
 * primitive, and the history (pages, corrections of reimbursements).
 * Nothing outside the module writes `balance`, `reserved` or
 * `available_credit`: each operation locks the account row in its own
 * transaction, decides on the committed totals (the pure rules in `utils/`),
 * and writes the new totals together with exactly one ledger entry, so
 * concurrent requests in any number of processes serialize on the account and
 * never lose an update. The accounts (`account-service.ts`) and the
 * checkout's operations (`service.ts`, the module service) extend this class.
 */
export class LedgerService extends MedusaService(TRADE_CREDIT_MODELS) {
  protected readonly options_: Required<Omit<TradeCreditModuleOptions, keyof ReminderModuleOptions | keyof CreditControlModuleOptions | keyof OrderBalanceOptions>>
  protected readonly cardPayments_: CardPaymentOptions
  protected readonly reminders_: ReminderOptions
  /** Invoices and their settlement, written in each posting's transaction. */
  protected readonly receivables_: Receivables
  /** `refund_returns_to` and `settle_tolerance`, as checked at load. */
  protected readonly orderBalance_: OrderBalanceOptions

  constructor(container: Record<string, unknown>, options: TradeCreditModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.cardPayments_ = normalizeCardPaymentOptions(options)
    this.reminders_ = normalizeReminderOptions(options)
    const invoicing = normalizeInvoiceOptions(options)
    this.options_ = {
      defaultOverLimitPolicy: options.defaultOverLimitPolicy ?? "hold",
      defaultPaymentTerms: normalizePaymentTerms(
        options.defaultPaymentTerms ?? { type: "net_days", net_days: 30, grace_days: 0 }
      ),
      cardPaymentProviders: this.cardPayments_.providers,
      cardPaymentMaxPrepayment: this.cardPayments_.maxPrepayment,
      orphanedAuthorizationTtlMinutes: normalizeOrphanedAuthorizationTtl(options.orphanedAuthorizationTtlMinutes),
      ...invoicing,
      auto_apply_balance: options.auto_apply_balance ?? true,
    }
    this.orderBalance_ = normalizeOrderBalanceOptions(options)
    this.receivables_ = new Receivables(this as never, invoicing)
  }

  /** Built once (joiner-config.ts), not from the models at every record the ORM writes. */
  __joinerConfig(): ModuleJoinerConfig {
    return joinerConfig
  }

  /**
   * Payments were just allocated to these invoices: once the posting commits,
   * `INVOICES_PAID_EVENT` tells the plugin to capture the orders' Medusa
   * payments (`capture: "on_invoice_paid"`). A lost event is made up by the
   * confirm-orders job's sweep.
   */
  invoicesPaid_(sharedContext: Context, accountId: string, invoiceIds: string[]): void {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const eventBus = (this as any).eventBusModuleService_ as { emit(m: unknown): Promise<void> } | undefined
    if (eventBus) {
      afterCommit(sharedContext, () => eventBus.emit({ name: INVOICES_PAID_EVENT, data: { account_id: accountId, invoice_ids: invoiceIds } }))
    }
  }

  getOptions(): Required<Omit<TradeCreditModuleOptions, keyof ReminderModuleOptions | keyof CreditControlModuleOptions | keyof OrderBalanceOptions>> {
    return this.options_
  }

  /** Reminder stages, channel, bank details, templates and locale, as checked at load (utils/reminder-options.ts). */
  getReminderOptions(): ReminderOptions {
    return this.reminders_
  }

  /** Where returns are refunded and the tolerance settled to the balance (utils/order-balance.ts). */
  getOrderBalanceOptions(): OrderBalanceOptions {
    return this.orderBalance_
  }

  /** Which providers may pay toward an account, and the prepayment allowed per currency. */
  getCardPaymentOptions(): CardPaymentOptions {
    return this.cardPayments_
  }

  /**
   * The posting primitive: moves `amount` into the balance and
   * `reserved_delta` into the reserved total of one account, atomically, with
   * its ledger entry. Reimbursements, adjustments and the checkout's
   * purchases, reverts and refunds all go through here.
   */
  @InjectTransactionManager()
  async postLedgerEntry(input: PostLedgerEntryInput, @MedusaContext() sharedContext: Context = {}): Promise<PostingResult> {
    const row = await lockAccount(sharedContext, input.account_id)
    const replay = await this.findReplay_(row.id, input.idempotency, sharedContext)
    if (replay) {
      return replay
    }
    return await this.writePosting_(row, input, sharedContext)
  }

  /**
   * Writes a posting on an account whose row this transaction has locked:
   * new totals and the entry, or a refusal that changes nothing. Checkout
   * operations call it directly, having already locked and checked replays.
   *
   * `endsOwnTransaction`: the caller opened this transaction itself (no
   * caller's transaction around it) and writes nothing after the posting.
   * When the receivables have nothing to do either, the write then commits in
   * the same round trip (`writeTotalsAndEntry`'s `commit`), releasing the
   * account row earlier. `entryId`: the entry's id, taken before the lock (`newEntryId`).
   */
  protected async writePosting_(
    row: LockedAccountRow,
    input: PostLedgerEntryInput & { reverses_entry_id?: string | null },
    sharedContext: Context,
    { endsOwnTransaction = false, entryId }: { endsOwnTransaction?: boolean; entryId?: string } = {}
  ): Promise<PostingResult> {
    const totals = postingTotals(row, input)
    const reference = normalizeText(input.reference, "reference", MAX_ENTRY_REFERENCE)
    const comment = normalizeText(input.comment, "comment", MAX_COMMENT)
    // Refused before anything is written: a named invoice must be the account's.
    const namedInvoiceId = totals.amount.gt(0) || input.invoice_id
      ? await this.receivables_.namedInvoice(sharedContext, row.id, { invoice_id: input.invoice_id }, reference)
      : null
    // One statement under the lock (repositories/ledger-writes.ts): the totals and the entry together.
    const { account, entry } = await writeTotalsAndEntry<AccountRecord, LedgerEntryRecord>(
      sharedContext,
      {
        id: row.id,
        balance: totals.balance.toString(),
        reserved: totals.reserved.toString(),
        available_credit: totals.available.toString(),
      },
      {
        id: entryId,
        account_id: row.id,
        operation: input.operation,
        amount: totals.amount.toString(),
        reserved_delta: totals.reserved_delta.toString(),
        balance_after: totals.balance.toString(),
        reserved_after: totals.reserved.toString(),
        available_credit_after: totals.available.toString(),
        credit_limit_after: row.credit_limit,
        currency_code: row.currency_code,
        over_limit: totals.over_limit,
        order_id: input.order_id ?? null,
        order_display_id: input.order_display_id ?? null,
        payment_session_id: input.payment_session_id ?? null,
        reverses_entry_id: input.reverses_entry_id ?? null,
        reference,
        comment,
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      },
      { commit: endsOwnTransaction && !Receivables.movedBy(totals.amount) }
    )
    // The receivables may move the account's running totals: the answer then carries them.
    const settled = (await this.receivables_.afterPosting(
      sharedContext,
      row,
      {
        id: entry.id,
        operation: input.operation,
        amount: totals.amount,
        balance_after: totals.balance,
        reference,
        order_id: input.order_id ?? null,
        order_display_id: input.order_display_id ?? null,
        payment_session_id: input.payment_session_id ?? null,
      },
      namedInvoiceId
    )) as AccountRecord | null
    return { account: settled ?? account, entry, replayed: false }
  }

  /**
   * Corrects the custom reference number and comment of a reimbursement: the
   * only change ever made to a posted entry (its amounts never change). Each
   * correction is kept, with who made it and the values before and after, as
   * an edit of the entry (not a ledger entry: no money moves). An
   * `Idempotency-Key` replays the first correction; another body is 409.
   */
  @InjectTransactionManager()
  async editLedgerEntryNote(
    input: EditLedgerEntryNoteInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord; edit: EntryEditRecord | null; replayed: boolean }> {
    await lockEntry(sharedContext, input.entry_id, input.account_id)
    const [entry] = await this.listTradeCreditLedgerEntries(
      { id: input.entry_id, account_id: input.account_id },
      { take: 1 },
      sharedContext
    )
    if (!entry) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Ledger entry ${input.entry_id} was not found on account ${input.account_id}.`
      )
    }
    if (entry.operation !== "reimbursed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only reimbursements can be edited; ${input.entry_id} is a "${entry.operation}" entry.`
      )
    }
    if (input.idempotency?.key) {
      const [earlier] = await this.listTradeCreditEntryEdits(
        { account_id: input.account_id, idempotency_key: input.idempotency.key },
        { take: 1 },
        sharedContext
      )
      if (earlier) {
        if (earlier.entry_id !== entry.id || (earlier.request_hash ?? null) !== (input.idempotency.request_hash ?? null)) {
          throw reusedKey(input.idempotency.key)
        }
        return { entry, edit: earlier, replayed: true }
      }
    }
    const { patch, changes } = diffEntryNote({ reference: entry.reference ?? null, comment: entry.comment ?? null }, input)
    if (!Object.keys(patch).length) {
      return { entry, edit: null, replayed: false }
    }
    await this.updateTradeCreditLedgerEntries(asRow({ id: entry.id, ...patch }), sharedContext)
    const edit = await this.createTradeCreditEntryEdits(
      asRow({
        entry_id: entry.id,
        account_id: entry.account_id,
        changes,
        ...actorFields(input.actor),
        ...idempotencyFields(input.idempotency),
      }),
      sharedContext
    )
    const updated = await this.retrieveTradeCreditLedgerEntry(entry.id, {}, sharedContext)
    return { entry: updated, edit, replayed: false }
  }

  /** Compensation of a correction that could not be completed: the old note back, the edit gone. */
  @InjectTransactionManager()
  async undoLedgerEntryEdit(editId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const [edit] = await this.listTradeCreditEntryEdits({ id: editId }, { take: 1 }, sharedContext)
    if (!edit) {
      return
    }
    const previous = Object.fromEntries(
      Object.entries((edit.changes ?? {}) as EntryEditChanges).map(([field, change]) => [field, change?.from ?? null])
    )
    await this.updateTradeCreditLedgerEntries(asRow({ id: edit.entry_id, ...previous }), sharedContext)
    await this.deleteTradeCreditEntryEdits(edit.id, sharedContext)
  }

  /** The corrections of these entries, newest first, keyed by entry id. */
  @InjectManager()
  async listEditsOfEntries(
    entryIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, EntryEditRecord[]>> {
    const byEntry = new Map<string, EntryEditRecord[]>()
    if (!entryIds.length) {
      return byEntry
    }
    const edits = await this.listTradeCreditEntryEdits(
      { entry_id: entryIds },
      { order: { created_at: "DESC", id: "DESC" } },
      sharedContext
    )
    for (const edit of edits) {
      byEntry.set(edit.entry_id, [...(byEntry.get(edit.entry_id) ?? []), edit])
    }
    return byEntry
  }

  /**
   * One page of an account's history, newest first. Keyset paging on the
   * entry sequence (no OFFSET): entries added while a client pages never shift
   * or repeat the pages it has not read yet.
   */
  @InjectManager()
  async listEntryPage(
    input: EntryPageInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: LedgerEntryRecord[]; next_cursor: string | null; has_more: boolean }> {
    const limit = Math.min(Math.max(1, input.limit ?? DEFAULT_ENTRY_PAGE), MAX_ENTRY_PAGE)
    const filters: Record<string, unknown> = { account_id: input.account_id }
    if (input.cursor) {
      filters.seq = { $lt: decodeEntryCursor(input.cursor) }
    }
    if (input.operation) {
      filters.operation = input.operation
    }
    const rows = await this.listTradeCreditLedgerEntries(filters, { take: limit + 1, order: { seq: "DESC" } }, sharedContext)
    const has_more = rows.length > limit
    const entries = rows.slice(0, limit)
    return { entries, has_more, next_cursor: has_more ? encodeEntryCursor(entries[entries.length - 1].seq) : null }
  }

  protected async sessionEntries_(paymentSessionId: string, operation: LedgerOperation, sharedContext: Context) {
    return await this.listTradeCreditLedgerEntries(
      { payment_session_id: paymentSessionId, operation },
      { order: { seq: "ASC" } },
      sharedContext
    )
  }

  /**
   * What an order's postings still take from the account. Callers read it
   * under a lock that every concurrent cancel, capture or refund of the order
   * also takes, so it sees those that committed first.
   */
  protected async sessionOutstanding_(paymentSessionId: string, sharedContext: Context) {
    const entries = await this.listTradeCreditLedgerEntries(
      { payment_session_id: paymentSessionId },
      { order: { seq: "ASC" } },
      sharedContext
    )
    return sessionOutstanding(entries)
  }

  /** Locks a payment session's `purchased` entry and returns it (see `lockSessionPurchase`). */
  protected async lockSessionPurchase_(paymentSessionId: string, sharedContext: Context) {
    await lockSessionPurchase(sharedContext, paymentSessionId)
    const [purchase] = await this.sessionEntries_(paymentSessionId, "purchased", sharedContext)
    return purchase ?? null
  }

  /** Inserts an entry and reads it back, so callers get its database-set `seq` and `created_at`. */
  protected async createEntry_(row: Record<string, unknown>, sharedContext: Context): Promise<LedgerEntryRecord> {
    const created = await this.createTradeCreditLedgerEntries(row as never, sharedContext)
    return await this.retrieveTradeCreditLedgerEntry(created.id, {}, sharedContext)
  }

  /**
   * The earlier result of a request with the same idempotency key, or null.
   * The same key with a different request body is a client bug: 409.
   */
  protected async findReplay_(
    accountId: string,
    idempotency: Idempotency | undefined,
    sharedContext: Context
  ): Promise<PostingResult | null> {
    if (!idempotency?.key) {
      return null
    }
    const [entry] = await this.listTradeCreditLedgerEntries(
      { account_id: accountId, idempotency_key: idempotency.key },
      { take: 1 },
      sharedContext
    )
    if (!entry) {
      return null
    }
    if ((entry.request_hash ?? null) !== (idempotency.request_hash ?? null)) {
      throw reusedKey(idempotency.key)
    }
    const account = await this.retrieveTradeCreditAccount(accountId, {}, sharedContext)
    return { account, entry, replayed: true }
  }
}

export function reusedKey(key: string) {
  return new MedusaError(MedusaError.Types.CONFLICT, `Idempotency-Key "${key}" was already used for a different request.`)
}
