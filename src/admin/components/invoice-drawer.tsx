import { zodResolver } from "@hookform/resolvers/zod"
import { ArrowDownTray } from "@medusajs/icons"
import { Button, Drawer, Heading, StatusBadge, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, type ReactNode } from "react"
import { Controller, useForm } from "react-hook-form"
import { Link } from "react-router-dom"
import { useInvoice, useUpdateInvoice } from "../hooks/invoices"
import { useFormat } from "../hooks/use-format"
import { errorMessage } from "../lib/errors"
import { formatTerms, operationLabel, orderPath } from "../lib/format"
import { invoiceDisputeSchema, optionalText, type InvoiceDisputeForm } from "../lib/form-schemas"
import {
  ALLOCATION_KIND_LABELS,
  OWING_INVOICE_STATUSES,
  REMINDER_STATUS_COLORS,
  REMINDER_STATUS_LABELS,
  stageLabel,
} from "../lib/receivables-labels"
import type { AdminInvoice, InvoiceResponse } from "../lib/types"
import { DetailRow } from "./detail-row"
import { FormError } from "./form-error"
import { FormField } from "./form-field"
import { dayDate, InvoiceStatusBadge } from "./invoice-status-badge"
import { Money } from "./money"
import { SwitchField } from "./switch-field"

type Detail = InvoiceResponse["invoice"]

/** A titled list of the drawer (payments, reminders), or one line saying there is nothing yet. */
function DrawerList<T>({ title, items, empty, children }: { title: string; items: T[]; empty: string; children: (item: T) => ReactNode }) {
  return (
    <section className="flex flex-col gap-y-2" aria-label={title}>
      <Heading level="h3">{title}</Heading>
      {items.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {empty}
        </Text>
      ) : (
        <ul className="divide-y rounded-lg border">{items.map(children)}</ul>
      )}
    </section>
  )
}

/** Which payment paid what, and which credit note took what off, oldest first. */
const Allocations = ({ invoice }: { invoice: Detail }) => {
  const fmt = useFormat()
  return (
    <DrawerList title="Payments and credit notes" items={invoice.allocations} empty="Nothing paid or credited yet.">
      {(a) => (
        <li key={a.id} className="flex items-center justify-between gap-x-4 px-3 py-2" data-testid="invoice-allocation">
          <div className="flex min-w-0 flex-col">
            <Text size="small" weight="plus">
              {ALLOCATION_KIND_LABELS[a.kind] ?? a.kind}
              {a.operation && <span className="text-ui-fg-subtle font-normal"> · {operationLabel(a.operation)}</span>}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle truncate">
              {fmt.dateTime(a.created_at)}
              {a.reference && <span className="font-mono"> · {a.reference}</span>}
            </Text>
          </div>
          <Money amount={a.amount} currency={invoice.currency_code} className="txt-compact-small" />
        </li>
      )}
    </DrawerList>
  )
}

/** The reminder e-mails of this invoice: one per stage reached, sent or failed (retried on the next run). */
const Reminders = ({ invoice }: { invoice: Detail }) => {
  const fmt = useFormat()
  return (
    <DrawerList title="Reminders" items={invoice.reminders} empty="No reminder sent for this invoice yet.">
      {(r) => (
        <li key={r.id} className="flex flex-col gap-y-1 px-3 py-2" data-testid="invoice-reminder">
          <div className="flex items-center justify-between gap-x-4">
            <Text size="small" weight="plus">
              {stageLabel(r.stage)}
            </Text>
            <StatusBadge color={REMINDER_STATUS_COLORS[r.status] ?? "grey"}>{REMINDER_STATUS_LABELS[r.status] ?? r.status}</StatusBadge>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {fmt.dateTime(r.sent_at ?? r.created_at)}
            {r.recipients.length > 0 && ` · to ${r.recipients.join(", ")}`}
            {r.attempts > 1 && ` · ${r.attempts} attempts`}
          </Text>
          {r.last_error && (
            <Text size="xsmall" className="text-ui-fg-error">
              {r.last_error}
            </Text>
          )}
        </li>
      )}
    </DrawerList>
  )
}

