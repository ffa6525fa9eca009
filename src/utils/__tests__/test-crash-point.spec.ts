import { CRASH_AT_ENV, crashPoint } from "../test-crash-point"

describe("crashPoint (TEST ONLY: TRADE_CREDIT_TEST_CRASH_AT)", () => {
  const saved = process.env[CRASH_AT_ENV]
  let kill: jest.SpyInstance
  let write: jest.SpyInstance

  beforeEach(() => {
    kill = jest.spyOn(process, "kill").mockImplementation(() => true)
    write = jest.spyOn(process.stderr, "write").mockImplementation(() => true)
  })
  afterEach(() => {
    kill.mockRestore()
    write.mockRestore()
    if (saved === undefined) delete process.env[CRASH_AT_ENV]
    else process.env[CRASH_AT_ENV] = saved
  })

  it("does nothing when the variable is unset, empty or names another point", () => {
    delete process.env[CRASH_AT_ENV]
    crashPoint("authorize:after-ledger")
    process.env[CRASH_AT_ENV] = ""
    crashPoint("authorize:after-ledger")
    process.env[CRASH_AT_ENV] = "refund:after-ledger"
    crashPoint("authorize:after-ledger")
    expect(kill).not.toHaveBeenCalled()
  })

  it("sends SIGKILL to its own process at the named point, saying so on stderr", () => {
    process.env[CRASH_AT_ENV] = "capture:after-ledger"
    crashPoint("capture:after-ledger")
    expect(kill).toHaveBeenCalledWith(process.pid, "SIGKILL")
    expect(write).toHaveBeenCalledWith(expect.stringContaining("TRADE_CREDIT_TEST_CRASH_AT=capture:after-ledger: SIGKILL"))
  })
})
