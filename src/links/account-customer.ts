import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import TradeCreditModule from "../modules/trade-credit"

/** A personal account's holder, readable with `customer.*` in query. */
export default defineLink(
  {
    linkable: TradeCreditModule.linkable.tradeCreditAccount,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
