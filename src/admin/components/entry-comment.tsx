import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ORDER_OPERATIONS, fieldLabel, formatChangeValue, orderPath } from "../lib/format"
import type { LedgerEntry } from "../lib/types"

/** The "Comment" cell: the order it belongs to, what changed, and the comment itself. */
export const EntryComment = ({ entry }: { entry: LedgerEntry }) => {
  const showOrder = entry.order_id && ORDER_OPERATIONS.includes(entry.operation)
  // Metadata is not for people: say that it changed, not how.
  const changes = Object.entries(entry.changes ?? {}).filter(([field]) => field !== "metadata")
  const metadataChanged = Boolean(entry.changes && "metadata" in entry.changes)
  if (!showOrder && !changes.length && !metadataChanged && !entry.comment) {
    return <span className="text-ui-fg-muted">–</span>
  }
  return (
    <div className="flex min-w-[180px] max-w-[260px] flex-col gap-y-0.5 whitespace-normal">
      {showOrder && (
        <Link
          to={orderPath(entry.order_id!)}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus w-fit"
        >
          Order #{entry.order_display_id ?? entry.order_id}
        </Link>
      )}
      {entry.operation === "allocated" && changes.length > 0 ? (
        // A new account: what it was opened with, on one line.
        <Text size="xsmall" className="text-ui-fg-subtle">
          {changes.map(([field, change]) => `${fieldLabel(field)} ${formatChangeValue(field, change?.to, entry.currency_code)}`).join(" · ")}
        </Text>
      ) : (
        changes.map(([field, change]) => (
          <Text key={field} size="xsmall" className="text-ui-fg-subtle">
            {fieldLabel(field)}: {formatChangeValue(field, change?.from, entry.currency_code)} →{" "}
            {formatChangeValue(field, change?.to, entry.currency_code)}
          </Text>
        ))
      )}
      {metadataChanged && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Metadata changed
        </Text>
      )}
      {entry.comment && (
        <Text size="small" className="break-words">
          {entry.comment}
        </Text>
      )}
    </div>
  )
}
