import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders, buyer, failure } from "../helpers/fixtures"
import { storefront } from "../helpers/checkout"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(180_000)

/**
 * The customer balance at checkout (README, "Customer balance at checkout"):
 * a logged-in customer's positive balance on their personal account pays
 * their next orders through a `trade-credit` cart credit line.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    /** The storefront, an admin, and a buyer whose personal EUR account holds `balance` (0: no account). */
    const setup = async (email: string, balance: number) => {
      const container: MedusaContainer = getContainer()
      const admin = await adminHeaders(api, container)
      const shop = await storefront(container)
      const person = await buyer(api, container, shop.pk, email)
      let account: any = null
      if (balance > 0) {
        account = await client.openAccount(api, admin.headers, { customer_id: person.customer.id })
        await client.reimburse(api, admin.headers, account.id, { amount: balance, reference: "Prepayment" })
      }
      return { container, admin, shop, buyer: person, account }
    }

    describe("GET /store/trade-credit/balance", () => {
      it("answers the logged-in customer's spendable balance of their personal account, 0 without one, and 401 to guests", async () => {
        const { shop, buyer: ann, account } = await setup("ann@balance.example", 120)
        expect(await client.myBalance(api, ann.headers, "EUR")).toEqual({ currency_code: "eur", amount: 120, account_id: account.id })
        expect(await client.myBalance(api, ann.headers, "usd")).toEqual({ currency_code: "usd", amount: 0, account_id: null })

        const container = getContainer()
        const bob = await buyer(api, container, shop.pk, "bob@balance.example")
        expect(await client.myBalance(api, bob.headers)).toEqual({ currency_code: "eur", amount: 0, account_id: null })

        const guest = await failure(api.get("/store/trade-credit/balance?currency_code=eur", { headers: { "x-publishable-api-key": shop.pk } }))
        expect(guest.status).toBe(401)
        const missing = await failure(api.get("/store/trade-credit/balance", { headers: ann.headers }))
        expect(missing.status).toBe(400)
        const unknown = await failure(api.get("/store/trade-credit/balance?currency_code=xyz", { headers: ann.headers }))
        expect(unknown.status).toBe(400)
      })
    })
  },
})
