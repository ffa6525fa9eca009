import { execFileSync } from "child_process"
import { sqlInstant } from "../sql-values"

/**
 * The statements a checkout sends as one string carry their values inlined by
 * knex. knex inlines a Date in the process's own time zone without its offset,
 * so a server not running in UTC would shift every due and overdue time by its
 * offset; `sqlInstant` inlines the instant itself.
 */
describe("timestamps inlined into a checkout's SQL", () => {
  it("keep their instant when the server runs in another time zone", () => {
    const due = "2026-03-01T05:00:00.000Z"
    // A server process in New York (TZ is read when the process starts).
    const script = `
      const knex = require("knex")({ client: "pg" })
      const due = new Date(${JSON.stringify(due)})
      console.log(JSON.stringify([knex.raw("?", [due]).toQuery(), knex.raw("?::timestamptz", [process.argv[1]]).toQuery()]))`
    const [asDate, asInstant] = JSON.parse(
      execFileSync(process.execPath, ["-e", script, sqlInstant(new Date(due))], { env: { ...process.env, TZ: "America/New_York" } }).toString()
    )
    // A Date: New York's wall-clock time with no offset, 5 hours off once PostgreSQL reads it as UTC.
    expect(asDate).toBe("'2026-03-01 00:00:00.000'")
    expect(asInstant).toBe(`'${due}'::timestamptz`)
    expect(sqlInstant(new Date(due))).toBe(due)
  })
})
