import { Text } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"
import { actorLabel } from "../lib/format"
import type { EntryEdit } from "../lib/types"

const NOTE_LABELS = { reference: "reference", comment: "comment" } as const

/** "Edited by X on DATE: reference A → B", one line per correction of a reimbursement, newest first. */
export const EntryEdits = ({ edits }: { edits: EntryEdit[] | undefined }) => {
  const fmt = useFormat()
  if (!edits?.length) {
    return null
  }
  return (
    <div className="mt-1 flex flex-col gap-y-0.5">
      {edits.map((edit, i) => {
        const changes = (Object.keys(NOTE_LABELS) as (keyof typeof NOTE_LABELS)[])
          .filter((field) => edit.changes[field])
          .map((field) => `${NOTE_LABELS[field]} ${edit.changes[field]!.from || "–"} → ${edit.changes[field]!.to || "–"}`)
        return (
          <Text key={i} size="xsmall" className="text-ui-fg-muted" title={fmt.dateTime(edit.created_at)}>
            Edited by {actorLabel(edit.actor)} on {fmt.date(edit.created_at)}: {changes.join("; ")}
          </Text>
        )
      })}
    </div>
  )
}
