import { Plus } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { useState } from "react"
import { useAccounts } from "../hooks/accounts"
import { HOLDER_TYPE_LABELS } from "../lib/format"
import type { HolderType } from "../lib/types"
import { AccountCard } from "./account-card"
import { CreateAccountDrawer } from "./create-account-drawer"
import { InvoicesSection } from "./invoices-section"
import { NoAccountState } from "./no-account-state"
import { SectionError } from "./section-error"
import { SectionSkeleton } from "./section-skeleton"

type Holder = { type: HolderType; id: string; name: string }

/**
 * The credit account(s) of one customer or customer group: one card per
 * currency, or the empty state with "Create credit account".
 */
export const HolderCreditSection = ({ holder, compactEmpty = false }: { holder: Holder; compactEmpty?: boolean }) => {
  const [creating, setCreating] = useState(false)
  const params =
    holder.type === "customer"
      ? { customer_id: holder.id, limit: 50 }
      : { customer_group_id: holder.id, limit: 50 }
  const { data, isLoading, isError, error, refetch } = useAccounts(params)
  const accounts = data?.accounts ?? []
  const title = holder.type === "customer" ? "Trade credit" : "Company credit"

  if (isLoading) {
    return <SectionSkeleton title={title} />
  }
  if (isError) {
    return <SectionError title={title} error={error} onRetry={() => refetch()} />
  }

  const drawer = (
    <CreateAccountDrawer
      holder={holder}
      existingCurrencies={accounts.map((a) => a.currency_code.toLowerCase())}
      open={creating}
      onOpenChange={setCreating}
    />
  )

  // The drawer keeps one place in the tree: when the first account appears
  // the section switches from the empty state to the cards without
  // remounting the drawer (its success callback must still run).
  return (
    <div className="flex flex-col gap-y-3">
      {accounts.length === 0 ? (
        <NoAccountState
          holderLabel={holder.type === "customer" ? "this customer" : "this company"}
          onCreate={() => setCreating(true)}
          compact={compactEmpty}
        />
      ) : (
        <>
          {accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              title={accounts.length > 1 ? `${title} · ${account.currency_code.toUpperCase()}` : title}
            />
          ))}
          <div className="flex justify-end">
            <Button size="small" variant="transparent" onClick={() => setCreating(true)}>
              <Plus />
              {HOLDER_TYPE_LABELS[holder.type]} account in another currency
            </Button>
          </div>
          <InvoicesSection accounts={accounts} />
        </>
      )}
      {drawer}
    </div>
  )
}
