/**
 * Types of api-client.js (plain Node, so that scripts/bench.js and
 * scripts/check-install.js can require it as it is; the specs import it with
 * these types).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

/** An axios-like instance, e.g. the `api` of Medusa's medusaIntegrationTestRunner. */
export interface AxiosLike {
  request(config: {
    method: string
    url: string
    data?: unknown
    headers?: Record<string, string>
    timeout?: number
    validateStatus?: (status: number) => boolean
  }): Promise<{ status: number; data: any }>
}

/** A server's base URL (fetch), or the test runner's axios instance. */
export type Target = string | AxiosLike
export type Headers = Record<string, string>
export type Query = string | Record<string, string | number | boolean | undefined | null>

/** A record as the API answers it: the fields the callers read are named, the rest is open. */
export type ApiRecord = { id: string; [field: string]: any }

export interface Response<T = any> {
  status: number
  data: T
  ms: number
}

export interface RequestOptions {
  body?: unknown
  headers?: Headers
  /** Resolve a non-2xx answer instead of throwing HttpError. */
  allowError?: boolean
  timeoutMs?: number
}

export declare class HttpError extends Error {
  status: number
  data: any
  response: { status: number; data: any }
}

export declare const ON_ACCOUNT: "pp_trade-credit_on-account"
export declare const SYSTEM: "pp_system_default"
export declare const PASSWORD: string
export declare const STANDARD_SHIPPING: string

export declare function request<T = any>(target: Target, method: string, path: string, opts?: RequestOptions): Promise<Response<T>>
export declare function get<T = any>(target: Target, path: string, opts?: Omit<RequestOptions, "body">): Promise<T>
export declare function post<T = any>(target: Target, path: string, body?: unknown, opts?: Omit<RequestOptions, "body">): Promise<T>
export declare function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]>

export declare function adminLogin(target: Target, credentials: { email: string; password: string }): Promise<Headers>

export interface Buyer {
  customer: ApiRecord & { email: string }
  email: string
  /** Bearer token and publishable key. */
  headers: Headers
}
export declare function registerBuyer(
  target: Target,
  publishableKey: string,
  email: string,
  opts?: { password?: string; firstName?: string }
): Promise<Buyer>
export declare function createCompany(target: Target, adminHeaders: Headers, name: string, customerIds?: string[]): Promise<ApiRecord & { name: string }>

export declare function companyOfBuyers(
  target: Target,
  adminHeaders: Headers,
  publishableKey: string,
  opts: {
    slug: string
    name?: string
    count: number
    account?: Record<string, unknown>
    concurrency?: number
    targetOf?: (i: number) => Target
  }
): Promise<{ buyers: Buyer[]; group: ApiRecord & { name: string }; account: ApiRecord }>

export declare function listAccounts(target: Target, adminHeaders: Headers, query?: Query): Promise<{ accounts: ApiRecord[]; count: number; [k: string]: any }>
export declare function openAccount(target: Target, adminHeaders: Headers, body: Record<string, unknown>): Promise<ApiRecord>
export declare function getAccount(target: Target, adminHeaders: Headers, id: string): Promise<ApiRecord>
export declare function updateAccount(target: Target, adminHeaders: Headers, id: string, body: Record<string, unknown>): Promise<ApiRecord>
export declare function entriesPage(
  target: Target,
  adminHeaders: Headers,
  id: string,
  query?: Query
): Promise<{ entries: ApiRecord[]; has_more: boolean; next_cursor: string | null; [k: string]: any }>
export declare function allEntries(target: Target, adminHeaders: Headers, id: string): Promise<ApiRecord[]>
export declare function reimburse(target: Target, adminHeaders: Headers, id: string, body: Record<string, unknown>, headers?: Headers): Promise<any>
export declare function correctReimbursement(target: Target, adminHeaders: Headers, id: string, entryId: string, body: Record<string, unknown>): Promise<any>
export declare function adjust(target: Target, adminHeaders: Headers, id: string, body: Record<string, unknown>, headers?: Headers): Promise<any>
export declare function listReviews(target: Target, adminHeaders: Headers, query?: Query): Promise<{ reviews: ApiRecord[]; count: number; [k: string]: any }>
export declare function accountReviews(target: Target, adminHeaders: Headers, accountId: string, status?: string): Promise<{ reviews: ApiRecord[]; count: number }>
export declare function releaseReview(target: Target, adminHeaders: Headers, reviewId: string, body?: Record<string, unknown>): Promise<any>
export declare function rejectReview(target: Target, adminHeaders: Headers, reviewId: string, body?: Record<string, unknown>): Promise<any>
export declare function confirmFailure(target: Target, adminHeaders: Headers, orderId: string): Promise<any>
export declare function reconciliation(
  target: Target,
  adminHeaders: Headers,
  query?: Query
): Promise<import("../../src/types/http").AdminReconciliationResponse>

