import { Buildings } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { holderPath } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { Money } from "./money"

type GroupAccountsNoticeProps = {
  groups: { id: string; name: string }[]
  accounts: TradeCreditAccount[]
}

/**
 * On a customer's page: the company accounts of the groups the customer
 * belongs to, linking to the group where they are managed.
 */
export const GroupAccountsNotice = ({ groups, accounts }: GroupAccountsNoticeProps) => {
  if (!groups.length) {
    return null
  }
  const groupsWithout = groups.filter((g) => !accounts.some((a) => a.customer_group_id === g.id))
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center gap-x-2 px-6 py-4">
        <Buildings className="text-ui-fg-subtle" />
        <Heading level="h2">Company credit</Heading>
      </div>
      {accounts.length > 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          This customer can buy on their company's account. Its limit, payments and history are managed on the customer
          group.
        </Text>
      )}
      {accounts.map((account) => (
        <div key={account.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-6 py-3">
          <div className="flex min-w-0 items-center gap-x-2">
            <Link
              to={holderPath(account.holder)}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus truncate"
            >
              {account.holder.name ?? account.customer_group_id}
            </Link>
            <AccountStatusBadge status={account.status} />
          </div>
          <div className="txt-compact-small flex items-center gap-x-4">
            <span className="text-ui-fg-subtle">
              Balance <Money amount={account.balance} currency={account.currency_code} variant="balance" />
            </span>
            <span className="text-ui-fg-subtle">
              Available <Money amount={account.available_credit} currency={account.currency_code} variant="balance" />
            </span>
          </div>
        </div>
      ))}
      {groupsWithout.length > 0 && (
        <Text size="small" className="text-ui-fg-muted px-6 py-3">
          No company account yet for{" "}
          {groupsWithout.map((g, i) => (
            <span key={g.id}>
              {i > 0 && ", "}
              <Link to={holderPath({ type: "customer_group", id: g.id })} className="text-ui-fg-interactive">
                {g.name}
              </Link>
            </span>
          ))}
          .
        </Text>
      )}
    </Container>
  )
}
