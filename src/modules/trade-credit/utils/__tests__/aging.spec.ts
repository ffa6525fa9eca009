import { AGING_BUCKETS } from "../../constants"
import { AGING_BUCKET_RANGES, agingBucket, agingWindow, csvField, csvLine, daysPastDue, dso, emptyBuckets } from "../aging"

describe("agingBucket", () => {
  it.each([
    [-5, "current"],
    [0, "current"],
    [1, "1_30"],
    [30, "1_30"],
    [31, "31_60"],
    [60, "31_60"],
    [61, "61_90"],
    [90, "61_90"],
    [91, "90_plus"],
    [400, "90_plus"],
  ])("%i days past due → %s", (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket)
  })

  it("has one range per bucket, in the vocabulary's order, without gaps or overlaps", () => {
    expect(AGING_BUCKET_RANGES.map((r) => r.bucket)).toEqual([...AGING_BUCKETS])
    for (let i = 1; i < AGING_BUCKET_RANGES.length; i++) {
      expect(AGING_BUCKET_RANGES[i].min).toBe((AGING_BUCKET_RANGES[i - 1].max as number) + 1)
    }
    expect(emptyBuckets(0)).toEqual({ current: 0, "1_30": 0, "31_60": 0, "61_90": 0, "90_plus": 0 })
  })

  it("refuses a fraction of a day", () => {
    expect(() => agingBucket(1.5)).toThrow(/whole number/)
  })

  it("counts calendar days from the due day, across months and leap days", () => {
    expect(daysPastDue("2028-02-28", "2028-03-01")).toBe(2)
    expect(daysPastDue("2027-02-28", "2027-03-01")).toBe(1)
    expect(daysPastDue("2026-12-01", "2026-11-30")).toBe(-1)
    expect(agingBucket(daysPastDue("2026-10-31", "2026-11-30"))).toBe("1_30")
    expect(agingBucket(daysPastDue("2026-10-30", "2026-11-30"))).toBe("31_60")
  })
})

describe("agingWindow", () => {
  it("takes today in the store's time zone by default and judges overdue at now", () => {
    // 23:30 UTC on Nov 30 is already Dec 1 in Amsterdam (UTC+1).
    const now = new Date("2026-11-30T23:30:00Z")
    const w = agingWindow(undefined, now, "Europe/Amsterdam")
    expect(w.as_of).toBe("2026-12-01")
    expect(w.cutoff.toISOString()).toBe("2026-12-01T23:00:00.000Z")
    expect(w.at).toBe(now)
    expect(agingWindow(undefined, now, "UTC").as_of).toBe("2026-11-30")
  })

  it("ends a past day at its local midnight, and its periods begin 90 and 365 days before", () => {
    const w = agingWindow("2026-06-30", new Date("2026-12-01T10:00:00Z"), "America/New_York")
    expect(w.cutoff.toISOString()).toBe("2026-07-01T04:00:00.000Z")
    expect(w.at).toEqual(w.cutoff)
    // 90 days ending on Jun 30: from Apr 2 (EDT), 365 days: from Jul 1 2025.
    expect(w.sales_from.toISOString()).toBe("2026-04-02T04:00:00.000Z")
    expect(w.paid_from.toISOString()).toBe("2025-07-01T04:00:00.000Z")
  })

  it("refuses a day after today in the store's time zone", () => {
    const now = new Date("2026-11-30T23:30:00Z")
    expect(() => agingWindow("2026-12-01", now, "UTC")).toThrow(/after today \(2026-11-30 in UTC\)/)
    expect(agingWindow("2026-12-01", now, "Europe/Amsterdam").as_of).toBe("2026-12-01")
  })
})

describe("dso", () => {
  it("is open receivables / sales over the period × the period's days, to one decimal", () => {
    expect(dso(1000, 3000)).toBe(30)
    expect(dso("100.00", "900.00", 90)).toBe(10)
    expect(dso(1, 3, 90)).toBe(30)
    expect(dso(1, 7, 90)).toBe(12.9) // 12.857…
    expect(dso(0, 500)).toBe(0)
    expect(dso(500, 250, 30)).toBe(60)
  })

  it("is null when nothing was invoiced in the period", () => {
    expect(dso(100, 0)).toBeNull()
    expect(dso(0, "0")).toBeNull()
  })

  it("never loses cents to floats", () => {
    expect(dso("0.3", "0.9", 90)).toBe(30)
  })
})

describe("csv", () => {
  it("quotes only what needs quoting and defuses formulas", () => {
    expect(csvField("Acme")).toBe("Acme")
    expect(csvField('Smith, "Bob"')).toBe('"Smith, ""Bob"""')
    expect(csvField("a\nb")).toBe('"a\nb"')
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)")
    expect(csvField("-12.50")).toBe("-12.50")
    expect(csvField(null)).toBe("")
    expect(csvField(12.5)).toBe("12.5")
    expect(csvField(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12-01T00:00:00.000Z")
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n")
  })
})
