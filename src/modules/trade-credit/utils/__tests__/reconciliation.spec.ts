import {
  accountLabelWith,
  checkAppendOnlyTrigger,
  compareAccountTotals,
  compareSessions,
  onAccountPayment,
  type AccountTotalsRow,
  type OnAccountPayment,
  type SessionLedgerRow,
} from "../reconciliation"

const healthy: AccountTotalsRow = {
  id: "tcacc_1",
  currency_code: "eur",
  balance: "-120.5",
  reserved: "30",
  available_credit: "849.5",
  credit_limit: "1000",
  entries_balance: "-120.50",
  entries_reserved: "30.00",
  unsessioned_reserved: "0",
  last_credit_limit: "1000",
}

const session = (over: Partial<SessionLedgerRow> = {}): SessionLedgerRow => ({
  payment_session_id: "payses_1",
  account_id: "tcacc_1",
  currency_code: "eur",
  reserved: "0",
  charged: "100",
  purchases: 1,
  order_id: "order_1",
  age_seconds: 600,
  ...over,
})

const payment = (over: Partial<OnAccountPayment> = {}): OnAccountPayment => ({
  id: "pay_1",
  payment_session_id: "payses_1",
  currency_code: "eur",
  amount: "100",
  captured: "0",
  refunded: "0",
  canceled: false,
  age_seconds: 600,
  ...over,
})

describe("compareAccountTotals", () => {
  it("finds nothing when the totals are the sums of the history (whatever the decimals' notation)", () => {
    expect(compareAccountTotals(healthy)).toEqual([])
  })

  it("a balance changed without an entry: balance_mismatch only, naming both figures and the holder", () => {
    const found = compareAccountTotals({ ...healthy, balance: "-170.5" }, accountLabelWith(new Map([["tcacc_1", "Antwerp Tiles"]])))
    expect(found).toEqual([
      {
        kind: "balance_mismatch",
        account_id: "tcacc_1",
        currency_code: "eur",
        payment_session_id: null,
        payment_id: null,
        order_id: null,
        expected: -120.5,
        actual: -170.5,
        message:
          "The EUR account of Antwerp Tiles (tcacc_1) shows an outstanding balance of -170.50 EUR, but its credit history adds up to -120.50 EUR: the balance was changed by -50.00 EUR without a ledger entry.",
      },
    ])
  })

  it("reserved, available credit and the limit are each compared on their own", () => {
    expect(compareAccountTotals({ ...healthy, reserved: "0" }).map((d) => [d.kind, d.expected, d.actual])).toEqual([
      ["reserved_mismatch", 30, 0],
    ])
    expect(compareAccountTotals({ ...healthy, available_credit: "879.5" }).map((d) => [d.kind, d.expected, d.actual])).toEqual([
      ["available_credit_mismatch", 849.5, 879.5],
    ])
    expect(compareAccountTotals({ ...healthy, credit_limit: "2000", available_credit: "1849.5" }).map((d) => [d.kind, d.expected, d.actual])).toEqual([
      ["credit_limit_mismatch", 1000, 2000],
    ])
  })

  it("a reservation no checkout owns, and an account without entries", () => {
    expect(compareAccountTotals({ ...healthy, unsessioned_reserved: "5" }).map((d) => [d.kind, d.expected, d.actual])).toEqual([
      ["reservation_without_payment_session", 0, 5],
    ])
    const empty = { ...healthy, balance: "0", reserved: "0", available_credit: "0", credit_limit: "0", entries_balance: "0", entries_reserved: "0", last_credit_limit: null }
    expect(compareAccountTotals(empty)).toEqual([])
  })

  it("names the account by id when the holder is unknown", () => {
    expect(compareAccountTotals({ ...healthy, balance: "0" })[0].message).toMatch(/^The EUR account tcacc_1 shows/)
  })
})

