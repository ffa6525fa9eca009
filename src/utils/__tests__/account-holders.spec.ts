import { holderWithContact } from "../account-holders"

describe("holderWithContact: who to write to about an account", () => {
  it("a customer's account: the customer, by name, with their own e-mail", () => {
    const account = {
      customer_id: "cus_1",
      customer: { first_name: "Anna", last_name: "Peeters", email: "anna@example.com" },
    }
    expect(holderWithContact(account)).toEqual({ type: "customer", id: "cus_1", name: "Anna Peeters", email: "anna@example.com" })
  })

  it("a company's account: the buyer who joined first, by e-mail when two joined at the same moment", () => {
    const account = {
      customer_group_id: "cusgroup_1",
      customer_group: {
        name: "Antwerp Tiles & Stone",
        customers: [
          { email: "zoe@antwerp.example.com", created_at: "2026-03-01T10:00:00Z" },
          { email: "bert@antwerp.example.com", created_at: "2026-01-05T09:00:00Z" },
          { email: "anna@antwerp.example.com", created_at: "2026-01-05T09:00:00Z" },
        ],
      },
    }
    expect(holderWithContact(account)).toEqual({
      type: "customer_group",
      id: "cusgroup_1",
      name: "Antwerp Tiles & Stone",
      email: "anna@antwerp.example.com",
    })
  })

  it("a company without buyers has no contact e-mail", () => {
    const account = { customer_group_id: "cusgroup_2", customer_group: { name: "Empty Ltd", customers: [] } }
    expect(holderWithContact(account).email).toBeNull()
  })
})
