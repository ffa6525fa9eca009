import { ArrowsPointingOut } from "@medusajs/icons"
import { FocusModal, Heading, IconButton, Tooltip } from "@medusajs/ui"
import { useState } from "react"
import { LEDGER_OPERATIONS, OPERATION_LABELS } from "../lib/format"
import type { LedgerEntry, LedgerOperation } from "../lib/types"
import { CreditHistoryGrid } from "./credit-history-grid"
import { EditReimbursementDrawer } from "./edit-reimbursement-drawer"
import { ChoiceSelect, type Choice } from "./choice-select"

const OPERATION_CHOICES: Choice<LedgerOperation>[] = LEDGER_OPERATIONS.map((op) => ({
  value: op,
  label: OPERATION_LABELS[op],
}))

/**
 * The account's credit history (the activity grid), newest first.
 * In a narrow page column the grid scrolls sideways; "expand" shows it full width.
 */
export const CreditHistory = ({ accountId, title }: { accountId: string; title: string }) => {
  const [operation, setOperation] = useState<LedgerOperation | undefined>()
  const [editing, setEditing] = useState<LedgerEntry | null>(null)
  const [expanded, setExpanded] = useState(false)
  const filter = (
    <ChoiceSelect
      size="small"
      className="w-[160px]"
      aria-label="Filter by operation"
      value={operation}
      choices={OPERATION_CHOICES}
      none="All operations"
      onChange={(op) => setOperation(op ?? undefined)}
    />
  )

  return (
    <div className="flex flex-col">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h3">Credit history</Heading>
        <div className="flex items-center gap-x-2">
          {filter}
          <Tooltip content="Show full width">
            <IconButton size="small" variant="transparent" aria-label="Show credit history full width" onClick={() => setExpanded(true)}>
              <ArrowsPointingOut />
            </IconButton>
          </Tooltip>
        </div>
      </div>
      {!expanded && <CreditHistoryGrid accountId={accountId} operation={operation} onEdit={setEditing} />}
      <FocusModal open={expanded} onOpenChange={setExpanded}>
        <FocusModal.Content>
          <FocusModal.Header>
            <div className="flex w-full items-center justify-between gap-x-4 pr-2">
              <FocusModal.Title asChild>
                <Heading level="h2">Credit history · {title}</Heading>
              </FocusModal.Title>
              {filter}
            </div>
          </FocusModal.Header>
          <FocusModal.Description className="sr-only">Every entry of this credit account, newest first.</FocusModal.Description>
          <FocusModal.Body className="overflow-y-auto">
            <CreditHistoryGrid accountId={accountId} operation={operation} onEdit={setEditing} />
          </FocusModal.Body>
        </FocusModal.Content>
      </FocusModal>
      <EditReimbursementDrawer accountId={accountId} entry={editing} onClose={() => setEditing(null)} />
    </div>
  )
}
