import BigNumberJS from "bignumber.js"
import { decideAuthorization, type SessionReview } from "../authorization"
import { ON_STOP_MESSAGE, ON_STOP_RELEASE_MESSAGE } from "../refusals"

const row = (over: Partial<Parameters<typeof decideAuthorization>[0]["row"]> = {}) => ({
  status: "normal" as const,
  allow_exceed: false,
  over_limit_policy: null,
  credit_limit: "100",
  balance: "0",
  reserved: "0",
  currency_code: "eur",
  ...over,
})
const buyer = { type: "customer" as const, id: "cus_1", name: "buyer@example.com" }
const released = (by: string, extra: Partial<SessionReview> = {}): SessionReview => ({
  status: "released",
  decided_by_type: by,
  decided_by_id: `${by}_1`,
  decided_by_name: by === "user" ? "Ada" : null,
  ...extra,
})
const decide = (r = row(), amount = "50", review: SessionReview | null = null, policy: "hold" | "block" = "hold") =>
  decideAuthorization({ row: r, amount: new BigNumberJS(amount), review, actor: buyer, default_over_limit_policy: policy })

describe("decideAuthorization: the pay-on-account decision table", () => {
  it("posts an order that fits the available credit, as the buyer, without a note", () => {
    expect(decide()).toEqual({ kind: "post", actor: buyer, comment: null })
  })

  it("posts an order that uses the available credit exactly", () => {
    expect(decide(row(), "100").kind).toBe("post")
  })

  it("posts over the limit when the account allows exceeding it", () => {
    expect(decide(row({ allow_exceed: true }), "500").kind).toBe("post")
  })

  it("holds an order over the limit under the hold policy, with what is available and how far over", () => {
    const d = decide(row({ balance: "-30" }), "100")
    expect(d.kind).toBe("hold")
    if (d.kind === "hold") {
      expect(d.available.toString()).toBe("70")
      expect(d.over.toString()).toBe("30")
    }
  })

  it("refuses an order over the limit under the block policy (the account's own, or the default)", () => {
    expect(decide(row({ over_limit_policy: "block" }), "101")).toEqual({
      kind: "refuse",
      message: "Not enough available credit: 100.00 EUR available, this order is 1.00 over the limit.",
    })
    expect(decide(row(), "101", null, "block").kind).toBe("refuse")
    expect(decide(row({ over_limit_policy: "hold" }), "101", null, "block").kind).toBe("hold")
  })

  it("refuses any order on an account on stop, even under the limit", () => {
    expect(decide(row({ status: "on_stop" }), "1")).toEqual({ kind: "refuse", message: ON_STOP_MESSAGE })
  })

  it("posts on an account on query with a note to check the order", () => {
    expect(decide(row({ status: "query" }))).toEqual({
      kind: "post",
      actor: buyer,
      comment: "Account on query: check this order before processing",
    })
  })

  it("leaves an order whose review is pending waiting", () => {
    expect(decide(row(), "500", { status: "pending" })).toEqual({ kind: "pending" })
  })

  it("refuses an order whose review was rejected or canceled", () => {
    expect(decide(row(), "5", { status: "rejected" })).toEqual({
      kind: "refuse",
      message: "This order's credit review was rejected; it can't be paid on account.",
    })
    expect(decide(row(), "5", { status: "canceled" }).kind).toBe("refuse")
  })

  it("posts an admin's release over the limit and through a stop, as that admin, naming them", () => {
    const d = decide(row({ status: "on_stop" }), "500", released("user", { comment: "known customer" }))
    expect(d).toEqual({
      kind: "post",
      actor: { type: "user", id: "user_1", name: "Ada" },
      comment: "Released from credit review by Ada: known customer",
    })
  })

  it("posts the ERP's release over the limit too", () => {
    const d = decide(row(), "500", released("erp"))
    expect(d.kind).toBe("post")
    if (d.kind === "post") {
      expect(d.comment).toBe("Released from credit review by erp_1")
    }
  })

  it("decides a buyer's release by the checkout's rules: posts when it fits", () => {
    const d = decide(row(), "50", released("customer"))
    expect(d.kind).toBe("post")
    if (d.kind === "post") {
      expect(d.actor.type).toBe("customer")
    }
  })

  it("refuses a buyer's release over the limit (never a new hold) and on stop", () => {
    expect(decide(row(), "150", released("customer"))).toEqual({
      kind: "refuse",
      message: "Not enough available credit to release this order: 100.00 EUR available, the order is 50.00 over the limit.",
    })
    expect(decide(row({ status: "on_stop" }), "1", released("customer"))).toEqual({
      kind: "refuse",
      message: ON_STOP_RELEASE_MESSAGE,
    })
  })

  describe("overdue invoices", () => {
    const overdue = (amounts: string[], threshold = "0") => ({
      invoices: amounts.map((a, i) => ({ number: `INV-2026-00000${i + 1}`, amount_open: new BigNumberJS(a), days_overdue: 10 + i })),
      threshold: new BigNumberJS(threshold),
    })
    const decideOverdue = (r: ReturnType<typeof row> & { overdue_policy?: "block" | "hold" | "allow" }, o = overdue(["120.5"]), review: SessionReview | null = null) =>
      decideAuthorization({ row: r, amount: new BigNumberJS("10"), review, actor: buyer, default_over_limit_policy: "hold", overdue: o })

    it("refuses under the limit while an invoice is overdue (policy block, the default), naming the invoices, amounts and days", () => {
      expect(decideOverdue(row(), overdue(["120.5", "3"]))).toEqual({
        kind: "refuse",
        message:
          "Pay on account is paused because 2 invoices are overdue: INV-2026-000001 (120.50 EUR open, 10 days overdue), INV-2026-000002 (3.00 EUR open, 11 days overdue). Pay them to order on account again, or choose another payment method.",
      })
      expect(decideOverdue({ ...row(), overdue_policy: "block" }).kind).toBe("refuse")
    })

    it("holds for review under policy hold (a buyer's release is refused), allows under policy allow", () => {
      const held = decideOverdue({ ...row(), overdue_policy: "hold" })
      expect(held).toEqual(expect.objectContaining({ kind: "hold", reason: "overdue_invoices" }))
      if (held.kind === "hold") {
        expect(held.over.toString()).toBe("0")
      }
      expect(decideOverdue({ ...row(), overdue_policy: "hold" }, undefined, released("customer")).kind).toBe("refuse")
      expect(decideOverdue({ ...row(), overdue_policy: "allow" })).toEqual({ kind: "post", actor: buyer, comment: null })
    })

    it("ignores overdue amounts up to the threshold, and an admin's release", () => {
      expect(decideOverdue(row(), overdue(["0.30", "0.20"], "0.50")).kind).toBe("post")
      expect(decideOverdue(row(), overdue(["0.30", "0.21"], "0.50")).kind).toBe("refuse")
      expect(decideOverdue(row(), overdue(["500"]), released("user")).kind).toBe("post")
    })

    it("puts a stop before overdue, and overdue before the limit", () => {
      expect(decideOverdue({ ...row(), status: "on_stop" })).toEqual({ kind: "refuse", message: ON_STOP_MESSAGE })
      const overLimit = decideAuthorization({
        row: { ...row(), overdue_policy: "hold" },
        amount: new BigNumberJS("150"),
        review: null,
        actor: buyer,
        default_over_limit_policy: "block",
        overdue: overdue(["1"]),
      })
      expect(overLimit).toEqual(expect.objectContaining({ kind: "hold", reason: "overdue_invoices" }))
    })
  })
})
