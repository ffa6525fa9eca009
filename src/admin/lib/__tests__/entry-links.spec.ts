import { entryPath, linkedEntry } from "../format"

describe("links to a ledger entry", () => {
  it("open the holder's page with the account and the entry in the hash", () => {
    const entry = { id: "tcle_01KABC", account_id: "tcacc_01KXYZ" }
    expect(entryPath({ type: "customer", id: "cus_01K1" }, entry)).toBe("/customers/cus_01K1#trade-credit-entry-tcacc_01KXYZ-tcle_01KABC")
    expect(entryPath({ type: "customer_group", id: "cusgroup_01K2" }, entry)).toBe(
      "/customer-groups/cusgroup_01K2#trade-credit-entry-tcacc_01KXYZ-tcle_01KABC"
    )
  })

  it("are read back from the page's hash", () => {
    const path = entryPath({ type: "customer", id: "cus_1" }, { id: "tcle_01KABC", account_id: "tcacc_01KXYZ" })
    expect(linkedEntry(path.slice(path.indexOf("#")))).toEqual({ account_id: "tcacc_01KXYZ", entry_id: "tcle_01KABC" })
  })

  it("any other hash links to no entry", () => {
    for (const hash of ["", "#", "#trade-credit-entry-tcle_01KABC", "#orders", "#trade-credit-entry-tcacc_1-tcle_2-x"]) {
      expect(linkedEntry(hash)).toBeNull()
    }
  })
})
