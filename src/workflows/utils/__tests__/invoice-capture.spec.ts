import { amountToCapture } from "../invoice-capture"

const eur = (o: { authorized: string; captured: string; paid: string; credited?: string }) => amountToCapture({ ...o, currency_code: "eur" })

describe("amountToCapture (capture: on_invoice_paid)", () => {
  it("captures nothing while nothing is paid", () => {
    expect(eur({ authorized: "100", captured: "0", paid: "0" })).toBeNull()
  })

  it("captures what was paid beyond what is captured (a partial payment is a partial capture)", () => {
    expect(eur({ authorized: "100", captured: "0", paid: "10" })).toBe("10")
    expect(eur({ authorized: "100", captured: "10", paid: "35.5" })).toBe("25.5")
  })

  it("never captures an allocation twice", () => {
    expect(eur({ authorized: "100", captured: "35.5", paid: "35.5" })).toBeNull()
  })

  it("takes the rest of Medusa's amount, decimals included, once the invoice is paid in full", () => {
    expect(eur({ authorized: "47.069", captured: "10", paid: "47.07" })).toBe("37.069")
    expect(eur({ authorized: "47.069", captured: "47.069", paid: "47.07" })).toBeNull()
  })

  it("keeps what a bounced payment took back captured, and captures again only above that level", () => {
    // Paid 60, captured 60, then 20 bounced: paid 40.
    expect(eur({ authorized: "100", captured: "60", paid: "40" })).toBeNull()
    expect(eur({ authorized: "100", captured: "60", paid: "70" })).toBe("10")
  })

  it("never captures more than is left uncaptured", () => {
    expect(eur({ authorized: "100", captured: "90", paid: "150" })).toBe("10")
    expect(eur({ authorized: "100", captured: "100", paid: "100" })).toBeNull()
  })

  it("counts the credit notes of an order edit or return: the reduced invoice paid in full completes the capture", () => {
    expect(eur({ authorized: "100", captured: "0", paid: "80", credited: "20" })).toBe("80")
    expect(eur({ authorized: "47.069", captured: "0", paid: "37.07", credited: "10" })).toBe("37.069")
    expect(eur({ authorized: "100", captured: "80", paid: "80", credited: "20" })).toBeNull()
  })
})
