import { DataTable, Text, createDataTableColumnHelper, useDataTable, type DataTableColumnDef } from "@medusajs/ui"
import type { MouseEvent } from "react"
import type { Amount } from "../lib/types"
import { Money, type MoneyVariant } from "./money"

type ListTableProps<TData> = {
  data: TData[]
  columns: DataTableColumnDef<TData, any>[]
  getRowId: (row: TData) => string
  isLoading: boolean
  /** Said instead of the table when there are no rows. */
  emptyText: string
  onRowClick?: (event: MouseEvent<HTMLTableRowElement>, row: TData) => void
  /** Server-side pages: the pager shows when there is more than one. */
  paging?: { count: number; pageSize: number; pageIndex: number; onPageChange: (pageIndex: number) => void }
}

/**
 * The dashboard's DataTable over rows that the API filters and pages: the
 * columns, a skeleton while loading, one line of text when empty.
 */
export function ListTable<TData>({
  data,
  columns,
  getRowId,
  isLoading,
  emptyText,
  onRowClick,
  paging,
}: ListTableProps<TData>) {
  const table = useDataTable<TData>({
    data,
    columns,
    getRowId,
    isLoading,
    onRowClick,
    rowCount: paging?.count ?? data.length,
    pagination: paging && {
      state: { pageIndex: paging.pageIndex, pageSize: paging.pageSize },
      onPaginationChange: (state) => paging.onPageChange(state.pageIndex),
    },
  })
  if (!isLoading && data.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-10 text-center">
        {emptyText}
      </Text>
    )
  }
  return (
    <DataTable instance={table}>
      <DataTable.Table />
      {paging && paging.count > paging.pageSize && <DataTable.Pagination />}
    </DataTable>
  )
}

/** A right-aligned amount column, for rows that carry their currency. */
export function moneyColumn<TData extends { currency_code: string }>(
  key: keyof TData & string,
  header: string,
  variant: MoneyVariant = "plain",
  className?: string
) {
  return createDataTableColumnHelper<TData>().accessor((row) => row[key], {
    id: key,
    header,
    align: "right",
    truncateTooltip: false,
    cell: ({ row }) => (
      <Money
        amount={row.original[key] as Amount}
        currency={row.original.currency_code}
        variant={variant}
        className={className}
      />
    ),
  })
}
