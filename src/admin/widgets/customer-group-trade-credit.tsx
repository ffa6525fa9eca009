import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomerGroup, DetailWidgetProps } from "@medusajs/framework/types"
import { HolderCreditSection } from "../components/holder-credit-section"

/** Customer group (company) page: the company's credit account(s). */
const CustomerGroupTradeCreditWidget = ({ data: group }: DetailWidgetProps<AdminCustomerGroup>) => {
  if (!group?.id) {
    return null
  }
  return <HolderCreditSection holder={{ type: "customer_group", id: group.id, name: group.name ?? group.id }} />
}

// `customer_group.details` is the 2.17.2+ name of the zone (`.after` still renders, deprecated).
export const config = defineWidgetConfig({
  zone: "customer_group.details",
  id: "trade-credit:customer-group-account",
})

export default CustomerGroupTradeCreditWidget
