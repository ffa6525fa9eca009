import { ExclamationCircle } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { ConfirmFailure } from "../hooks/confirm-failure"
import { formatDateTime } from "../lib/format"

/** The credit was taken at checkout, but Medusa's capture of the order failed every time the plugin tried. */
export const ConfirmFailureBanner = ({ failure }: { failure: ConfirmFailure }) => (
  <div className="bg-ui-tag-red-bg border-ui-tag-red-border flex items-start gap-x-2 rounded-lg border px-4 py-3">
    <ExclamationCircle className="text-ui-tag-red-icon mt-0.5 shrink-0" />
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus" className="text-ui-tag-red-text">
        Medusa's capture of this order could not be recorded: {failure.last_error}; capture it from the payment
        section.
      </Text>
      <Text size="xsmall" className="text-ui-fg-muted">
        The account was charged at checkout. {failure.attempts} attempts, the last on {formatDateTime(failure.gave_up_at)}.
      </Text>
    </div>
  </div>
)
