import { Text } from "@medusajs/ui"
import type { ConfirmFailure } from "../hooks/confirm-failure"
import { useFormat } from "../hooks/use-format"
import { Banner } from "./banner"

/** The credit was taken at checkout, but Medusa's capture of the order failed every time the plugin tried. */
export const ConfirmFailureBanner = ({ failure }: { failure: ConfirmFailure }) => {
  const fmt = useFormat()
  return (
    <Banner
      tone="red"
      title={`Medusa's capture of this order could not be recorded: ${failure.last_error}; capture it from the payment section.`}
    >
      <Text size="xsmall" className="text-ui-fg-muted">
        The account was charged at checkout. {failure.attempts} attempts, the last on {fmt.dateTime(failure.gave_up_at)}.
      </Text>
    </Banner>
  )
}
