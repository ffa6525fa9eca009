/**
 * Metadata on the Medusa payment collection of a card payment toward a trade
 * credit account: which account it pays, and which buyer started it.
 */
export const CARD_PAYMENT_ACCOUNT_KEY = "trade_credit_account_id"
export const CARD_PAYMENT_CUSTOMER_KEY = "trade_credit_customer_id"
