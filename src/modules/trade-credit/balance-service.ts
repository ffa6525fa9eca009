import type { BigNumberInput, Context, InferEntityType } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type BigNumberJS from "bignumber.js"
import type LedgerEntry from "./models/ledger-entry"
import type { Actor, OrderBalanceInput } from "./types"
import { currencyDecimals, parseAmount } from "./utils/money"
import { refundExceedsMessage } from "./utils/order-balance"
import type { PostingResult } from "./ledger-service"
import { internalIdempotencyKey } from "./utils/idempotency-keys"
import { sessionOutstanding } from "./utils/posting"
import { balanceSessionId, balanceSessionPattern, spendableBalance } from "./utils/cart-balance"
import { lockAccount, lockHolderCurrency, lockSessionPurchase, writeOrderOfSession } from "./repositories/ledger-locks"
import { AccountService } from "./account-service"

type LedgerEntryRecord = InferEntityType<typeof LedgerEntry>

export type SpendableBalance = { account_id: string | null; currency_code: string; amount: BigNumberJS }

export type TakeCartBalanceInput = {
  cart_id: string
  customer_id: string
  currency_code: string
  amount: BigNumberInput
  actor: Actor
}

export type TakeCartBalanceResult = {
  /** The attempt's key (`<cart>:balance:<n>`), in the entries' `payment_session_id`. */
  payment_session_id: string
  entry: LedgerEntryRecord
  /** False when an attempt already debited this amount for the cart and is still outstanding (a retry). */
  created: boolean
}

export function balanceNoLongerCoversMessage(amount: BigNumberInput, spendable: BigNumberInput, currency: string): string {
  const d = currencyDecimals(currency)
  const c = currency.toUpperCase()
  return `Your balance no longer covers the ${MathBN.convert(amount).toFixed(d)} ${c} applied to this cart (${MathBN.convert(spendable).toFixed(d)} ${c} left, another order may have used it). The cart was updated: check the total and place the order again.`
}

/**
 * The customer balance at checkout: a customer's PERSONAL account in the
 * cart's currency pays part or all of an order through a cart credit line.
 * The balance is debited once, when the order is placed: each completion
 * attempt of a cart takes it under the account's row lock (refused when the
 * balance no longer covers it, so two carts of one customer can never spend
 * the same money), a failed attempt is given back, the placed order is named
 * on its `purchased` entry, and a cancel reverts it through the ledger's
 * per-session revert.
 */
export class BalanceService extends AccountService {
  /** Plugin option `auto_apply_balance` (default true). */
  isBalanceAutoApplied(): boolean {
    return this.options_.auto_apply_balance
  }