describe("compareSessions", () => {
  const kinds = (sessions: SessionLedgerRow[], payments: OnAccountPayment[], grace = 60) =>
    compareSessions(sessions, payments, grace).map((d) => [d.kind, d.expected, d.actual])

  it("agrees: posted at authorization, reserved under manual capture, partly captured, refunded, canceled and released", () => {
    expect(kinds([session()], [payment()])).toEqual([])
    expect(kinds([session({ reserved: "100", charged: "0" })], [payment()])).toEqual([])
    expect(kinds([session({ reserved: "60", charged: "40" })], [payment({ captured: "40" })])).toEqual([])
    expect(kinds([session({ charged: "70" })], [payment({ captured: "100", refunded: "30" })])).toEqual([])
    expect(kinds([session({ reserved: "0", charged: "0" })], [payment({ canceled: true })])).toEqual([])
    // An authorization released by the sweep (or a failed completion): no payment, nothing outstanding.
    expect(kinds([session({ charged: "0" })], [])).toEqual([])
    // The customer's balance spent on an order: its credit line pays it, no Medusa payment.
    expect(kinds([session({ payment_session_id: "cart_1:balance:1" })], [])).toEqual([])
    // A cart total with tax charged rounded to the cent.
    expect(kinds([session({ reserved: "10.01", charged: "0" })], [payment({ amount: "10.005" })])).toEqual([])
  })

  it("finds every kind of disagreement", () => {
    expect(kinds([session({ purchases: 2 })], [payment()])).toEqual([["duplicate_purchase", 1, 2]])
    expect(kinds([session({ reserved: "-5", charged: "105" })], [payment({ amount: "105" })])).toEqual([["negative_reservation", 0, -5]])
    expect(kinds([session()], [])).toEqual([["entries_without_payment", 0, 100]])
    expect(kinds([session({ reserved: "100", charged: "0" })], [payment({ canceled: true })])).toEqual([["canceled_payment_still_charged", 0, 100]])
    expect(kinds([session({ reserved: "100", charged: "0" })], [payment({ captured: "100" })])).toEqual([["reserved_without_live_authorization", 0, 100]])
    expect(kinds([session({ charged: "100" })], [payment({ captured: "100", refunded: "100" })])).toEqual([["charged_more_than_payment", 0, 100]])
    expect(kinds([], [payment()])).toEqual([["payment_without_entries", 100, 0]])
    // A balance debit whose cart never became an order.
    expect(kinds([session({ payment_session_id: "cart_1:balance:1", order_id: null })], [])).toEqual([["entries_without_payment", 0, 100]])
  })

  it("leaves out checkouts and payments changed within the grace period, and canceled payments that never reached the ledger", () => {
    expect(kinds([session({ age_seconds: 5 })], [])).toEqual([])
    expect(kinds([session({ reserved: "100", charged: "0" })], [payment({ captured: "100", age_seconds: 5 })])).toEqual([])
    expect(kinds([], [payment({ age_seconds: 5 })])).toEqual([])
    expect(kinds([session({ age_seconds: 5 })], [], 0)).toEqual([["entries_without_payment", 0, 100]])
    expect(kinds([], [payment({ canceled: true })])).toEqual([])
    // Within the grace period the ledger's own rules still hold.
    expect(kinds([session({ purchases: 2, age_seconds: 1 })], [])).toEqual([["duplicate_purchase", 1, 2]])
  })

  it("tells a credit controller the order, the payment and the amounts", () => {
    const [d] = compareSessions([session({ reserved: "100", charged: "0" })], [payment({ canceled: true })], 0)
    expect(d).toEqual(expect.objectContaining({ account_id: "tcacc_1", payment_id: "pay_1", payment_session_id: "payses_1", order_id: "order_1" }))
    expect(d.message).toBe("Medusa canceled payment pay_1 of order order_1, but the EUR account tcacc_1 still carries 100.00 EUR for it.")
  })
})

describe("checkAppendOnlyTrigger", () => {
  it("installed, missing or disabled", () => {
    expect(checkAppendOnlyTrigger("installed", "t")).toEqual([])
    expect(checkAppendOnlyTrigger("missing", "t").map((d) => [d.kind, d.expected, d.actual, d.account_id])).toEqual([
      ["append_only_trigger_missing", "installed", "missing", null],
    ])
    expect(checkAppendOnlyTrigger("disabled", "t")[0].kind).toBe("append_only_trigger_disabled")
  })
})

describe("onAccountPayment", () => {
  it("sums captures and refunds exactly and measures the age from the latest change by the database's clock", () => {
    const now = new Date("2026-12-01T03:00:00Z")
    const p = onAccountPayment(
      {
        id: "pay_1",
        payment_session_id: "payses_1",
        currency_code: "eur",
        amount: 0.3,
        raw_amount: { value: "0.30000000000000000001" },
        created_at: "2026-12-01T02:00:00Z",
        captures: [{ amount: 0.1, raw_amount: { value: "0.1" }, created_at: "2026-12-01T02:10:00Z" }, null, { amount: 0.2, created_at: "2026-12-01T02:20:00Z" }],
        refunds: [{ amount: 0.1, created_at: "2026-12-01T02:59:00Z" }],
      },
      now
    )
    expect(p).toEqual({
      id: "pay_1",
      payment_session_id: "payses_1",
      currency_code: "eur",
      amount: "0.30000000000000000001",
      captured: "0.3",
      refunded: "0.1",
      canceled: false,
      age_seconds: 60,
    })
  })
})
