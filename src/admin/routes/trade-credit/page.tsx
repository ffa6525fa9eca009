import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { AccountsOverview } from "../../components/accounts-overview"
import { ReceivablesOverview } from "../../components/receivables-overview"
import { ReviewQueue } from "../../components/review-queue"

/** "Trade credit" in the sidebar: held orders to decide, the debtors report, and every credit account. */
const TradeCreditPage = () => (
  <div className="flex flex-col gap-y-3">
    <ReviewQueue />
    <ReceivablesOverview />
    <AccountsOverview />
  </div>
)

export const config = defineRouteConfig({
  label: "Trade credit",
  icon: CreditCard,
})

export default TradeCreditPage
