import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { isPayOnAccountProvider } from "../../../providers/pay-on-account/provider-id"
import { currencyDecimals, parseAmount } from "./money"

/**
 * Card payments toward an account (prepayments, or the part of a held order
 * above the limit): which payment providers may take them, and how much.
 */

export type CardPaymentOptions = {
  /** Provider ids buyers may pay toward an account with. Empty: card payments are off. */
  providers: string[]
  /** Per currency (lower case): how much an account may hold in advance after a card payment. */
  maxPrepayment: Record<string, string>
}

export const CARD_PAYMENT_PROVIDERS_OPTION = "cardPaymentProviders"
export const CARD_PAYMENT_MAX_PREPAYMENT_OPTION = "cardPaymentMaxPrepayment"

/** Medusa's system provider: it moves no money, so whatever it "captures" is worth nothing. */
export function isSystemProvider(providerId: string): boolean {
  return providerId.startsWith("pp_system_")
}

/**
 * Providers that can never pay toward an account, whatever the options say:
 * Medusa's system provider (it captures without moving money) and pay on
 * account itself (credit can't pay credit). Null when the provider may be listed.
 */
export function neverAllowedCardProvider(providerId: string): string | null {
  if (isPayOnAccountProvider(providerId)) {
    return "A payment toward a trade credit account can't itself be paid on account: choose a card or another payment method."
  }
  if (isSystemProvider(providerId)) {
    return `${providerId} is Medusa's system payment provider, which moves no money: it can't pay toward a trade credit account.`
  }
  return null
}

/**
 * Reads and checks the module options `cardPaymentProviders` and
 * `cardPaymentMaxPrepayment`. Throws (the module then fails to load) when a
 * provider that can never pay toward an account is listed, or an option has
 * the wrong shape.
 */
export function normalizeCardPaymentOptions(options: {
  cardPaymentProviders?: unknown
  cardPaymentMaxPrepayment?: unknown
}): CardPaymentOptions {
  const fail = (message: string) => {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Trade credit: ${message}`)
  }
  const listed = options.cardPaymentProviders ?? []
  if (!Array.isArray(listed) || listed.some((id) => typeof id !== "string" || !id.trim())) {
    fail(`option "${CARD_PAYMENT_PROVIDERS_OPTION}" must be a list of payment provider ids (e.g. ["pp_stripe_stripe"]), got ${JSON.stringify(listed)}.`)
  }
  const providers = [...new Set((listed as string[]).map((id) => id.trim()))]
  for (const id of providers) {
    const refusal = neverAllowedCardProvider(id)
    if (refusal) {
      fail(`option "${CARD_PAYMENT_PROVIDERS_OPTION}" lists ${id}, which is never allowed. ${refusal}`)
    }
  }
  const max = options.cardPaymentMaxPrepayment ?? {}
  if (typeof max !== "object" || max === null || Array.isArray(max)) {
    fail(`option "${CARD_PAYMENT_MAX_PREPAYMENT_OPTION}" must map currency codes to amounts (e.g. { eur: 5000 }), got ${JSON.stringify(max)}.`)
  }
  const maxPrepayment: Record<string, string> = {}
  for (const [currency, amount] of Object.entries(max as Record<string, unknown>)) {
    try {
      maxPrepayment[currency.toLowerCase()] = parseAmount(amount, currency, currency, { allowNegative: false, allowZero: true }).toString()
    } catch (e) {
      fail(`option "${CARD_PAYMENT_MAX_PREPAYMENT_OPTION}": ${(e as Error).message}`)
    }
  }
  return { providers, maxPrepayment }
}

/**
 * Whether a buyer may pay toward an account with `providerId`, by the options
 * alone (the caller also checks that the provider exists and is enabled in a
 * region of the account's currency). Throws a 400 saying why not.
 */
export function assertCardProviderAllowed(providerId: string, options: CardPaymentOptions): void {
  const never = neverAllowedCardProvider(providerId)
  if (never) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, never)
  }
  if (!options.providers.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `This store hasn't enabled card payments toward trade credit accounts. The merchant enables them by listing payment providers in the trade credit plugin's "${CARD_PAYMENT_PROVIDERS_OPTION}" option.`
    )
  }
  if (!options.providers.includes(providerId)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${providerId} can't be used to pay toward a trade credit account in this store; use one of: ${options.providers.join(", ")}.`
    )
  }
}

export type CardPaymentCapInput = {
  /** The account's signed balance (negative: owed). */
  balance: BigNumberInput
  /** Authorized on-account orders not yet posted to the balance. */
  reserved: BigNumberInput
  /** The amounts of the account's orders held for credit review (pending). */
  held: BigNumberInput[]
  /** How much the account may hold in advance once all of that is paid (default 0). */
  max_prepayment?: BigNumberInput | null
}

/**
 * THE most one card payment toward an account may be: what the account would
 * owe once every order it has taken on is charged (its debt, its reserved
 * orders and its held orders), plus the prepayment the store allows in that
 * currency, less any money it already holds:
 *
 *   max(0, reserved + sum(held) + max_prepayment - balance)
 *
 * So a card payment can settle the account and release every held order, and
 * leaves at most `max_prepayment` in advance; never more.
 */
export function cardPaymentCap(input: CardPaymentCapInput) {
  const held = input.held.reduce<ReturnType<typeof MathBN.convert>>((sum, amount) => MathBN.add(sum, amount), MathBN.convert(0))
  const cap = MathBN.sub(MathBN.add(MathBN.add(input.reserved, held), input.max_prepayment ?? 0), input.balance)
  return cap.isNegative() ? MathBN.convert(0) : cap
}

/** The 400 for a card payment over the cap, naming the cap. */
export function assertWithinCardPaymentCap(
  amount: BigNumberInput,
  cap: ReturnType<typeof cardPaymentCap>,
  currencyCode: string,
  maxPrepayment: BigNumberInput | null | undefined
): void {
  if (MathBN.lte(amount, cap)) {
    return
  }
  const decimals = currencyDecimals(currencyCode)
  const code = currencyCode.toUpperCase()
  const prepayment = maxPrepayment && MathBN.gt(maxPrepayment, 0)
    ? ` plus up to ${MathBN.convert(maxPrepayment).toFixed(decimals)} ${code} paid in advance`
    : ""
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `This card payment is more than the account can take: at most ${cap.toFixed(decimals)} ${code} (what it owes, including its open and held orders,${prepayment ? prepayment : " with nothing paid in advance"}).`
  )
}
