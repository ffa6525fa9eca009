import {
  accountLabelWith,
  checkAppendOnlyTrigger,
  compareAccountReceivables,
  compareAccountTotals,
  compareCanceledOrderInvoices,
  compareInvoiceAllocations,
  compareOrderDebitInvoices,
  compareSessions,
  onAccountPayment,
  type AccountReceivablesRow,
  type AccountTotalsRow,
  type CanceledOrderInvoiceRow,
  type InvoiceAllocationsRow,
  type OrderDebitInvoiceRow,
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

describe("invoices against the ledger", () => {
  /** A healthy row; the stored unallocated credit follows credits - allocated unless given. */
  const receivables = (over: Partial<AccountReceivablesRow> = {}): AccountReceivablesRow => {
    const row = {
      id: "tcacc_1",
      currency_code: "eur",
      ledger_balance: "-120",
      credits: "70.00",
      allocated: "70",
      open_total: "120.0",
      owing_invoices: 2,
      invoices: 3,
      un_invoiced: "0",
      pending_credits: "0",
      outstanding_total: "0",
      outstanding_orders: 0,
      stored_outstanding_total: "0",
      stored_outstanding_orders: 0,
      ...over,
    }
    return { stored_unallocated_credit: (Number(row.credits) - Number(row.allocated)).toFixed(2), ...row }
  }

  it("open invoices - unallocated credit = what the ledger says is owed; credit left unallocated only when nothing is owing", () => {
    expect(compareAccountReceivables(receivables())).toEqual([])
    // In credit: 30 unallocated, nothing owing.
    expect(compareAccountReceivables(receivables({ ledger_balance: "30", credits: "100", allocated: "70", open_total: "0", owing_invoices: 0 }))).toEqual([])
    const off = compareAccountReceivables(receivables({ open_total: "100" }))
    expect(off).toEqual([
      expect.objectContaining({ kind: "invoices_ledger_mismatch", account_id: "tcacc_1", expected: 120, actual: 100 }),
    ])
    expect(off[0].message).toBe(
      "The EUR account tcacc_1 owes 120.00 EUR by its credit history, but its open invoices (100.00 EUR) less its unallocated credit (0.00 EUR) come to 100.00 EUR, -20.00 EUR apart."
    )
    expect(compareAccountReceivables(receivables({ allocated: "50", open_total: "140" }))).toEqual([
      expect.objectContaining({ kind: "unallocated_credit_beside_owing_invoices", expected: 0, actual: 20 }),
    ])
  })

  it("the account row's running totals (unallocated credit, outstanding orders) against the history", () => {
    const shipment = { invoice_at: "shipment" as const }
    // Invoices owe 120; an order of 50 not invoiced yet was refunded 10 (it now owes 40, and the
    // refund is no unallocated credit: not beside the owing invoices either); 20 credited, all allocated.
    const shipped = {
      ledger_balance: "-160",
      credits: "30",
      pending_credits: "10",
      allocated: "20",
      un_invoiced: "50",
      outstanding_total: "40",
      outstanding_orders: 1,
      stored_outstanding_total: "40",
      stored_outstanding_orders: 1,
      stored_unallocated_credit: "0",
    }
    expect(compareAccountReceivables(receivables(shipped), undefined, shipment)).toEqual([])
    const drifted = compareAccountReceivables(receivables({ ...shipped, stored_unallocated_credit: "10" }), undefined, shipment)
    expect(drifted).toEqual([expect.objectContaining({ kind: "unallocated_credit_mismatch", account_id: "tcacc_1", expected: 0, actual: 10 })])
    expect(drifted[0].message).toBe(
      "The EUR account tcacc_1 shows 10.00 EUR of unallocated credit, but its credit history less its allocations leaves 0.00 EUR."
    )
    // Outstanding orders: compared under invoice_at "shipment", by total and by count.
    const outstanding = { ledger_balance: "-170", un_invoiced: "50", outstanding_total: "50", outstanding_orders: 1 }
    expect(compareAccountReceivables(receivables({ ...outstanding, stored_outstanding_total: "50", stored_outstanding_orders: 1 }), undefined, shipment)).toEqual([])
    const lost = compareAccountReceivables(receivables({ ...outstanding, stored_outstanding_total: "50", stored_outstanding_orders: 0 }), undefined, shipment)
    expect(lost).toEqual([expect.objectContaining({ kind: "outstanding_orders_mismatch", expected: 50, actual: 50 })])
    expect(lost[0].message).toBe(
      "The EUR account tcacc_1 shows 0 outstanding order(s) for 50.00 EUR, but its credit history has 1 order(s) charged and not invoiced for 50.00 EUR."
    )
    const short = compareAccountReceivables(receivables({ ...outstanding, stored_outstanding_total: "20", stored_outstanding_orders: 1 }), undefined, shipment)
    expect(short.map((d) => d.kind)).toEqual(["outstanding_orders_mismatch"])
  })

  it("each invoice's paid, credited and open amounts against its allocations", () => {
    const row: InvoiceAllocationsRow = {
      id: "tcinv_1",
      number: "INV-2026-000001",
      account_id: "tcacc_1",
      currency_code: "eur",
      order_id: "order_1",
      payment_session_id: "payses_1",
      amount: "100",
      amount_paid: "30",
      amount_credited: "0",
      amount_open: "70",
      allocated_paid: "30.00",
      allocated_credited: "0",
    }
    expect(compareInvoiceAllocations([row])).toEqual([])
    const [paid] = compareInvoiceAllocations([{ ...row, amount_paid: "35", amount_open: "65" }])
    expect(paid).toEqual(expect.objectContaining({ kind: "invoice_allocations_mismatch", order_id: "order_1", expected: 30, actual: 35 }))
    expect(paid.message).toBe(
      "Invoice INV-2026-000001 (tcinv_1) of the EUR account tcacc_1 shows 35.00 EUR paid, but its payment allocations add up to 30.00 EUR."
    )
    expect(compareInvoiceAllocations([{ ...row, amount_open: "60" }])).toEqual([expect.objectContaining({ expected: 70, actual: 60 })])
    expect(compareInvoiceAllocations([{ ...row, allocated_credited: "10" }])[0].message).toMatch(/shows 0.00 EUR credited, but its credit notes add up to 10.00 EUR/)
  })

  it("a canceled order's invoice still owing", () => {
    const row: CanceledOrderInvoiceRow = {
      id: "tcinv_1",
      number: "INV-2026-000001",
      account_id: "tcacc_1",
      currency_code: "eur",
      order_id: "order_1",
      payment_session_id: "payses_1",
      status: "open",
      amount_open: "40",
      reverted_in_ledger: true,
    }
    expect(compareCanceledOrderInvoices([row])).toEqual([
      expect.objectContaining({
        kind: "canceled_order_invoice_open",
        expected: 0,
        actual: 40,
        message:
          "Invoice INV-2026-000001 (tcinv_1) of the EUR account tcacc_1 still owes 40.00 EUR (open) for order order_1, but its credit was given back when it was canceled: a canceled order's invoice is void.",
      }),
    ])
    expect(compareCanceledOrderInvoices([{ ...row, reverted_in_ledger: false }])[0].message).toMatch(/but Medusa canceled its payment/)
  })

  it("every order debit has its invoice of its amount, and every invoice bills a debit", () => {
    const base: OrderDebitInvoiceRow = {
      entry_id: "tcle_1",
      invoice_id: "tcinv_1",
      invoice_number: "INV-2026-000001",
      account_id: "tcacc_1",
      currency_code: "eur",
      order_id: "order_1",
      payment_session_id: "payses_1",
      debit: "50",
      invoiced: "60",
    }
    const found = compareOrderDebitInvoices([
      { ...base, invoice_id: null, invoice_number: null, invoiced: null },
      { ...base, entry_id: null, debit: null },
      base,
    ])
    expect(found.map((d) => [d.kind, d.expected, d.actual])).toEqual([
      ["order_debit_without_invoice", 50, 0],
      ["invoice_without_order_debit", 0, 60],
      ["invoice_amount_mismatch", 50, 60],
    ])
    expect(found[0].message).toBe("The EUR account tcacc_1 was charged 50.00 EUR for order order_1 (entry tcle_1), but no invoice bills that charge.")
  })
})
