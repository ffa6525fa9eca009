import type { TradeCreditAccount } from "../../lib/types"
import { payingAccountCandidates } from "../paying-accounts"

const account = (id: string, created_at: string, customer_group_id: string | null) =>
  ({ id, created_at, customer_group_id, customer_id: customer_group_id ? null : "cus_1" }) as TradeCreditAccount

describe("the order panel names the paying account as the checkout picks it", () => {
  it("puts the company accounts first, then the customer's own, the oldest first in each", () => {
    const own = [account("own_new", "2026-03-01T00:00:00Z", null), account("own_old", "2026-01-01T00:00:00Z", null)]
    const company = [
      account("company_new", "2026-02-01T00:00:00Z", "cg_2"),
      account("company_old", "2026-01-15T00:00:00Z", "cg_1"),
    ]
    expect(payingAccountCandidates(company, own).map((a) => a.id)).toEqual([
      "company_old",
      "company_new",
      "own_old",
      "own_new",
    ])
  })

  it("is the customer's own account when no company of theirs has one", () => {
    const own = [account("own", "2026-01-01T00:00:00Z", null)]
    expect(payingAccountCandidates([], own).map((a) => a.id)).toEqual(["own"])
  })

  it("leaves the lists it is given as they were", () => {
    const own = [account("b", "2026-02-01T00:00:00Z", null), account("a", "2026-01-01T00:00:00Z", null)]
    payingAccountCandidates([], own)
    expect(own.map((a) => a.id)).toEqual(["b", "a"])
  })
})
