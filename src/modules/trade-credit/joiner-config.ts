import { defineJoinerConfig } from "@medusajs/framework/utils"
import Account from "./models/account"
import CaptureRecord from "./models/capture-record"
import ChaseNote from "./models/chase-note"
import ConfirmFailure from "./models/confirm-failure"
import CreditReview from "./models/credit-review"
import EntryEdit from "./models/entry-edit"
import Invoice from "./models/invoice"
import InvoiceAllocation from "./models/invoice-allocation"
import InvoiceCounter from "./models/invoice-counter"
import LedgerEntry from "./models/ledger-entry"
import Reminder from "./models/reminder"
import ReportSend from "./models/report-send"

export const TRADE_CREDIT_MODULE = "trade_credit"

/** The module's data models, by the names of their generated methods (`MedusaService`, ledger-service.ts). */
export const TRADE_CREDIT_MODELS = {
  // In models/'s file order (alphabetical), as Medusa's loader lists them.
  TradeCreditAccount: Account,
  TradeCreditCapture: CaptureRecord,
  TradeCreditChaseNote: ChaseNote,
  TradeCreditConfirmFailure: ConfirmFailure,
  TradeCreditReview: CreditReview,
  TradeCreditEntryEdit: EntryEdit,
  TradeCreditInvoiceAllocation: InvoiceAllocation,
  TradeCreditInvoiceCounter: InvoiceCounter,
  TradeCreditInvoice: Invoice,
  TradeCreditLedgerEntry: LedgerEntry,
  TradeCreditReminder: Reminder,
  TradeCreditReportSend: ReportSend,
}

/**
 * The module's joiner config, built once. Without one, Medusa builds it again
 * from the data models (a GraphQL schema of all of them) every time the
 * module's ORM creates, updates or deletes a record, to name the record's
 * event: a sixth of the CPU of a burst of checkouts in the model test. The
 * same models Medusa would find in `models/` (a test checks the list).
 */
export const joinerConfig = defineJoinerConfig(TRADE_CREDIT_MODULE, { models: Object.values(TRADE_CREDIT_MODELS) })
