import { CreditCard } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"

/** Empty state: no credit account yet, with the action that creates one. */
export const NoAccountState = ({
  holderLabel,
  onCreate,
  compact = false,
}: {
  holderLabel: string
  onCreate: () => void
  /** One line instead of the illustrated empty state (the customer already buys on a company account). */
  compact?: boolean
}) =>
  compact ? (
    <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex flex-col">
        <Heading level="h2">Personal credit</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          No personal account: {holderLabel} pays on the company account.
        </Text>
      </div>
      <Button size="small" variant="secondary" className="shrink-0" onClick={onCreate}>
        Create credit account
      </Button>
    </Container>
  ) : (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <Heading level="h2">Trade credit</Heading>
    </div>
    <div className="flex flex-col items-center gap-y-3 px-6 py-8 text-center">
      <div className="bg-ui-bg-component text-ui-fg-subtle flex h-10 w-10 items-center justify-center rounded-lg">
        <CreditCard />
      </div>
      <div className="flex max-w-md flex-col gap-y-1">
        <Text size="small" weight="plus">
          No credit account
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Give {holderLabel} a credit limit and payment terms so they can pay on account, or keep a prepaid balance
          for them.
        </Text>
      </div>
      <Button size="small" variant="secondary" onClick={onCreate}>
        Create credit account
      </Button>
    </div>
  </Container>
  )
