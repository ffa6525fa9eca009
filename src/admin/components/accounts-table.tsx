import { Badge, Skeleton, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { HOLDER_TYPE_LABELS, formatTerms, holderName, holderPath } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { Money } from "./money"

const HEADERS = [
  { label: "Holder" },
  { label: "Status" },
  { label: "Outstanding balance", right: true },
  { label: "Available credit", right: true },
  { label: "Credit limit", right: true },
  { label: "Reserved", right: true },
  { label: "Terms" },
]

type AccountsTableProps = {
  accounts: TradeCreditAccount[]
  isLoading: boolean
  emptyText: string
}

/** All accounts; a row opens the customer or customer group page where the account is managed. */
export const AccountsTable = ({ accounts, isLoading, emptyText }: AccountsTableProps) => {
  const navigate = useNavigate()
  return (
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            {HEADERS.map((h) => (
              <Table.HeaderCell key={h.label} className={h.right ? "whitespace-nowrap text-right" : "whitespace-nowrap"}>
                {h.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {isLoading &&
            !accounts.length &&
            Array.from({ length: 5 }).map((_, i) => (
              <Table.Row key={i}>
                {HEADERS.map((h) => (
                  <Table.Cell key={h.label}>
                    <Skeleton className="h-4 w-20" />
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          {accounts.map((account) => {
            const c = account.currency_code
            const path = holderPath(account.holder)
            return (
              <Table.Row
                key={account.id}
                className="cursor-pointer"
                onClick={() => navigate(path)}
                onKeyDown={(e) => e.key === "Enter" && navigate(path)}
                tabIndex={0}
                role="link"
                aria-label={`Open ${holderName(account.holder)}`}
              >
                <Table.Cell className="max-w-[280px]">
                  <div className="flex min-w-0 flex-col py-2">
                    <span className="text-ui-fg-base truncate">{holderName(account.holder)}</span>
                    <span className="flex items-center gap-x-1.5">
                      <Badge size="2xsmall" color={account.holder.type === "customer" ? "grey" : "blue"}>
                        {HOLDER_TYPE_LABELS[account.holder.type]}
                      </Badge>
                      {account.holder.email && (
                        <Text size="xsmall" className="text-ui-fg-muted truncate">
                          {account.holder.email}
                        </Text>
                      )}
                    </span>
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <AccountStatusBadge status={account.status} />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={account.balance} currency={c} variant="balance" />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={account.available_credit} currency={c} variant="balance" />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={account.credit_limit} currency={c} />
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Money amount={account.reserved} currency={c} />
                </Table.Cell>
                <Table.Cell className="min-w-[120px] py-2 leading-tight">{formatTerms(account.payment_terms)}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {!isLoading && !accounts.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-10 text-center">
          {emptyText}
        </Text>
      )}
    </div>
  )
}
