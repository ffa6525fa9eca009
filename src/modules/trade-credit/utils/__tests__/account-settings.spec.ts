import { diffEntryNote, diffSettings, holderOf, normalizeCurrency, normalizeText } from "../account-settings"
import type { LockedAccountRow } from "../posting"

const row: LockedAccountRow = {
  id: "tca_1",
  currency_code: "eur",
  credit_limit: "100",
  balance: "0",
  reserved: "0",
  allow_exceed: false,
  over_limit_policy: null,
  status: "normal",
  terms_type: "net_days",
  terms_net_days: 30,
  terms_grace_days: 0,
  reference: "REF-1",
  metadata: null,
}

describe("diffSettings", () => {
  it("records only what really changes, with before and after", () => {
    const { update, changes } = diffSettings(row, {
      credit_limit: "100.00",
      allow_exceed: true,
      status: "normal",
      reference: " REF-2 ",
    })
    expect(update).toEqual({ allow_exceed: true, reference: "REF-2" })
    expect(changes).toEqual({
      allow_exceed: { from: false, to: true },
      reference: { from: "REF-1", to: "REF-2" },
    })
  })

  it("records a new limit as an exact string and new terms as one change", () => {
    const { update, changes } = diffSettings(row, {
      credit_limit: "250.5",
      payment_terms: { type: "net_days", net_days: 60, grace_days: 5 },
    })
    expect(update).toMatchObject({ credit_limit: "250.5", terms_net_days: 60, terms_grace_days: 5 })
    expect(changes.credit_limit).toEqual({ from: "100", to: "250.5" })
    expect(changes.payment_terms).toEqual({
      from: { type: "net_days", net_days: 30, grace_days: 0 },
      to: { type: "net_days", net_days: 60, grace_days: 5 },
    })
  })

  it("refuses a negative limit and a reference over 20 characters", () => {
    expect(() => diffSettings(row, { credit_limit: "-1" })).toThrow()
    expect(() => diffSettings(row, { reference: "x".repeat(21) })).toThrow("reference must be at most 20 characters (got 21).")
  })
})

describe("diffEntryNote", () => {
  it("changes only the fields given, and only when they differ", () => {
    expect(diffEntryNote({ reference: "A", comment: "c" }, { reference: "A", comment: "" })).toEqual({
      patch: { comment: null },
      changes: { comment: { from: "c", to: null } },
    })
  })
})

describe("account holders, currencies and text", () => {
  it("takes exactly one holder", () => {
    expect(holderOf({ customer_group_id: "cusgroup_1" }).column).toBe("customer_group_id")
    expect(() => holderOf({ customer_id: "cus_1", customer_group_id: "cusgroup_1" })).toThrow(/exactly one holder/)
    expect(() => holderOf({})).toThrow(/exactly one holder/)
  })

  it("takes known ISO 4217 codes, lower-cased", () => {
    expect(normalizeCurrency("EUR")).toBe("eur")
    expect(() => normalizeCurrency("EURO")).toThrow()
    expect(() => normalizeCurrency("XYZ")).toThrow()
  })

  it("trims text, turns empty into null and refuses control characters", () => {
    expect(normalizeText("  a  ", "reference", 5)).toBe("a")
    expect(normalizeText("   ", "reference", 5)).toBeNull()
    expect(() => normalizeText("a\u0000", "reference", 5)).toThrow()
  })
})
