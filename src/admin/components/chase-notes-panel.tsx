import { Plus } from "@medusajs/icons"
import { Badge, Button, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useChaseNotes, useCreateChaseNote } from "../hooks/chase-notes"
import { useFormat } from "../hooks/use-format"
import { errorMessage } from "../lib/errors"
import { actorLabel, holderName } from "../lib/format"
import { chaseNoteSchema, type ChaseNoteForm } from "../lib/form-schemas"
import type { TradeCreditAccount } from "../lib/types"
import { FormDrawer, useDrawerForm } from "./form-drawer"
import { FormField } from "./form-field"
import { TextField } from "./form-fields"

/** Notes shown before "Show all". */
const FIRST_NOTES = 3

/** Today in the admin's calendar, `YYYY-MM-DD`. */
const today = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/** Whether a next chase is due: its day is today or earlier (in the admin's calendar). */
const isDue = (nextChaseAt: string | null) => {
  if (!nextChaseAt) {
    return false
  }
  const d = new Date(nextChaseAt)
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
  return day <= today()
}

/** "Add note": what was said or agreed with the buyer, and when to chase again. */
const AddChaseNoteDrawer = ({
  account,
  open,
  onOpenChange,
}: {
  account: TradeCreditAccount
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const create = useCreateChaseNote(account.id)
  const form = useDrawerForm<ChaseNoteForm>({
    open,
    schema: chaseNoteSchema,
    defaultValues: () => ({ body: "", next_chase_at: "" }),
    onOpen: create.reset,
  })
  const dayError = form.formState.errors.next_chase_at?.message ?? null
  const onSubmit = (values: ChaseNoteForm) =>
    create.mutate(
      { body: values.body.trim(), next_chase_at: values.next_chase_at || null },
      {
        onSuccess: () => {
          toast.success("Chase note added")
          onOpenChange(false)
        },
      }
    )
  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Add chase note"
      description={`What ${holderName(account.holder)} said or promised. The account shows it as last chased today, and when to chase next.`}
      form={form}
      onSubmit={onSubmit}
      submitLabel="Add note"
      mutation={create}
    >
      <TextField form={form} name="body" id="tc-chase-note-body" label="Note" multiline autoFocus />
      <FormField
        id="tc-chase-note-next"
        label="Next chase"
        optional
        error={dayError}
        hint="The day to chase again; the account is then listed under “Due for a chase”. Empty: no next chase."
      >
        <Input id="tc-chase-note-next" type="date" aria-invalid={Boolean(dayError) || undefined} {...form.register("next_chase_at")} />
      </FormField>
    </FormDrawer>
  )
}

/** Credit control on the account: last chased, next chase, the notes newest first, and "Add note". */
export const ChaseNotesPanel = ({ account }: { account: TradeCreditAccount }) => {
  const fmt = useFormat()
  const [adding, setAdding] = useState(false)
  const [showAll, setShowAll] = useState(false)
  const notes = useChaseNotes(account.id)
  const list = notes.data?.chase_notes ?? []
  const shown = showAll ? list : list.slice(0, FIRST_NOTES)
  const due = isDue(account.next_chase_at)

  return (
    <section className="flex flex-col gap-y-3 px-6 py-4" aria-label="Credit control">
      <div className="flex items-center justify-between gap-x-4">
        <Heading level="h3">Credit control</Heading>
        <Button size="small" variant="secondary" onClick={() => setAdding(true)}>
          <Plus />
          Add note
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-x-6">
        <div className="flex flex-col">
          <Text size="xsmall" className="text-ui-fg-subtle">
            Last chased
          </Text>
          <Text size="small" data-testid="last-chased">
            {account.last_chased_at ? fmt.date(account.last_chased_at) : "Never"}
          </Text>
        </div>
        <div className="flex flex-col">
          <Text size="xsmall" className="text-ui-fg-subtle">
            Next chase
          </Text>
          <Text size="small" className="flex items-center gap-x-2" data-testid="next-chase">
            {account.next_chase_at ? fmt.date(account.next_chase_at) : "Not planned"}
            {due && (
              <Badge size="2xsmall" color="orange">
                Due
              </Badge>
            )}
          </Text>
        </div>
      </div>
      {notes.isError ? (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(notes.error)}
        </Text>
      ) : list.length === 0 ? (
        notes.isLoading ? null : (
          <Text size="small" className="text-ui-fg-subtle">
            No chase notes yet.
          </Text>
        )
      ) : (
        <ul className="divide-y rounded-lg border" aria-label="Chase notes">
          {shown.map((note) => (
            <li key={note.id} className="flex flex-col gap-y-1 px-3 py-2" data-testid="chase-note">
              <Text size="small" className="whitespace-pre-wrap break-words">
                {note.body}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {actorLabel(note.actor)} · {fmt.dateTime(note.created_at)}
                {note.next_chase_at && ` · next chase ${fmt.date(note.next_chase_at)}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {list.length > FIRST_NOTES && (
        <div>
          <Button size="small" variant="transparent" onClick={() => setShowAll(!showAll)}>
            {showAll ? "Show fewer" : `Show all ${list.length} notes`}
          </Button>
        </div>
      )}
      <AddChaseNoteDrawer account={account} open={adding} onOpenChange={setAdding} />
    </section>
  )
}
