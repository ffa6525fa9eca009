import { ORDER_CREDIT_LOCK_TIMEOUT, ORDER_CREDIT_LOCK_TTL, ORDER_LOCK_TEST_ENV, orderCreditLockTimes } from "../order-credit-lock"

describe("orderCreditLockTimes", () => {
  const saved = process.env[ORDER_LOCK_TEST_ENV]
  afterEach(() => {
    if (saved === undefined) {
      delete process.env[ORDER_LOCK_TEST_ENV]
    } else {
      process.env[ORDER_LOCK_TEST_ENV] = saved
    }
  })

  it("is the store's 30 s wait and 120 s life when the fault tests' variable is unset", () => {
    delete process.env[ORDER_LOCK_TEST_ENV]
    expect(orderCreditLockTimes()).toEqual({ timeout: ORDER_CREDIT_LOCK_TIMEOUT, ttl: ORDER_CREDIT_LOCK_TTL })
    expect({ timeout: ORDER_CREDIT_LOCK_TIMEOUT, ttl: ORDER_CREDIT_LOCK_TTL }).toEqual({ timeout: 30, ttl: 120 })
  })

  it("takes the fault tests' shorter wait and life", () => {
    process.env[ORDER_LOCK_TEST_ENV] = "5,30"
    expect(orderCreditLockTimes()).toEqual({ timeout: 5, ttl: 30 })
  })

  it("keeps the store's times for a value that is not two positive numbers", () => {
    for (const value of ["", "5", "0,30", "5,-1", "five,thirty"]) {
      process.env[ORDER_LOCK_TEST_ENV] = value
      expect(orderCreditLockTimes()).toEqual({ timeout: 30, ttl: 120 })
    }
  })
})