  /** What the customer's personal account can pay in this currency: 0 (and no account id) without one. */
  @InjectManager()
  async retrieveSpendableBalance(
    input: { customer_id: string; currency_code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SpendableBalance> {
    const currency_code = input.currency_code.toLowerCase()
    const [account] = await this.listTradeCreditAccounts(
      { customer_id: input.customer_id, currency_code },
      { take: 1 },
      sharedContext
    )
    if (!account) {
      return { account_id: null, currency_code, amount: MathBN.convert(0) }
    }
    const raw = account as unknown as { raw_balance?: BigNumberInput; raw_reserved?: BigNumberInput }
    const amount = spendableBalance({
      balance: raw.raw_balance ?? (account.balance as BigNumberInput),
      reserved: raw.raw_reserved ?? (account.reserved as BigNumberInput),
    })
    return { account_id: account.id, currency_code, amount }
  }

  /**
   * Debits the balance for one completion attempt of a cart: a `purchased`
   * entry of -amount, under the account lock. A retry while the attempt is
   * still outstanding with the same amount returns it; another amount gives
   * the old attempt back first. Refused (nothing written) when the balance no
   * longer covers the amount.
   */
  @InjectTransactionManager()
  async takeCartBalance(
    input: TakeCartBalanceInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TakeCartBalanceResult> {
    return await this.takeCartBalance_(input, sharedContext)
  }

  /** Gives back a cart's completion attempt that placed no order (`reverted`), once. */
  @InjectTransactionManager()
  async releaseCartBalance(
    input: { payment_session_id: string; actor: Actor; comment?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    await lockSessionPurchase(sharedContext, input.payment_session_id)
    return await this.releaseAttempt_(input.payment_session_id, input.actor, input.comment ?? null, sharedContext)
  }

  /**
   * The order was placed: its balance debit names it. The cart's outstanding
   * attempt is used when it debited the order's credit line amount;
   * otherwise (the cart was completed some other way, or changed after the
   * attempt) the balance is debited here for the order's amount, under the
   * same rules.
   */
  @InjectTransactionManager()
  async settleOrderBalance(
    input: TakeCartBalanceInput & { order_id: string; order_display_id?: number | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TakeCartBalanceResult> {
    const taken = await this.takeCartBalance_(input, sharedContext)
    await writeOrderOfSession(sharedContext, {
      payment_session_id: taken.payment_session_id,
      order_id: input.order_id,
      order_display_id: input.order_display_id ?? null,
    })
    const entry = await this.retrieveTradeCreditLedgerEntry(taken.entry.id, {}, sharedContext)
    return { ...taken, entry }
  }

  /** The cart's balance attempts on an account, by session key, oldest first. */
  @InjectManager()
  async listCartBalanceAttempts(
    input: { cart_id: string; account_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Array<{ payment_session_id: string; outstanding: BigNumberJS; order_id: string | null; entries: LedgerEntryRecord[] }>> {
    return await this.cartAttempts_(input.cart_id, input.account_id, sharedContext)
  }

  /**
   * Money between an order and its customer's balance, in ONE transaction under
   * the account's row lock: a credit (`refunded`, what the order owes the
   * customer: a refund to balance, a return, an overpayment) or a debit
   * (`adjusted` naming the order: a small underpayment settled). The target is
   * the named account (its currency must be the order's) or the customer's
   * personal account, opened with limit 0 the first time money goes to a
   * customer who has none. The same idempotency key returns the first posting;
   * more than `limit` is refused (409) and changes nothing. The caller holds
   * the order's lock while it reads `limit` and records the money on the order.
   */
  @InjectTransactionManager()
  async postOrderBalance(
    input: OrderBalanceInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostingResult & { opened_account: boolean }> {
    const currency = input.currency_code.toLowerCase()
    let accountId = input.account_id ?? null
    let opened_account = false
    if (!accountId) {
      accountId = await lockHolderCurrency(sharedContext, { column: "customer_id", id: input.customer_id }, currency)
      if (!accountId) {
        const { account } = await this.openAccount(
          { customer_id: input.customer_id, currency_code: currency, credit_limit: 0, comment: "Opened for money the customer was owed on an order", actor: input.actor },
          sharedContext
        )
        accountId = account.id
        opened_account = true
      }
    }
    const row = await lockAccount(sharedContext, accountId)
    if (row.currency_code !== currency) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Account ${row.id} is in ${row.currency_code.toUpperCase()}, the order in ${currency.toUpperCase()}: choose an account in the order's currency.`
      )
    }
    const replay = await this.findReplay_(row.id, input.idempotency, sharedContext)
    if (replay) {
      return { ...replay, opened_account: false }
    }
    const amount = parseAmount(MathBN.convert(input.amount).toFixed(), currency, "amount")
    if (amount.isZero()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "amount must not be 0.")
    }
    const label = input.order_display_id ? `Order #${input.order_display_id}` : `Order ${input.order_id}`
    if (amount.abs().gt(MathBN.convert(input.limit))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, refundExceedsMessage(amount.abs(), input.limit, currency, label))
    }
    const posted = await this.writePosting_(
      row,
      {
        account_id: row.id,
        operation: amount.gt(0) ? "refunded" : "adjusted",
        amount: amount.toString(),
        order_id: input.order_id,
        order_display_id: input.order_display_id ?? null,
        reference: input.reference ?? null,
        comment: input.comment,
        actor: input.actor,
        idempotency: input.idempotency,
      },
      sharedContext
    )
    return { ...posted, opened_account }
  }

  protected async takeCartBalance_(input: TakeCartBalanceInput, sharedContext: Context): Promise<TakeCartBalanceResult> {
    const currency = input.currency_code.toLowerCase()
    const [account] = await this.listTradeCreditAccounts(
      { customer_id: input.customer_id, currency_code: currency },
      { take: 1, select: ["id"] },
      sharedContext
    )
    if (!account) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `You have no balance in ${currency.toUpperCase()} to pay with.`)
    }
    const amount = parseAmount(MathBN.convert(input.amount).toFixed(), currency, "amount", { allowNegative: false })
    let row = await lockAccount(sharedContext, account.id)
    const attempts = await this.cartAttempts_(input.cart_id, account.id, sharedContext)
    const open = attempts.find((a) => a.outstanding.gt(0))
    if (open) {
      if (open.outstanding.eq(amount)) {
        const purchase = open.entries.find((e) => e.operation === "purchased")!
        return { payment_session_id: open.payment_session_id, entry: purchase, created: false }
      }
      await this.releaseAttempt_(open.payment_session_id, input.actor, "Cart changed before the order was placed", sharedContext)
      row = await lockAccount(sharedContext, account.id)
    }
    const spendable = spendableBalance(row)
    if (amount.gt(spendable)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, balanceNoLongerCoversMessage(amount, spendable, currency))
    }
    const payment_session_id = balanceSessionId(input.cart_id, attempts.length + 1)
    const { entry } = await this.writePosting_(
      row,
      {
        account_id: row.id,
        operation: "purchased",
        amount: amount.negated().toString(),
        payment_session_id,
        comment: "Balance used at checkout",
        actor: input.actor,
        idempotency: { key: internalIdempotencyKey("balance", payment_session_id) },
      },
      sharedContext
    )
    return { payment_session_id, entry, created: true }
  }

  protected async releaseAttempt_(
    paymentSessionId: string,
    actor: Actor,
    comment: string | null,
    sharedContext: Context
  ): Promise<{ entry: LedgerEntryRecord | null }> {
    const entries = await this.sessionEntries_(paymentSessionId, "purchased", sharedContext)
    const purchase = entries[0]
    if (!purchase) {
      return { entry: null }
    }
    const row = await lockAccount(sharedContext, purchase.account_id)
    const { posted } = await this.sessionOutstanding_(paymentSessionId, sharedContext)
    if (!posted.gt(0)) {
      return { entry: null }
    }
    const { entry } = await this.writePosting_(
      row,
      {
        account_id: row.id,
        operation: "reverted",
        amount: posted.toString(),
        order_id: purchase.order_id,
        order_display_id: purchase.order_display_id,
        payment_session_id: paymentSessionId,
        reverses_entry_id: purchase.id,
        comment: comment ?? "Checkout did not complete",
        actor,
        // The key of the ledger's own revert: a later cancel of the same session gives nothing back twice.
        idempotency: { key: internalIdempotencyKey("revert", paymentSessionId) },
      },
      sharedContext
    )
    return { entry }
  }

  protected async cartAttempts_(cartId: string, accountId: string, sharedContext: Context) {
    // By account first: its (account_id, seq) index bounds the scan; a LIKE can't use the session index.
    const entries = await this.listTradeCreditLedgerEntries(
      { account_id: accountId, payment_session_id: { $like: balanceSessionPattern(cartId) } } as never,
      { order: { seq: "ASC" } },
      sharedContext
    )
    const bySession = new Map<string, LedgerEntryRecord[]>()
    for (const e of entries) {
      const key = e.payment_session_id as string
      bySession.set(key, [...(bySession.get(key) ?? []), e])
    }
    return [...bySession.entries()].map(([payment_session_id, list]) => ({
      payment_session_id,
      outstanding: sessionOutstanding(list as never).posted,
      order_id: list.find((e) => e.order_id)?.order_id ?? null,
      entries: list,
    }))
  }
}
