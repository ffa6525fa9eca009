import { Badge, Button, Table, Text } from "@medusajs/ui"
import { actorLabel, formatDate, formatDateTime, formatSignedMoney } from "../lib/format"
import type { LedgerEntry } from "../lib/types"
import { EntryComment } from "./entry-comment"
import { EntryEdits } from "./entry-edits"
import { Money } from "./money"
import { OperationBadge } from "./operation-badge"

type CreditHistoryRowProps = {
  entry: LedgerEntry
  onEdit: (entry: LedgerEntry) => void
}

export const CreditHistoryRow = ({ entry, onEdit }: CreditHistoryRowProps) => {
  const c = entry.currency_code
  const reservedMoved = Number(entry.reserved_delta) !== 0
  return (
    <Table.Row className="[&_td]:align-top [&_td]:py-2.5">
      <Table.Cell className="whitespace-nowrap">
        <span title={formatDateTime(entry.created_at)} className="cursor-default underline decoration-dotted underline-offset-2">
          {formatDate(entry.created_at)}
        </span>
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-col items-start gap-y-1">
          <OperationBadge operation={entry.operation} />
          {entry.over_limit && (
            <Badge size="2xsmall" color="red" className="whitespace-nowrap">
              Over limit
            </Badge>
          )}
        </div>
      </Table.Cell>
      <Table.Cell className="text-right">
        {Number(entry.amount) !== 0 ? (
          <Money amount={entry.amount} currency={c} variant="signed" />
        ) : (
          !reservedMoved && <span className="text-ui-fg-muted">–</span>
        )}
        {reservedMoved && (
          <Text size="xsmall" className="text-ui-fg-muted whitespace-nowrap">
            Reserved {formatSignedMoney(entry.reserved_delta, c)}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell className="text-right">
        <Money amount={entry.balance_after} currency={c} variant="balance" />
      </Table.Cell>
      <Table.Cell className="text-right">
        <Money amount={entry.available_credit_after} currency={c} variant="balance" />
      </Table.Cell>
      <Table.Cell className="text-right">
        <Money amount={entry.credit_limit_after} currency={c} />
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{actorLabel(entry.actor)}</Table.Cell>
      <Table.Cell className="max-w-[220px] truncate" title={entry.reference ?? undefined}>
        {entry.reference || <span className="text-ui-fg-muted">–</span>}
      </Table.Cell>
      <Table.Cell>
        <EntryComment entry={entry} />
        <EntryEdits edits={entry.edits} />
      </Table.Cell>
      <Table.Cell className="text-right">
        {entry.operation === "reimbursed" && (
          <Button size="small" variant="transparent" type="button" onClick={() => onEdit(entry)}>
            Edit
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  )
}
