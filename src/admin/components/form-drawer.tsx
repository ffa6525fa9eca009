import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Drawer } from "@medusajs/ui"
import { useEffect, type ReactNode } from "react"
import { useForm, type DefaultValues, type FieldValues, type SubmitHandler, type UseFormReturn } from "react-hook-form"
import type { z } from "zod"
import { FormError } from "./form-error"

/**
 * A react-hook-form form checked by a zod schema, started over (values,
 * errors, the last request's error) each time its drawer opens.
 */
export function useDrawerForm<TValues extends FieldValues>({
  open,
  schema,
  defaultValues,
  onOpen,
}: {
  open: boolean
  schema: z.ZodType<TValues, any>
  defaultValues: () => DefaultValues<TValues>
  /** Also reset when the drawer opens, e.g. the mutation's last error. */
  onOpen?: () => void
}): UseFormReturn<TValues> {
  const form = useForm<TValues>({ resolver: zodResolver(schema as any), defaultValues: defaultValues() })
  useEffect(() => {
    if (open) {
      form.reset(defaultValues())
      onOpen?.()
    }
    // Only on opening: what the admin types must not be replaced while the drawer is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  return form
}

type FormDrawerProps<TValues extends FieldValues> = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: ReactNode
  form: UseFormReturn<TValues>
  onSubmit: SubmitHandler<TValues>
  submitLabel: string
  /** The request: pending state on the button, its error above the buttons exactly as the API words it. */
  mutation: { isPending: boolean; error: unknown }
  submitDisabled?: boolean
  children: ReactNode
}

/** The dashboard's drawer with a form: header, scrolling fields, Cancel and the submit button. */
export function FormDrawer<TValues extends FieldValues>({
  open,
  onOpenChange,
  title,
  description,
  form,
  onSubmit,
  submitLabel,
  mutation,
  submitDisabled,
  children,
}: FormDrawerProps<TValues>) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={form.handleSubmit(onSubmit)} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">{description}</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            {children}
            <FormError error={mutation.error} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={mutation.isPending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
