import { MathBN } from "@medusajs/framework/utils"
import {
  fundingSources,
  invoiceState,
  paidShares,
  planAllocations,
  planCreditNote,
  planUndo,
  receivablesViolation,
  settlementOrder,
} from "../settlement"

const s = (v: { toFixed: () => string }) => v.toFixed()
const inv = (id: string, amount: string, due: string, extra: Record<string, unknown> = {}) => ({
  id,
  number: `INV-${id}`,
  amount,
  amount_credited: "0",
  amount_paid: "0",
  due_at: due,
  issued_at: "2026-01-01T00:00:00Z",
  ...extra,
})

describe("invoiceState", () => {
  it.each([
    [{ amount: "100", amount_credited: "0", amount_paid: "0" }, "100", "open"],
    [{ amount: "100", amount_credited: "0", amount_paid: "40.5" }, "59.5", "partially_paid"],
    [{ amount: "100", amount_credited: "30", amount_paid: "70" }, "0", "paid"],
    [{ amount: "100", amount_credited: "100", amount_paid: "0" }, "0", "void"],
  ])("%j → open %s, %s", (amounts, open, status) => {
    const state = invoiceState(amounts)
    expect(state.amount_open.toFixed()).toBe(open)
    expect(state.status).toBe(status)
  })

  it("refuses amounts that don't add up", () => {
    expect(() => invoiceState({ amount: "10", amount_credited: "0", amount_paid: "11" })).toThrow(/out of order/)
  })
})

describe("settlement order", () => {
  it("pays the oldest due date first, the named invoice before all", () => {
    const list = [inv("b", "1", "2026-03-01"), inv("a", "1", "2026-02-01"), inv("c", "1", "2026-04-01")]
    expect(settlementOrder(list).map((i) => i.id)).toEqual(["a", "b", "c"])
    expect(settlementOrder(list, "c").map((i) => i.id)).toEqual(["c", "a", "b"])
  })
})

describe("planAllocations", () => {
  it("pays invoices in order, partially the last, each line naming the oldest credit with money left", () => {
    const invoices = [inv("a", "100", "2026-02-01"), inv("b", "50", "2026-03-01", { amount_paid: "10" }), inv("c", "70", "2026-04-01")]
    const lines = planAllocations("150", invoices, [
      { entry_id: "e1", available: MathBN.convert("120") },
      { entry_id: "e2", available: MathBN.convert("30") },
    ])
    expect(lines.map((l) => [l.invoice_id, l.entry_id, s(l.amount)])).toEqual([
      ["a", "e1", "100"],
      ["b", "e1", "20"],
      ["b", "e2", "20"],
      ["c", "e2", "10"],
    ])
  })

  it("allocates nothing without credit", () => {
    expect(planAllocations("0", [inv("a", "100", "2026-02-01")], [])).toEqual([])
  })
})

describe("planCreditNote", () => {
  it("a partial refund reduces an unpaid invoice", () => {
    const { lines, uninvoiced } = planCreditNote([inv("a", "100", "x")], "30")
    expect(lines.map((l) => [l.invoice_id, s(l.credit), s(l.unpay)])).toEqual([["a", "30", "0"]])
    expect(s(uninvoiced)).toBe("0")
  })

  it("a refund of a paid invoice pays back what it was paid beyond its new amount", () => {
    const { lines } = planCreditNote([inv("a", "100", "x", { amount_paid: "100" })], "30")
    expect(lines.map((l) => [s(l.credit), s(l.unpay)])).toEqual([["30", "30"]])
    const half = planCreditNote([inv("a", "100", "x", { amount_paid: "80" })], "30")
    expect(half.lines.map((l) => [s(l.credit), s(l.unpay)])).toEqual([["30", "10"]])
  })

  it("spreads over the order's invoices newest first and returns what no invoice holds", () => {
    const { lines, uninvoiced } = planCreditNote([inv("b", "20", "x"), inv("a", "50", "x", { amount_credited: "45" })], "40")
    expect(lines.map((l) => [l.invoice_id, s(l.credit)])).toEqual([
      ["b", "20"],
      ["a", "5"],
    ])
    expect(s(uninvoiced)).toBe("15")
  })
})

