import { normalizeInvoiceOptions, overdueThresholdFor } from "../invoice-options"

describe("invoice options", () => {
  it("defaults to UTC, INV- and invoicing at placement, no overdue threshold", () => {
    const o = normalizeInvoiceOptions({})
    expect(o).toEqual({ timezone: "UTC", invoice_prefix: "INV-", invoice_at: "placement", overdue_threshold: "0" })
    expect(overdueThresholdFor(o, "eur").toFixed()).toBe("0")
  })

  it("takes a time zone, a prefix and a threshold, one for all currencies or per currency", () => {
    const o = normalizeInvoiceOptions({ timezone: "Europe/Amsterdam", invoice_prefix: "RBS/", overdue_threshold: { EUR: "1.50" } })
    expect(o.timezone).toBe("Europe/Amsterdam")
    expect(o.invoice_prefix).toBe("RBS/")
    expect(overdueThresholdFor(o, "eur").toFixed()).toBe("1.5")
    expect(overdueThresholdFor(o, "usd").toFixed()).toBe("0")
    expect(overdueThresholdFor(normalizeInvoiceOptions({ overdue_threshold: 2 }), "jpy").toFixed()).toBe("2")
  })

  it("takes invoicing at shipment", () => {
    expect(normalizeInvoiceOptions({ invoice_at: "shipment" }).invoice_at).toBe("shipment")
  })

  it.each([
    [{ timezone: "Mars/Olympus" }, /IANA time zone/],
    [{ timezone: 1 }, /IANA time zone/],
    [{ invoice_prefix: "INV 2026" }, /invoice_prefix/],
    [{ invoice_prefix: "X".repeat(21) }, /invoice_prefix/],
    [{ invoice_at: "delivery" }, /invoice_at" must be one of placement, shipment/],
    [{ overdue_threshold: -1 }, /overdue_threshold/],
    [{ overdue_threshold: "lots" }, /overdue_threshold/],
    [{ overdue_threshold: { eur: "0.001" } }, /more decimals than EUR allows/],
  ])("refuses %j when the module loads", (options, message) => {
    expect(() => normalizeInvoiceOptions(options as never)).toThrow(message)
  })
})