/** Pause the invoice's reminders while it is disputed, and say why. */
const DisputeForm = ({ invoice }: { invoice: Detail }) => {
  // The toast goes with the hook: saving refreshes the invoice, which starts the form over.
  const update = useUpdateInvoice(invoice.id, { onSuccess: ({ invoice: saved }) => toast.success(`${saved.number} updated`) })
  const defaults = (): InvoiceDisputeForm => ({ reminders_paused: invoice.reminders_paused, dispute_note: invoice.dispute_note ?? "" })
  const form = useForm<InvoiceDisputeForm>({ resolver: zodResolver(invoiceDisputeSchema), defaultValues: defaults() })
  useEffect(() => {
    form.reset(defaults())
    // A different invoice, or its saved values: start over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invoice.id, invoice.reminders_paused, invoice.dispute_note])
  useEffect(() => {
    update.reset()
    // Another invoice: forget the last save's error.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invoice.id])
  const error = form.formState.errors.dispute_note?.message ?? null

  const onSubmit = (values: InvoiceDisputeForm) =>
    update.mutate({ reminders_paused: values.reminders_paused, dispute_note: optionalText(values.dispute_note) })

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} className="flex flex-col gap-y-4" noValidate aria-label="Dispute and reminders">
      <Heading level="h3">Dispute and reminders</Heading>
      <Controller
        control={form.control}
        name="reminders_paused"
        render={({ field }) => (
          <SwitchField
            id="tc-invoice-reminders-paused"
            label="Pause reminders"
            description="No reminder e-mails for this invoice, e.g. while it is disputed. The account's other invoices are still reminded."
            checked={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <FormField id="tc-invoice-dispute-note" label="Dispute note" optional error={error}>
        <Textarea id="tc-invoice-dispute-note" aria-invalid={Boolean(error) || undefined} {...form.register("dispute_note")} />
      </FormField>
      <FormError error={update.error} />
      <div className="flex justify-end">
        <Button size="small" variant="secondary" type="submit" isLoading={update.isPending} disabled={!form.formState.isDirty}>
          Save
        </Button>
      </div>
    </form>
  )
}

const InvoiceBody = ({ invoice }: { invoice: Detail }) => {
  const fmt = useFormat()
  const c = invoice.currency_code
  return (
    <>
      <div className="-mx-6 divide-y border-y">
        <DetailRow label="Status">
          <InvoiceStatusBadge invoice={invoice} />
        </DetailRow>
        <DetailRow label="Order">
          {invoice.order_id ? (
            <Link to={orderPath(invoice.order_id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              #{invoice.order_display_id ?? invoice.order_id}
            </Link>
          ) : (
            "–"
          )}
        </DetailRow>
        <DetailRow label="Amount">
          <Money amount={invoice.amount} currency={c} />
        </DetailRow>
        {invoice.amount_credited !== 0 && (
          <DetailRow label="Credited">
            <Money amount={invoice.amount_credited} currency={c} />
          </DetailRow>
        )}
        <DetailRow label="Paid">
          <Money amount={invoice.amount_paid} currency={c} />
        </DetailRow>
        <DetailRow label="Amount open">
          <Money amount={invoice.amount_open} currency={c} className="font-medium" />
        </DetailRow>
        <DetailRow label="Issued">{fmt.date(invoice.issued_at)}</DetailRow>
        <DetailRow label="Due">
          {fmt.date(dayDate(invoice.due_date))}
          {invoice.grace_days > 0 && <span className="text-ui-fg-subtle"> (+{invoice.grace_days} days grace)</span>}
        </DetailRow>
        {invoice.overdue && (
          <DetailRow label="Days overdue">
            <span className="text-ui-tag-red-text">{invoice.days_overdue}</span>
          </DetailRow>
        )}
        <DetailRow label="Terms">{formatTerms({ ...invoice.terms, grace_days: invoice.grace_days })}</DetailRow>
      </div>
      <Allocations invoice={invoice} />
      <Reminders invoice={invoice} />
      <DisputeForm invoice={invoice} />
    </>
  )
}

type InvoiceDrawerProps = {
  /** The invoice to show; null: closed. */
  invoiceId: string | null
  onClose: () => void
  onRecordPayment: (invoice: AdminInvoice) => void
}

/** One invoice: its figures, who paid what, its reminders, its dispute note; "Record payment" while it is owed. */
export const InvoiceDrawer = ({ invoiceId, onClose, onRecordPayment }: InvoiceDrawerProps) => {
  const { data, isLoading, isError, error } = useInvoice(invoiceId)
  const invoice = invoiceId && data?.invoice.id === invoiceId ? data.invoice : null
  const owing = invoice ? OWING_INVOICE_STATUSES.includes(invoice.status) : false
  return (
    <Drawer open={Boolean(invoiceId)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{invoice ? `Invoice ${invoice.number}` : "Invoice"}</Drawer.Title>
          <Drawer.Description className="text-ui-fg-subtle txt-small">
            {invoice ? (
              <>
                Amount open: <Money amount={invoice.amount_open} currency={invoice.currency_code} />
              </>
            ) : (
              "Loading…"
            )}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isError ? (
            <Text size="small" className="text-ui-fg-error">
              {errorMessage(error)}
            </Text>
          ) : isLoading || !invoice ? (
            <Text size="small" className="text-ui-fg-subtle">
              Loading…
            </Text>
          ) : (
            <InvoiceBody invoice={invoice} />
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Close
            </Button>
          </Drawer.Close>
          {invoice && owing && (
            <Button size="small" type="button" onClick={() => onRecordPayment(invoice)}>
              <ArrowDownTray />
              Record payment
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
