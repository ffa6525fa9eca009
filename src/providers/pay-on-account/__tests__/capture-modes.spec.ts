import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { CAPTURE_MODES, DEFAULT_CAPTURE_MODE } from "../../../modules/trade-credit/constants"
import { capturesOnInvoicePaid, sessionStatus, validatePayOnAccountOptions } from "../session"

describe("pay on account capture modes", () => {
  it("accepts the three modes and none (the default is on_invoice_paid)", () => {
    expect(DEFAULT_CAPTURE_MODE).toBe("on_invoice_paid")
    expect(CAPTURE_MODES).toEqual(["on_invoice_paid", "on_authorize", "manual"])
    for (const capture of [...CAPTURE_MODES, undefined]) {
      expect(() => validatePayOnAccountOptions({ capture })).not.toThrow()
    }
  })

  it("refuses any other mode, naming the three", () => {
    expect(() => validatePayOnAccountOptions({ capture: "on_shipment" })).toThrow(
      'Pay on account: option "capture" must be one of "on_invoice_paid", "on_authorize", "manual", got "on_shipment".'
    )
  })

  it("a payment waits for its invoice only when authorized under on_invoice_paid (older sessions captured at once)", () => {
    expect(capturesOnInvoicePaid({ capture: "on_invoice_paid" })).toBe(true)
    expect(capturesOnInvoicePaid({ capture: "on_authorize" })).toBe(false)
    expect(capturesOnInvoicePaid({})).toBe(false)
    expect(capturesOnInvoicePaid(null)).toBe(false)
  })

  it("a session posted at authorization reads as captured, except one that waits for its invoice", () => {
    expect(sessionStatus({ entry_id: "e", posted: true, capture: "on_authorize" })).toBe(PaymentSessionStatus.CAPTURED)
    expect(sessionStatus({ entry_id: "e", posted: true, capture: "on_invoice_paid" })).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(sessionStatus({ entry_id: "e", posted: false, capture: "manual" })).toBe(PaymentSessionStatus.AUTHORIZED)
  })
})
