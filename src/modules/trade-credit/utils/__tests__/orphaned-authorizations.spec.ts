import { normalizeOrphanedAuthorizationTtl, orphanReleaseComment } from "../orphaned-authorizations"

describe("orphanedAuthorizationTtlMinutes", () => {
  it("defaults to an hour and takes whole minutes from 5 to 30 days", () => {
    expect(normalizeOrphanedAuthorizationTtl(undefined)).toBe(60)
    expect(normalizeOrphanedAuthorizationTtl(null)).toBe(60)
    expect(normalizeOrphanedAuthorizationTtl(5)).toBe(5)
    expect(normalizeOrphanedAuthorizationTtl(43200)).toBe(43200)
  })

  it("refuses anything else, naming the option", () => {
    for (const bad of [4, 0, -60, 1.5, 43201, "60", true, {}]) {
      expect(() => normalizeOrphanedAuthorizationTtl(bad)).toThrow(
        `Trade credit: option "orphanedAuthorizationTtlMinutes" must be a whole number of minutes from 5 to 43200, got ${JSON.stringify(bad)}.`
      )
    }
  })

  it("says why the credit came back", () => {
    expect(orphanReleaseComment(60)).toBe("Released: the checkout was authorized on account but did not become an order within 60 minutes")
  })
})
