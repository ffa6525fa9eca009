import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listAccountsQueryConfig,
  listInvoicesQueryConfig,
  listReviewsQueryConfig,
  retrieveAccountQueryConfig,
} from "./admin/trade-credit/query-config"
import { refuseFulfillmentOfHeldOrder } from "./utils/hold-fulfillment"
import { refuseMalformedRequest } from "./utils/request-guard"
import { lockOrderCreditForCancel } from "./utils/order-cancel-lock"
import { databaseUnavailableErrorHandler } from "../utils/database-unavailable"
import { applyBalanceBeforePayment, recapBalanceAfterResponse, takeBalanceForCompletion } from "./utils/checkout-balance"
import { StoreApplyCartBalance, StoreCompleteCardPayment, StoreGetBalance, StoreStartCardPayment } from "./store/trade-credit/validators"
import {
  AdminAgingReport,
  AdminCreateAccount,
  AdminCreateAdjustment,
  AdminCreateReimbursement,
  AdminDecideReview,
  AdminListReviews,
  AdminGetAccount,
  AdminGetInvoice,
  AdminListAccounts,
  AdminCreateChaseNote,
  AdminRunCreditControl,
  AdminSendDebtorsReport,
  AdminUpdateInvoice,
  AdminReconciliation,
  AdminListInvoices,
  AdminUpdateAccount,
  AdminUpdateReimbursement,
  AdminRefundToBalance,
  AdminEntryPage,
  EntryPage,
  StoreListInvoices,
} from "./admin/trade-credit/validators"

// /admin/* routes are authenticated by Medusa (admin session, bearer token or secret API key).
export default defineMiddlewares({
  // A lost database connection answers 503 + Retry-After instead of Medusa's 500; every other error
  // goes to Medusa's own handler. A store's own errorHandler loads after the plugin's and replaces it
  // (README, "Running in production": compose with databaseUnavailableErrorHandler).
  errorHandler: databaseUnavailableErrorHandler(),
  routes: [
    {
      matcher: "/admin/trade-credit*",
      middlewares: [refuseMalformedRequest],
    },
    {
      matcher: "/admin/trade-credit/accounts",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminListAccounts, listAccountsQueryConfig)],
    },
    {
      matcher: "/admin/trade-credit/accounts",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminCreateAccount)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminGetAccount, retrieveAccountQueryConfig)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminUpdateAccount)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id/reimbursements",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminCreateReimbursement)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id/reimbursements/:entry_id",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminUpdateReimbursement)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id/adjustments",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminCreateAdjustment)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id/entries",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminEntryPage, {})],
    },
    {
      matcher: "/admin/trade-credit/reviews",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminListReviews, listReviewsQueryConfig)],
    },
    {
      matcher: "/admin/trade-credit/reviews/:id/release",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminDecideReview)],
    },
    {
      matcher: "/admin/trade-credit/reviews/:id/reject",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminDecideReview)],
    },
    {
      matcher: "/admin/trade-credit/accounts/:id/notes",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminCreateChaseNote)],
    },
    {
      matcher: "/admin/trade-credit/invoices/:id",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminUpdateInvoice)],
    },
    {
      matcher: "/admin/trade-credit/reminders/run",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminRunCreditControl)],
    },
    {
      matcher: "/admin/trade-credit/reports/aging/send",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminSendDebtorsReport)],
    },
    {
      matcher: "/admin/trade-credit/reconciliation",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminReconciliation, {})],
    },
    {
      matcher: "/admin/trade-credit/reports/aging",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminAgingReport, {})],
    },
    {
      matcher: "/admin/trade-credit/invoices",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminListInvoices, listInvoicesQueryConfig)],
    },
    {
      matcher: "/admin/trade-credit/invoices/:id",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminGetInvoice, {})],
    },
    {
      matcher: "/admin/trade-credit/orders/:id/refund-to-balance",
      method: "POST",
      middlewares: [validateAndTransformBody(AdminRefundToBalance)],
    },
    {
      matcher: "/admin/orders/:id/fulfillments",
      method: "POST",
      middlewares: [refuseFulfillmentOfHeldOrder],
    },
    {
      matcher: "/admin/orders/:id/cancel",
      method: "POST",
      middlewares: [lockOrderCreditForCancel],
    },
    {
      matcher: "/store/trade-credit*",
      middlewares: [authenticate("customer", ["bearer", "session"]), refuseMalformedRequest],
    },
    {
      matcher: "/store/payment-collections",
      method: "POST",
      middlewares: [applyBalanceBeforePayment],
    },
    {
      matcher: "/store/carts/:id/promotions",
      method: ["POST", "DELETE"],
      middlewares: [recapBalanceAfterResponse],
    },
    {
      matcher: "/store/carts/:id/complete",
      method: "POST",
      middlewares: [takeBalanceForCompletion],
    },
    {
      matcher: "/store/carts/:id/trade-credit",
      middlewares: [authenticate("customer", ["bearer", "session"]), refuseMalformedRequest],
    },
    {
      matcher: "/store/carts/:id/trade-credit",
      method: "POST",
      middlewares: [validateAndTransformBody(StoreApplyCartBalance)],
    },
    {
      matcher: "/store/trade-credit/balance",
      method: "GET",
      middlewares: [validateAndTransformQuery(StoreGetBalance, {})],
    },
    {
      matcher: "/store/trade-credit/accounts/:id/entries",
      method: "GET",
      middlewares: [validateAndTransformQuery(EntryPage, {})],
    },
    {
      matcher: "/store/trade-credit/accounts/:id/invoices",
      method: "GET",
      middlewares: [validateAndTransformQuery(StoreListInvoices, listInvoicesQueryConfig)],
    },
    {
      matcher: "/store/trade-credit/accounts/:id/invoices/:invoice_id",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminGetInvoice, {})],
    },
    {
      matcher: "/store/trade-credit/accounts/:id/card-payments",
      method: "POST",
      middlewares: [validateAndTransformBody(StoreStartCardPayment)],
    },
    {
      matcher: "/store/trade-credit/accounts/:id/card-payments/:payment_collection_id/complete",
      method: "POST",
      middlewares: [validateAndTransformBody(StoreCompleteCardPayment)],
    },
  ],
})
