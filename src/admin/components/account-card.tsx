import { Container, Heading, Text } from "@medusajs/ui"
import { currencyName, holderName } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountActions } from "./account-actions"
import { AccountAlerts } from "./account-alerts"
import { AccountSummary } from "./account-summary"
import { CreditHistory } from "./credit-history"

/** One credit account: header with actions, figures, alerts, credit history. */
export const AccountCard = ({ account, title = "Trade credit" }: { account: TradeCreditAccount; title?: string }) => (
  <Container className="divide-y p-0">
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
      <div className="flex min-w-0 flex-col">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {account.currency_code.toUpperCase()} · {currencyName(account.currency_code)}
        </Text>
      </div>
      <AccountActions account={account} />
    </div>
    <AccountAlerts account={account} />
    <AccountSummary account={account} />
    <CreditHistory accountId={account.id} title={`${holderName(account.holder)} · ${account.currency_code.toUpperCase()}`} />
  </Container>
)
