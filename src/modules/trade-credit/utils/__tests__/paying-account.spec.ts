import { choosePayingAccount, mayUseAccount, usableAccountFilter } from "../paying-account"

const personal = { id: "tca_own", customer_id: "cus_1", customer_group_id: null }
const company = { id: "tca_company", customer_id: null, customer_group_id: "cusgroup_1" }
const other = { id: "tca_company_2", customer_id: null, customer_group_id: "cusgroup_2" }

describe("which account pays for a customer", () => {
  it("is the company account first, else the personal one", () => {
    expect(choosePayingAccount([personal, company, other])).toBe(company)
    expect(choosePayingAccount([personal])).toBe(personal)
    expect(choosePayingAccount([])).toBeNull()
  })

  it("is a requested account only among those the customer may use", () => {
    expect(choosePayingAccount([personal, company], "tca_own")).toBe(personal)
    expect(choosePayingAccount([personal, company], "tca_stranger")).toBeNull()
  })

  it("uses the customer's own accounts and their groups'", () => {
    expect(usableAccountFilter("cus_1")).toEqual({ $or: [{ customer_id: "cus_1" }] })
    expect(usableAccountFilter("cus_1", ["cusgroup_1"])).toEqual({
      $or: [{ customer_id: "cus_1" }, { customer_group_id: ["cusgroup_1"] }],
    })
  })

  it("tests one account by the same rule as the filter", () => {
    // The filter, applied by hand: an account matches one of its $or clauses.
    const matches = (account: typeof personal, filter: ReturnType<typeof usableAccountFilter>) =>
      filter.$or.some((clause) =>
        Object.entries(clause).every(([field, wanted]) => {
          const value = (account as Record<string, unknown>)[field]
          return Array.isArray(wanted) ? wanted.includes(value) : value === wanted
        })
      )
    const customers = ["cus_1", "cus_2"]
    const groupLists = [[], ["cusgroup_1"], ["cusgroup_2"], ["cusgroup_1", "cusgroup_2"]]
    for (const account of [personal, company, other]) {
      for (const customer of customers) {
        for (const groups of groupLists) {
          expect(mayUseAccount(account, customer, groups)).toBe(matches(account, usableAccountFilter(customer, groups)))
        }
      }
    }
    expect(mayUseAccount(company, "cus_1", ["cusgroup_1"])).toBe(true)
    expect(mayUseAccount(company, "cus_1", [])).toBe(false)
    expect(mayUseAccount(personal, "cus_2", ["cusgroup_1"])).toBe(false)
  })
})