export declare function agingReport(
  target: Target,
  adminHeaders: Headers,
  query?: Query
): Promise<import("../../src/types/http").AdminAgingReportResponse>
export declare function myAccounts(target: Target, headers: Headers): Promise<{ accounts: ApiRecord[]; [k: string]: any }>
export declare function myEntries(target: Target, headers: Headers, accountId: string, query?: Query): Promise<{ entries: ApiRecord[]; [k: string]: any }>
export declare function listInvoices(target: Target, adminHeaders: Headers, query?: Query): Promise<{ invoices: ApiRecord[]; count: number; limit: number; offset: number }>
export declare function runCreditControl(
  target: Target,
  adminHeaders: Headers
): Promise<{ marked_overdue: number; stopped: number; released: number; emails_sent: Record<string, number>; emails_failed: number }>
export declare function updateInvoice(
  target: Target,
  adminHeaders: Headers,
  id: string,
  body: { reminders_paused?: boolean; dispute_note?: string | null }
): Promise<ApiRecord>
export declare function addChaseNote(
  target: Target,
  adminHeaders: Headers,
  accountId: string,
  body: { body: string; next_chase_at?: string | null }
): Promise<{ chase_note: ApiRecord; account: ApiRecord }>
export declare function listChaseNotes(target: Target, adminHeaders: Headers, accountId: string): Promise<ApiRecord[]>
export declare function getInvoice(target: Target, adminHeaders: Headers, id: string): Promise<ApiRecord & { allocations: ApiRecord[]; reminders: ApiRecord[] }>
export declare function myInvoices(target: Target, headers: Headers, accountId: string, query?: Query): Promise<{ invoices: ApiRecord[]; count: number; limit: number; offset: number }>
export declare function myInvoice(target: Target, headers: Headers, accountId: string, invoiceId: string): Promise<ApiRecord & { allocations: ApiRecord[] }>
export declare function startCardPayment(target: Target, headers: Headers, accountId: string, body: Record<string, unknown>): Promise<ApiRecord>
export declare function completeCardPayment(
  target: Target,
  headers: Headers,
  accountId: string,
  paymentCollectionId: string,
  body?: Record<string, unknown>,
  opts?: Omit<RequestOptions, "body" | "headers">
): Promise<Response>

/** Where a cart is bought: a region and variants (`variant` indexes them). */
export interface Shop {
  regionId: string
  variantIds: string[]
}
export interface CartOptions {
  providerId?: string
  quantity?: number
  variant?: number
  shippingOptionId?: string
  shippingOptionName?: string
}
export type ReadyCart = ApiRecord & { total: number; currency_code: string; shipping_option_id: string }

/** `GET /store/trade-credit/balance?currency_code=`. */
export declare function myBalance(target: Target, headers: Headers, currencyCode?: string): Promise<{ currency_code: string; amount: number; account_id: string | null }>
/** `POST /store/carts/:id/trade-credit {amount?}`: the cart with its `credit_lines`. */
export declare function applyBalance(target: Target, headers: Headers, cartId: string, body?: { amount?: number | string }): Promise<any>
/** `DELETE /store/carts/:id/trade-credit`: the cart without the balance. */
export declare function removeBalance(target: Target, headers: Headers, cartId: string): Promise<any>
export declare function shippingOptionFor(target: Target, headers: Headers, cartId: string, name?: string): Promise<string>
export declare function cartReadyToPay(target: Target, headers: Headers, shop: Shop, opts?: CartOptions): Promise<ReadyCart>
/** Medusa's shapes: `{ type: "order", order }` or `{ type: "cart", cart, error }`. */
export declare function complete(target: Target, headers: Headers, cartId: string): Promise<any>
export declare function completeCart(target: Target, headers: Headers, cartId: string, opts?: { timeoutMs?: number }): Promise<Response<any>>
