import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import TradeCreditModule from "../modules/trade-credit"

/** A company account's holder, readable with `customer_group.*` in query. */
export default defineLink(
  {
    linkable: TradeCreditModule.linkable.tradeCreditAccount,
    field: "customer_group_id",
  },
  CustomerModule.linkable.customerGroup,
  { readOnly: true }
)
