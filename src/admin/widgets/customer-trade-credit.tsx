import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { GroupAccountsNotice } from "../components/group-accounts-notice"
import { HolderCreditSection } from "../components/holder-credit-section"
import { CustomerOrderRefunds } from "../components/customer-order-refunds"
import { useCompanyAccountsOf } from "../hooks/customer-groups"

/** Customer page: the customer's own credit account(s), and their companies' accounts. */
const CustomerTradeCreditWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const company = useCompanyAccountsOf(customer?.id ?? "")
  if (!customer?.id) {
    return null
  }
  const name =
    [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email
  const buysOnCompanyAccount = company.accounts.length > 0
  return (
    <div className="flex flex-col gap-y-3">
      {!company.isLoading && !company.isError && (
        <GroupAccountsNotice groups={company.groups} accounts={company.accounts} />
      )}
      <HolderCreditSection holder={{ type: "customer", id: customer.id, name }} compactEmpty={buysOnCompanyAccount} />
      <CustomerOrderRefunds customerId={customer.id} />
    </div>
  )
}

// `customer.details` is the 2.17.2+ name of the zone (`customer.details.after` still renders, deprecated).
export const config = defineWidgetConfig({
  zone: "customer.details",
  id: "trade-credit:customer-account",
})

export default CustomerTradeCreditWidget
