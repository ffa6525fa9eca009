import { toast } from "@medusajs/ui"
import { useUpdateReimbursement } from "../hooks/reimbursements"
import { useFormat } from "../hooks/use-format"
import { optionalText, reimbursementNotesSchema, type ReimbursementNotesForm } from "../lib/form-schemas"
import type { LedgerEntry } from "../lib/types"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { TextField } from "./form-fields"

type EditReimbursementDrawerProps = {
  accountId: string
  entry: LedgerEntry | null
  onClose: () => void
}

/** Edit the reference and comment of a reimbursement; its amount stays (correct it with a new entry). */
export const EditReimbursementDrawer = ({ accountId, entry, onClose }: EditReimbursementDrawerProps) => {
  const fmt = useFormat()
  const edit = useUpdateReimbursement(accountId)
  const form = useDrawerForm<ReimbursementNotesForm>({
    open: Boolean(entry),
    schema: reimbursementNotesSchema,
    defaultValues: () => ({ reference: entry?.reference ?? "", comment: entry?.comment ?? "" }),
    onOpen: edit.reset,
  })

  const onSubmit = (values: ReimbursementNotesForm) => {
    if (!entry) {
      return
    }
    edit.mutate(
      { entryId: entry.id, body: { reference: optionalText(values.reference), comment: optionalText(values.comment) } },
      {
        onSuccess: () => {
          toast.success("Reimbursement updated")
          onClose()
        },
      }
    )
  }

  return (
    <FormDrawer
      open={Boolean(entry)}
      onOpenChange={(open) => !open && onClose()}
      title="Edit reimbursement"
      description={
        <>
          {entry ? `${fmt.signedMoney(entry.amount, entry.currency_code)} on ${fmt.dateTime(entry.created_at)}. ` : ""}
          The amount can't be changed: record a new reimbursement (negative to take one back) instead.
        </>
      }
      form={form}
      onSubmit={onSubmit}
      submitLabel="Save"
      mutation={edit}
    >
      <TextField form={form} name="reference" id="tc-edit-reimb-reference" label="Custom reference number" optional autoFocus />
      <TextField form={form} name="comment" id="tc-edit-reimb-comment" label="Comment" optional multiline />
    </FormDrawer>
  )
}
