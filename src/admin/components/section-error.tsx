import { Button, Container, Heading, Text } from "@medusajs/ui"
import { errorMessage, isNotFound } from "../lib/errors"

/** A section that failed to load: the message as the API worded it, and a retry. */
export const SectionError = ({
  title,
  error,
  onRetry,
}: {
  title: string
  error: unknown
  onRetry?: () => void
}) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">{title}</Heading>
    </div>
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <Text size="small" className="text-ui-fg-error">
        {isNotFound(error)
          ? "The trade credit API was not found on this server. Is the plugin registered in medusa-config and the server restarted?"
          : errorMessage(error)}
      </Text>
      {onRetry && (
        <Button size="small" variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  </Container>
)
