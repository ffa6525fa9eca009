import { graceSecondsArg } from "../reconcile"

describe("the reconcile script's arguments (npx medusa exec ./src/scripts/reconcile.ts [grace_seconds=N])", () => {
  it("defaults to 60 seconds and reads grace_seconds=N", () => {
    expect(graceSecondsArg([])).toBe(60)
    expect(graceSecondsArg(undefined)).toBe(60)
    expect(graceSecondsArg(["grace_seconds=0"])).toBe(0)
    expect(graceSecondsArg(["grace_seconds=86400"])).toBe(86400)
  })

  it("refuses anything else, saying what it accepts", () => {
    expect(() => graceSecondsArg(["grace_seconds=-1"])).toThrow('grace_seconds must be a whole number of seconds from 0 to 86400, got "-1".')
    expect(() => graceSecondsArg(["grace_seconds=1.5"])).toThrow(/whole number/)
    expect(() => graceSecondsArg(["grace_seconds=86401"])).toThrow(/whole number/)
    expect(() => graceSecondsArg(["--grace-seconds=0"])).toThrow('Unknown argument "--grace-seconds=0": the only argument is grace_seconds=N (seconds, default 60).')
  })
})