describe("undoing payments", () => {
  const allocations = [
    { invoice_id: "a", entry_id: "p1", reference: "BANK-1", amount: "100", order: 1 },
    { invoice_id: "b", entry_id: "p2", reference: "BANK-2", amount: "60", order: 2 },
    { invoice_id: "b", entry_id: "p3", reference: null, amount: "40", order: 3 },
    { invoice_id: "b", entry_id: "x", reference: null, amount: "-30", order: 4 },
  ]

  it("nets undone payments against the newest payments of the invoice", () => {
    expect(paidShares(allocations).map((p) => [p.invoice_id, p.entry_id, s(MathBN.convert(p.amount))])).toEqual([
      ["a", "p1", "100"],
      ["b", "p3", "10"],
      ["b", "p2", "60"],
    ])
  })

  it("undoes the named payment first, then the newest", () => {
    const shares = paidShares(allocations)
    expect(planUndo("120", shares, "BANK-1").map((u) => [u.invoice_id, s(u.amount)])).toEqual([
      ["a", "-100"],
      ["b", "-20"],
    ])
    expect(planUndo("15", shares, null).map((u) => [u.invoice_id, s(u.amount)])).toEqual([["b", "-15"]])
  })

  it("nets a bounced payment against the payment it names before funding new allocations", () => {
    const funds = fundingSources([
      { entry_id: "p1", reference: "BANK-1", remaining: "50", order: 1 },
      { entry_id: "p2", reference: "BANK-2", remaining: "80", order: 2 },
      { entry_id: "bounce", reference: "BANK-2", remaining: "-80", order: 3 },
      { entry_id: "p3", reference: null, remaining: "20", order: 4 },
    ])
    expect(funds.map((f) => [f.entry_id, s(f.available)])).toEqual([
      ["p1", "50"],
      ["p3", "20"],
    ])
  })
})

describe("the receivables invariant", () => {
  const ok = { balance: "-70", open_total: "100", open_total_from_allocations: "100", unallocated: "30", owing_invoices: 0 }
  it("holds when open invoices less unallocated credit is what the ledger says is owed", () => {
    expect(receivablesViolation({ ...ok, unallocated: "30", owing_invoices: 0 })).toBeNull()
    expect(receivablesViolation({ balance: "25", open_total: "0", open_total_from_allocations: "0", unallocated: "25", owing_invoices: 0 })).toBeNull()
    // A negative adjustment on no invoice: a debit the invoices don't hold.
    expect(receivablesViolation({ balance: "-50", open_total: "0", open_total_from_allocations: "0", unallocated: "-50", owing_invoices: 0 })).toBeNull()
  })

  it("names what is broken", () => {
    expect(receivablesViolation({ ...ok, balance: "-60" })).toMatch(/ledger says 60 is owed/)
    expect(receivablesViolation({ ...ok, open_total_from_allocations: "90" })).toMatch(/differ from their allocations/)
    expect(receivablesViolation({ ...ok, owing_invoices: 1 })).toMatch(/unallocated while 1 invoice/)
  })

  it("counts outstanding orders (invoiced at shipment) as owed, and only once", () => {
    // An order of 40 not shipped yet, beside an open invoice of 100 and 30 of credit: 110 owed.
    expect(receivablesViolation({ ...ok, balance: "-110", outstanding_total: "40" })).toBeNull()
    // The same order shipped: its invoice of 40 is open (the credit is then allocated, so none left).
    expect(receivablesViolation({ balance: "-110", open_total: "110", open_total_from_allocations: "110", unallocated: "0", owing_invoices: 2, outstanding_total: "0" })).toBeNull()
    // Outstanding left out, or counted twice: broken, and the message says so.
    expect(receivablesViolation({ ...ok, balance: "-110" })).toMatch(/ledger says 110 is owed/)
    expect(receivablesViolation({ ...ok, balance: "-70", outstanding_total: "40" })).toMatch(/\+ outstanding orders 40 .* ledger says 70 is owed/)
    expect(receivablesViolation({ ...ok, outstanding_total: "-1" })).toMatch(/below zero/)
  })
})
