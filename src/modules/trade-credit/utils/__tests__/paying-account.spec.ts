import { choosePayingAccount, usableAccountFilter } from "../paying-account"

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
})
