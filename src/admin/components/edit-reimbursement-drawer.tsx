import { Button, Drawer, Input, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { useUpdateReimbursement } from "../hooks/reimbursements"
import { formatDateTime, formatSignedMoney } from "../lib/format"
import type { LedgerEntry } from "../lib/types"
import { FormError } from "./form-error"
import { FormField } from "./form-field"

type EditReimbursementDrawerProps = {
  accountId: string
  entry: LedgerEntry | null
  onClose: () => void
}

/** Edit the reference and comment of a reimbursement; its amount stays (correct it with a new entry). */
export const EditReimbursementDrawer = ({ accountId, entry, onClose }: EditReimbursementDrawerProps) => {
  const [reference, setReference] = useState("")
  const [comment, setComment] = useState("")
  const edit = useUpdateReimbursement(accountId)

  useEffect(() => {
    if (entry) {
      setReference(entry.reference ?? "")
      setComment(entry.comment ?? "")
      edit.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry?.id])

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (!entry) {
      return
    }
    edit.mutate(
      { entryId: entry.id, body: { reference: reference.trim() || null, comment: comment.trim() || null } },
      {
        onSuccess: () => {
          toast.success("Reimbursement updated")
          onClose()
        },
      }
    )
  }

  return (
    <Drawer open={Boolean(entry)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Edit reimbursement</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              {entry
                ? `${formatSignedMoney(entry.amount, entry.currency_code)} on ${formatDateTime(entry.created_at)}. `
                : ""}
              The amount can't be changed: record a new reimbursement (negative to take one back) instead.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <FormField id="tc-edit-reimb-reference" label="Custom reference number" optional>
              <Input
                id="tc-edit-reimb-reference"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
                autoFocus
              />
            </FormField>
            <FormField id="tc-edit-reimb-comment" label="Comment" optional>
              <Textarea id="tc-edit-reimb-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            </FormField>
            <FormError error={edit.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={edit.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
