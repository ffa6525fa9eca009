import {
  appliedBalance,
  balanceDebit,
  balanceSessionId,
  balanceSessionPattern,
  cartBalanceChoice,
  cartBalanceTarget,
  isBalanceSession,
  spendableBalance,
} from "../cart-balance"

const base = { currency_code: "eur", auto_apply: true, choice: {} }

describe("cartBalanceTarget", () => {
  it("applies as much as possible: the smaller of balance and cart total", () => {
    expect(cartBalanceTarget({ ...base, spendable: "30", cart_total_before_credit: "100" }).toFixed()).toBe("30")
    expect(cartBalanceTarget({ ...base, spendable: "300", cart_total_before_credit: "100" }).toFixed()).toBe("100")
  })

  it("never exceeds the amount the buyer asked for", () => {
    const t = cartBalanceTarget({ ...base, spendable: "300", cart_total_before_credit: "100", choice: { amount: "12.5" } })
    expect(t.toFixed()).toBe("12.5")
  })

  it("covers a total with tax exactly when the balance covers it as charged, else rounds the part down", () => {
    expect(cartBalanceTarget({ ...base, spendable: "300", cart_total_before_credit: "47.069" }).toFixed()).toBe("47.069")
    expect(cartBalanceTarget({ ...base, spendable: "47.07", cart_total_before_credit: "47.069" }).toFixed()).toBe("47.069")
    expect(cartBalanceTarget({ ...base, spendable: "47.06", cart_total_before_credit: "47.069" }).toFixed()).toBe("47.06")
    expect(cartBalanceTarget({ ...base, spendable: "300", cart_total_before_credit: "47.069", choice: { amount: "47.065" } }).toFixed()).toBe("47.06")
    expect(cartBalanceTarget({ ...base, currency_code: "jpy", spendable: "99", cart_total_before_credit: "99.9" }).toFixed()).toBe("99")
    expect(balanceDebit("47.069", "eur").toFixed()).toBe("47.07")
    expect(balanceDebit("47.064", "eur").toFixed()).toBe("47.06")
    expect(balanceDebit("20", "eur").toFixed()).toBe("20")
  })

  it("is zero when opted out, with nothing to spend, or with auto-apply off and no request", () => {
    expect(cartBalanceTarget({ ...base, spendable: "30", cart_total_before_credit: "100", choice: { opted_out: true } }).toFixed()).toBe("0")
    expect(cartBalanceTarget({ ...base, spendable: "0", cart_total_before_credit: "100" }).toFixed()).toBe("0")
    expect(cartBalanceTarget({ ...base, spendable: "30", cart_total_before_credit: "0" }).toFixed()).toBe("0")
    expect(cartBalanceTarget({ ...base, auto_apply: false, spendable: "30", cart_total_before_credit: "100" }).toFixed()).toBe("0")
    expect(
      cartBalanceTarget({ ...base, auto_apply: false, spendable: "30", cart_total_before_credit: "100", choice: { opted_in: true, amount: "10" } }).toFixed()
    ).toBe("10")
    expect(cartBalanceTarget({ ...base, auto_apply: false, spendable: "30", cart_total_before_credit: "100", choice: { opted_in: true } }).toFixed()).toBe("30")
  })
})

describe("spendableBalance", () => {
  it("is the balance less open authorizations, never negative", () => {
    expect(spendableBalance({ balance: "50", reserved: "20" }).toFixed()).toBe("30")
    expect(spendableBalance({ balance: "-50", reserved: "0" }).toFixed()).toBe("0")
    expect(spendableBalance({ balance: "10", reserved: "20" }).toFixed()).toBe("0")
  })
})

describe("cartBalanceChoice", () => {
  it("reads the stored choice and ignores malformed values", () => {
    expect(cartBalanceChoice({ trade_credit_balance: { opted_out: true } })).toEqual({ opted_out: true, opted_in: false, amount: null })
    expect(cartBalanceChoice({ trade_credit_balance: { amount: "10.5" } })).toEqual({ opted_out: false, opted_in: false, amount: "10.5" })
    expect(cartBalanceChoice({ trade_credit_balance: { amount: "-1" } })).toEqual({ opted_out: false, opted_in: false, amount: null })
    expect(cartBalanceChoice({ trade_credit_balance: "yes" })).toEqual({})
    expect(cartBalanceChoice(null)).toEqual({})
  })
})

describe("balance sessions", () => {
  it("keys each completion attempt of a cart and recognises them", () => {
    const id = balanceSessionId("cart_01ABC", 2)
    expect(id).toBe("cart_01ABC:balance:2")
    expect(isBalanceSession(id)).toBe(true)
    expect(isBalanceSession("payses_01ABC")).toBe(false)
    expect(balanceSessionPattern("cart_01ABC")).toBe("cart\\_01ABC:balance:%")
  })

  it("sums only the balance's credit lines", () => {
    const sum = appliedBalance([
      { reference: "trade-credit", amount: 10 },
      { reference: "gift-card", amount: 5 },
      { reference: "trade-credit", raw_amount: { value: "2.5", precision: 20 } as never },
    ])
    expect(sum.toFixed()).toBe("12.5")
  })
})
