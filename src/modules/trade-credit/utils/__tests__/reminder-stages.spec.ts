import { calendarDay, daysAfterDue, dueReminderStage, normalizeReminderStages } from "../reminder-stages"

const stages = normalizeReminderStages(undefined)
const names = (list: { name: string }[]) => list.map((s) => s.name)

describe("normalizeReminderStages", () => {
  it("defaults to 3 days before, the due date, 7, 14 and 30 days after, the last one the final notice", () => {
    expect(stages).toEqual([
      { name: "upcoming", days_after_due: -3, kind: "upcoming" },
      { name: "due", days_after_due: 0, kind: "due" },
      { name: "overdue_7", days_after_due: 7, kind: "overdue" },
      { name: "overdue_14", days_after_due: 14, kind: "overdue" },
      { name: "final_notice", days_after_due: 30, kind: "final_notice" },
    ])
  })

  it("sorts the store's stages by day, derives kinds, and keeps a kind given explicitly", () => {
    expect(
      normalizeReminderStages([
        { name: "second_chase", days_after_due: 21 },
        { name: "first_chase", days_after_due: 7 },
        { name: "friendly", days_after_due: -5, kind: "upcoming" },
      ])
    ).toEqual([
      { name: "friendly", days_after_due: -5, kind: "upcoming" },
      { name: "first_chase", days_after_due: 7, kind: "overdue" },
      { name: "second_chase", days_after_due: 21, kind: "final_notice" },
    ])
    expect(normalizeReminderStages([{ name: "late", days_after_due: 10, kind: "overdue" }])[0].kind).toBe("overdue")
    expect(normalizeReminderStages([{ name: "before", days_after_due: -1 }])[0].kind).toBe("upcoming")
  })

  it("turns reminders off with an empty list", () => {
    expect(normalizeReminderStages([])).toEqual([])
  })

  it.each([
    ["a list", { name: "x", days_after_due: 1 }, /must be a list of stages/],
    ["an object per stage", ["overdue_7"], /stage 1 must be \{ name, days_after_due, kind\? \}/],
    ["a plain name", [{ name: "Overdue 7", days_after_due: 7 }], /stage "Overdue 7" needs a name of lower-case letters/],
    ["whole days", [{ name: "x", days_after_due: 1.5 }], /stage "x" needs days_after_due, a whole number/],
    ["at most a year", [{ name: "x", days_after_due: 400 }], /from -365 to 365/],
    ["a known kind", [{ name: "x", days_after_due: 3, kind: "angry" }], /kind "angry"; kinds are upcoming, due, overdue, final_notice/],
    ["unique names", [{ name: "x", days_after_due: 3 }, { name: "x", days_after_due: 4 }], /lists the stage name "x" twice/],
    ["one stage a day", [{ name: "x", days_after_due: 3 }, { name: "y", days_after_due: 3 }], /two stages on day 3 \("x" and "y"\)/],
  ])("needs %s", (_, option, message) => {
    expect(() => normalizeReminderStages(option)).toThrow(message)
    expect(() => normalizeReminderStages(option)).toThrow(/^Trade credit: option "reminder_stages"/)
  })
})

describe("calendarDay and daysAfterDue", () => {
  it("reads a YYYY-MM-DD due date as that calendar day in any zone", () => {
    expect(calendarDay("2026-03-01", "Pacific/Auckland")).toBe(calendarDay("2026-03-01", "America/Los_Angeles"))
    expect(daysAfterDue("2024-02-28", new Date("2024-03-01T12:00:00Z"))).toBe(2) // leap year
  })

  it("counts days on the clock of the store's time zone, around midnight", () => {
    const now = new Date("2026-12-10T23:30:00Z")
    expect(daysAfterDue("2026-12-10", now, "UTC")).toBe(0)
    expect(daysAfterDue("2026-12-10", now, "Europe/Berlin")).toBe(1) // already 00:30 on the 11th
    expect(daysAfterDue("2026-12-10", new Date("2026-12-11T03:00:00Z"), "America/New_York")).toBe(0) // still the 10th
    expect(daysAfterDue(new Date("2026-12-10T23:30:00Z"), new Date("2026-12-11T00:10:00Z"), "Europe/Berlin")).toBe(0)
  })

  it("refuses what is not a date", () => {
    expect(() => calendarDay("next tuesday")).toThrow(/Not a date/)
  })
})

describe("dueReminderStage", () => {
  const at = (day: string) => new Date(`${day}T09:00:00Z`)
  const due = (now: string, sent: string[] = [], grace = 0) =>
    dueReminderStage({ due_at: "2026-12-10", grace_days: grace, now: at(now), sent_stages: sent, stages })

  it("sends nothing before the first stage's day", () => {
    expect(due("2026-12-06")).toEqual({ stage: null, superseded: [], days_after_due: -4 })
  })

  it("sends each stage on its day, once", () => {
    expect(due("2026-12-07").stage?.name).toBe("upcoming")
    expect(due("2026-12-08", ["upcoming"]).stage).toBeNull()
    expect(due("2026-12-10", ["upcoming"]).stage?.name).toBe("due")
    expect(due("2026-12-17", ["upcoming", "due"]).stage?.name).toBe("overdue_7")
    expect(due("2026-12-24", ["upcoming", "due", "overdue_7"]).stage?.name).toBe("overdue_14")
    expect(due("2027-01-09", ["upcoming", "due", "overdue_7", "overdue_14"]).stage).toMatchObject({
      name: "final_notice",
      kind: "final_notice",
    })
    expect(due("2027-03-01", ["upcoming", "due", "overdue_7", "overdue_14", "final_notice"]).stage).toBeNull()
  })

  it("keeps a reached stage due on later days until it is sent (a failed send is retried)", () => {
    expect(due("2026-12-18", ["upcoming", "due"]).stage?.name).toBe("overdue_7")
  })

  it("sends only the latest reached stage after missed days, and never an earlier one afterwards", () => {
    const late = due("2026-12-25")
    expect(late.stage?.name).toBe("overdue_14")
    expect(names(late.superseded)).toEqual(["upcoming", "due", "overdue_7"])
    expect(due("2026-12-26", ["overdue_14"]).stage).toBeNull()
  })

  it("holds the stages after the due date back until the grace days are over", () => {
    expect(due("2026-12-17", ["upcoming", "due"], 10).stage).toBeNull()
    expect(due("2026-12-20", ["upcoming", "due"], 10).stage).toBeNull() // day 10: last day of grace
    expect(due("2026-12-21", ["upcoming", "due"], 10)).toMatchObject({ stage: { name: "overdue_7" }, days_after_due: 11 })
    expect(due("2026-12-10", ["upcoming"], 10).stage?.name).toBe("due") // the due-date reminder is not held back
  })

  it("ignores sent stages that are no longer configured", () => {
    expect(due("2026-12-10", ["old_stage", "upcoming"]).stage?.name).toBe("due")
  })

  it("decides the day in the store's time zone", () => {
    const input = { due_at: "2026-12-10", now: new Date("2026-12-09T23:30:00Z"), sent_stages: ["upcoming"], stages }
    expect(dueReminderStage({ ...input, timezone: "UTC" }).stage).toBeNull()
    expect(dueReminderStage({ ...input, timezone: "Europe/Berlin" }).stage?.name).toBe("due")
  })

  it("sends nothing when reminders are off", () => {
    expect(dueReminderStage({ due_at: "2026-12-10", now: at("2027-06-01"), sent_stages: [], stages: [] }).stage).toBeNull()
  })
})
