import { Container, Heading, Text } from "@medusajs/ui"
import { useFormat } from "../hooks/use-format"
import { holderName } from "../lib/format"
import type { TradeCreditAccount } from "../lib/types"
import { AccountActions } from "./account-actions"
import { AccountNotices } from "./account-notices"
import { AccountSummary } from "./account-summary"
import { ChaseNotesPanel } from "./chase-notes-panel"
import { CreditHistory } from "./credit-history"

/** One credit account: header with actions, figures, alerts, credit history. */
export const AccountCard = ({ account, title = "Trade credit" }: { account: TradeCreditAccount; title?: string }) => {
  const fmt = useFormat()
  return (
  <Container className="divide-y p-0">
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
      <div className="flex min-w-0 flex-col">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {account.currency_code.toUpperCase()} · {fmt.currencyName(account.currency_code)}
        </Text>
      </div>
      <AccountActions account={account} />
    </div>
    <AccountNotices account={account} place="account" className="px-6 py-4" />
    <AccountSummary account={account} />
    <ChaseNotesPanel account={account} />
    <CreditHistory accountId={account.id} title={`${holderName(account.holder)} · ${account.currency_code.toUpperCase()}`} />
  </Container>
  )
}
