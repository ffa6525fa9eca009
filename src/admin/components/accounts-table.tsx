import { Badge, Text, createDataTableColumnHelper } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import { HOLDER_TYPE_LABELS, formatTerms, holderName, holderPath } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountStatusBadge } from "./account-status-badge"
import { ListTable, moneyColumn } from "./list-table"

const column = createDataTableColumnHelper<TradeCreditAccount>()

const COLUMNS = [
  column.accessor((a) => holderName(a.holder), {
    id: "holder",
    header: "Holder",
    truncateTooltip: false,
    cell: ({ row: { original: account } }) => (
      <div className="flex min-w-0 max-w-[280px] flex-col py-2">
        {/* The holder's page, where the account is managed; the whole row opens it too. */}
        <Link
          to={holderPath(account.holder)}
          aria-label={`Open ${holderName(account.holder)}`}
          className="text-ui-fg-base truncate outline-none focus-visible:underline"
          onClick={(e) => e.stopPropagation()}
        >
          {holderName(account.holder)}
        </Link>
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
    ),
  }),
  column.accessor("status", {
    header: "Status",
    truncateTooltip: false,
    cell: ({ row }) => <AccountStatusBadge status={row.original.status} />,
  }),
  moneyColumn<TradeCreditAccount>("balance", "Outstanding balance", "balance"),
  moneyColumn<TradeCreditAccount>("available_credit", "Available credit", "balance"),
  moneyColumn<TradeCreditAccount>("credit_limit", "Credit limit"),
  moneyColumn<TradeCreditAccount>("reserved", "Reserved"),
  column.accessor((a) => formatTerms(a.payment_terms), { id: "terms", header: "Terms" }),
]

type AccountsTableProps = {
  accounts: TradeCreditAccount[]
  isLoading: boolean
  emptyText: string
  paging: { count: number; pageSize: number; pageIndex: number; onPageChange: (pageIndex: number) => void }
}

/** All accounts; a row opens the customer or customer group page where the account is managed. */
export const AccountsTable = ({ accounts, isLoading, emptyText, paging }: AccountsTableProps) => {
  const navigate = useNavigate()
  return (
    <ListTable
      data={accounts}
      columns={COLUMNS}
      getRowId={(a) => a.id}
      isLoading={isLoading}
      emptyText={emptyText}
      onRowClick={(_e, account) => navigate(holderPath(account.holder))}
      paging={paging}
    />
  )
}
