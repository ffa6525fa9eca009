import { ArrowDownTray, EllipsisHorizontal, PencilSquare, ReceiptPercent } from "@medusajs/icons"
import { Button, DropdownMenu, IconButton } from "@medusajs/ui"
import { useState } from "react"
import type { TradeCreditAccount } from "../lib/types"
import { AdjustBalanceDrawer } from "./adjust-balance-drawer"
import { EditAccountDrawer } from "./edit-account-drawer"
import { ReimburseBalanceDrawer } from "./reimburse-balance-drawer"

type Dialog = "reimburse" | "adjust" | "edit" | null

/** "Reimburse balance" up front; edit and adjust in the menu. */
export const AccountActions = ({ account }: { account: TradeCreditAccount }) => {
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = (open: boolean) => !open && setDialog(null)
  return (
    <div className="flex items-center gap-x-2">
      <Button size="small" variant="secondary" onClick={() => setDialog("reimburse")}>
        <ArrowDownTray />
        Reimburse balance
      </Button>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <IconButton size="small" variant="transparent" aria-label="More account actions">
            <EllipsisHorizontal />
          </IconButton>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item className="gap-x-2" onClick={() => setDialog("edit")}>
            <PencilSquare className="text-ui-fg-subtle" />
            Edit limit, terms and status
          </DropdownMenu.Item>
          <DropdownMenu.Item className="gap-x-2" onClick={() => setDialog("adjust")}>
            <ReceiptPercent className="text-ui-fg-subtle" />
            Adjust balance
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <ReimburseBalanceDrawer account={account} open={dialog === "reimburse"} onOpenChange={close} />
      <AdjustBalanceDrawer account={account} open={dialog === "adjust"} onOpenChange={close} />
      <EditAccountDrawer account={account} open={dialog === "edit"} onOpenChange={close} />
    </div>
  )
}
