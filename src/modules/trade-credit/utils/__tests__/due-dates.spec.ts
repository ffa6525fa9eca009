import { addDays, calendarDay, checkTimezone, dueDate, endOfDay, overdueAt, overdueState, startOfDay } from "../due-dates"

const at = (iso: string) => new Date(iso)
const net = (n: number) => ({ type: "net_days", net_days: n })
const eonm = { type: "end_of_next_month" }

describe("dueDate", () => {
  it.each([
    ["2026-01-15T10:00:00Z", 30, "2026-02-14"],
    ["2026-12-15T10:00:00Z", 30, "2027-01-14"],
    ["2028-02-01T00:00:00Z", 28, "2028-02-29"], // leap year
    ["2027-02-01T00:00:00Z", 28, "2027-03-01"],
    ["2026-03-31T23:59:59Z", 1, "2026-04-01"],
  ])("net days: issued %s + %i days → %s", (issued, days, due) => {
    expect(dueDate(at(issued), net(days))).toBe(due)
  })

  it.each([
    ["2026-01-31T12:00:00Z", "2026-02-28"], // Jan 31 → Feb 28
    ["2028-01-31T12:00:00Z", "2028-02-29"], // leap year: Feb 29
    ["2026-01-01T00:00:00Z", "2026-02-28"],
    ["2026-02-28T12:00:00Z", "2026-03-31"],
    ["2026-11-30T12:00:00Z", "2026-12-31"],
    ["2026-12-01T00:00:00Z", "2027-01-31"], // December → January 31 of the next year
    ["2026-12-31T23:00:00Z", "2027-01-31"],
  ])("end of next month: issued %s → %s", (issued, due) => {
    expect(dueDate(at(issued), eonm)).toBe(due)
  })

  it("prepayment is due on the day of issue", () => {
    expect(dueDate(at("2026-06-10T08:00:00Z"), { type: "prepayment" })).toBe("2026-06-10")
  })

  it("the store's time zone decides the day of issue around midnight", () => {
    // 23:30 UTC on Jan 31 is already Feb 1 in Amsterdam, still Jan 31 in New York.
    const issued = at("2026-01-31T23:30:00Z")
    expect(dueDate(issued, eonm, "UTC")).toBe("2026-02-28")
    expect(dueDate(issued, eonm, "Europe/Amsterdam")).toBe("2026-03-31")
    expect(dueDate(issued, net(30), "Europe/Amsterdam")).toBe("2026-03-03")
    expect(dueDate(issued, net(30), "America/New_York")).toBe("2026-03-02")
    // 03:00 UTC on Jan 1 is still Dec 31 in Los Angeles.
    expect(dueDate(at("2027-01-01T03:00:00Z"), eonm, "America/Los_Angeles")).toBe("2027-01-31")
    expect(dueDate(at("2027-01-01T03:00:00Z"), eonm, "UTC")).toBe("2027-02-28")
  })

  it("refuses unknown terms and a bad time zone", () => {
    expect(() => dueDate(at("2026-01-01T00:00:00Z"), { type: "weekly" })).toThrow(/Unknown payment terms/)
    expect(() => dueDate(at("2026-01-01T00:00:00Z"), { type: "net_days" })).toThrow(/whole number/)
    expect(() => checkTimezone("Mars/Olympus")).toThrow(/IANA time zone/)
    expect(checkTimezone("Europe/Amsterdam")).toBe("Europe/Amsterdam")
  })
})

describe("calendar days in a time zone", () => {
  it("starts and ends days at local midnight, across daylight saving changes", () => {
    expect(startOfDay("2026-07-01", "Europe/Amsterdam").toISOString()).toBe("2026-06-30T22:00:00.000Z")
    expect(startOfDay("2026-01-01", "Europe/Amsterdam").toISOString()).toBe("2025-12-31T23:00:00.000Z")
    // Amsterdam moves to summer time on 2026-03-29: that day has 23 hours.
    expect(endOfDay("2026-03-29", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T22:00:00.000Z")
    expect(startOfDay("2026-03-29", "Europe/Amsterdam").toISOString()).toBe("2026-03-28T23:00:00.000Z")
    expect(endOfDay("2026-12-31", "UTC").toISOString()).toBe("2027-01-01T00:00:00.000Z")
    expect(startOfDay("2026-05-10", "Asia/Kolkata").toISOString()).toBe("2026-05-09T18:30:00.000Z")
    // Santiago skips midnight when summer time starts (2026-09-06 begins at 01:00 local).
    const santiago = startOfDay("2026-09-06", "America/Santiago")
    expect(calendarDay(santiago, "America/Santiago")).toBe("2026-09-06")
    expect(calendarDay(new Date(santiago.getTime() - 1), "America/Santiago")).toBe("2026-09-05")
  })

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29")
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
  })
})

describe("overdue", () => {
  const invoice = { due_date: "2026-02-28", grace_days: 0, owing: true }

  it("is not overdue during the due day, overdue once it ended", () => {
    expect(overdueState(invoice, at("2026-02-28T23:59:59.999Z"))).toEqual({ overdue: false, days_overdue: 0 })
    expect(overdueState(invoice, at("2026-03-01T00:00:00Z"))).toEqual({ overdue: true, days_overdue: 1 })
    expect(overdueState(invoice, at("2026-03-31T12:00:00Z"))).toEqual({ overdue: true, days_overdue: 31 })
  })

  it("waits for the grace days, then counts days since the due date", () => {
    const graced = { ...invoice, grace_days: 3 }
    expect(overdueAt("2026-02-28", 3).toISOString()).toBe("2026-03-04T00:00:00.000Z")
    expect(overdueState(graced, at("2026-03-03T23:59:59Z"))).toEqual({ overdue: false, days_overdue: 0 })
    expect(overdueState(graced, at("2026-03-04T00:00:00Z"))).toEqual({ overdue: true, days_overdue: 4 })
  })

  it("ends the day at the store's midnight", () => {
    // Amsterdam: the due day Feb 28 ends at 23:00 UTC.
    expect(overdueState(invoice, at("2026-02-28T22:59:59Z"), "Europe/Amsterdam").overdue).toBe(false)
    expect(overdueState(invoice, at("2026-02-28T23:00:00Z"), "Europe/Amsterdam")).toEqual({ overdue: true, days_overdue: 1 })
    // New York: still Feb 28 at 03:00 UTC on Mar 1.
    expect(overdueState(invoice, at("2026-03-01T03:00:00Z"), "America/New_York").overdue).toBe(false)
    expect(overdueState(invoice, at("2026-03-01T05:00:00Z"), "America/New_York").overdue).toBe(true)
  })

  it("a paid or void invoice is never overdue", () => {
    expect(overdueState({ ...invoice, owing: false }, at("2027-01-01T00:00:00Z"))).toEqual({ overdue: false, days_overdue: 0 })
  })

  it("an overdue December invoice counts into the new year", () => {
    expect(overdueState({ due_date: "2026-12-31", grace_days: 0, owing: true }, at("2027-01-05T10:00:00Z"))).toEqual({
      overdue: true,
      days_overdue: 5,
    })
  })
})
