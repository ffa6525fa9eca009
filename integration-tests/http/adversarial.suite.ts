import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "../helpers/shared-app"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"
import { CARD_PAYMENT_ACCOUNT_KEY, CARD_PAYMENT_CUSTOMER_KEY } from "../../src/utils/card-payment"
import { cartReadyToPay, companyWithBuyer, complete } from "../helpers/checkout"
import { answer, buyer, customerGroup } from "../helpers/fixtures"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(600_000)

/**
 * An attacker's view of every route under src/api: malformed input on every
 * mutation and query, and a buyer of one company against another company's
 * account on every store route. Every answer is a 4xx, never a 5xx, and after
 * each request nothing was written and the ledger invariant (the sum of the
 * entries is the account's running totals) holds.
 *
 * The route tables below must name every route file: a new route fails
 * "covers every route under src/api" until it gets its cases here.
 */

const API_DIR = path.join(__dirname, "../../src/api")

/** "METHOD /path" of every handler exported by a route file under src/api. */
function routesInSource(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (/^route\.[jt]sx?$/.test(entry.name)) {
        const url = "/" + path.relative(API_DIR, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
          found.push(`${method} ${url}`)
        }
      }
    }
  }
  walk(API_DIR)
  return found.sort()
}

type World = Awaited<ReturnType<typeof buildWorld>>

/** Mutation routes: the URL to attack and a body the route would accept (the malformed ones derive from it). */
const MUTATIONS: Record<string, { url: (w: World) => string; valid: (w: World) => Record<string, unknown>; extra?: (w: World) => unknown[]; auth: "admin" | "buyer" }> = {
  "POST /admin/trade-credit/accounts": {
    auth: "admin",
    url: () => "/admin/trade-credit/accounts",
    valid: (w) => ({ customer_group_id: w.spareGroup.id, currency_code: "eur", credit_limit: 100, reference: "NEW-1", comment: "c" }),
    extra: (w) => [
      {},
      { customer_group_id: w.spareGroup.id, currency_code: "eur", credit_limit: -5 },
      { customer_group_id: w.spareGroup.id, currency_code: "xx" },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", status: "bogus" },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", over_limit_policy: "maybe" },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", allow_exceed: "yes" },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", payment_terms: { type: "net_days", net_days: -1 } },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", payment_terms: { type: "net_days", net_days: 1e9 } },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", payment_terms: { type: "net_days", net_days: 1.5 } },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", payment_terms: { type: "prepayment", grace_days: -3 } },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", payment_terms: [] },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", metadata: [] },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", metadata: "text" },
      { customer_group_id: w.spareGroup.id, currency_code: "eur", metadata: { deep: { nul: "\u0000" } } },
      { customer_group_id: w.spareGroup.id, customer_id: w.buyerB.customer.id, currency_code: "eur" },
      { customer_group_id: w.accountA.customer_group_id, currency_code: "eur" },
    ],
  },
  "POST /admin/trade-credit/accounts/:id": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}`,
    valid: () => ({ credit_limit: 200, reference: "B-2", reason: "Review" }),
    extra: () => [
      {},
      { credit_limit: 200 },
      { credit_limit: 200, reason: "" },
      { credit_limit: 200, reason: "   " },
      { credit_limit: -1, reason: "r" },
      { status: "closed", reason: "r" },
      { payment_terms: { type: "net_days" }, reason: "r" },
      { metadata: { k: "\u0000" }, reason: "r" },
      { balance: 1e6, reason: "r" },
      { currency_code: "usd", reason: "r" },
    ],
  },
  "POST /admin/trade-credit/accounts/:id/reimbursements": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/reimbursements`,
    valid: () => ({ amount: 10, reference: "BANK-1", comment: "Paid" }),
    extra: (w) => [
      {},
      { amount: 0 },
      { amount: "-0" },
      { reference: "R" },
      { amount: 10, invoice_id: "tcinv_forged" },
      // Another account's invoice.
      { amount: 10, invoice_id: w.invoiceA.id },
      { amount: 10, invoice_id: "" },
    ],
  },
  // Another change adds an edit history to this route: only "4xx, nothing changed" is asserted.
  "POST /admin/trade-credit/accounts/:id/reimbursements/:entry_id": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/reimbursements/${w.reimbursementB.id}`,
    valid: () => ({ reference: "BANK-2", comment: "Corrected" }),
    extra: () => [{ amount: 5 }, { operation: "adjusted" }],
  },
  "POST /admin/trade-credit/accounts/:id/adjustments": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/adjustments`,
    valid: () => ({ amount: -10, comment: "Write-off" }),
    extra: () => [{}, { amount: 5 }, { amount: 5, comment: "" }, { amount: 0, comment: "zero" }, { amount: 5, comment: " \n\t " }],
  },
  "POST /admin/trade-credit/reviews/:id/release": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/reviews/${w.reviewA.id}/release`,
    valid: () => ({ comment: "OK" }),
    extra: () => [{ status: "released" }],
  },
  "POST /admin/trade-credit/reviews/:id/reject": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/reviews/${w.reviewA.id}/reject`,
    valid: () => ({ comment: "No" }),
    extra: () => [{ status: "rejected" }],
  },
  // Another change restricts the providers of this route: only "4xx, nothing changed" is asserted.
  "POST /store/trade-credit/accounts/:id/card-payments": {
    auth: "buyer",
    url: (w) => `/store/trade-credit/accounts/${w.accountA.id}/card-payments`,
    valid: () => ({ amount: 10, provider_id: "pp_system_default", data: { token: "t" } }),
    extra: () => [
      {},
      { amount: 10 },
      { provider_id: "pp_system_default" },
      { amount: 0, provider_id: "pp_system_default" },
      { amount: -10, provider_id: "pp_system_default" },
      { amount: 10, provider_id: "" },
      { amount: 10, provider_id: "pp_system_default", data: [] },
      { amount: 10, provider_id: "pp_system_default", data: { k: "\u0000" } },
    ],
  },
  "POST /store/trade-credit/accounts/:id/card-payments/:payment_collection_id/complete": {
    auth: "buyer",
    url: (w) => `/store/trade-credit/accounts/${w.accountA.id}/card-payments/${w.cardPaymentA}/complete`,
    valid: (w) => ({ release_order_id: w.heldOrderA }),
    extra: () => [{ release_order_id: "" }],
  },
  "POST /admin/trade-credit/accounts/:id/notes": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/notes`,
    valid: () => ({ body: "Called the buyer: payment promised for Friday", next_chase_at: "2026-12-18" }),
    extra: () => [{}, { body: "" }, { body: "   " }, { body: "ok", next_chase_at: "next week" }],
  },
  "POST /admin/trade-credit/invoices/:id": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/invoices/${w.invoiceB.id}`,
    valid: () => ({ dispute_note: "Buyer disputes the delivery" }),
    extra: () => [{ reminders_paused: "yes" }, { reminders_paused: 1 }],
  },
  "POST /admin/trade-credit/reminders/run": {
    auth: "admin",
    url: () => "/admin/trade-credit/reminders/run",
    valid: () => ({}),
    extra: () => [{ as_of: "2030-01-01" }, { now: "2030-01-01" }],
  },
  // The held order owes its buyer nothing: even a well-formed refund is refused (409), and no account is opened.
  "POST /admin/trade-credit/orders/:id/refund-to-balance": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/orders/${w.heldOrderA}/refund-to-balance`,
    valid: () => ({ amount: 5, reason: "Out of stock", note: "Item 2 removed" }),
    extra: (w) => [
      {},
      { amount: 5 },
      { reason: "Out of stock" },
      { amount: 5, reason: "" },
      { amount: 5, reason: "   " },
      { amount: 0, reason: "r" },
      { amount: -5, reason: "r" },
      { amount: 5, reason: "r", account_id: w.accountB.id },
      { amount: 5, reason: "r", account_id: "tcacc_forged" },
      { amount: 5, reason: "r", account_id: "" },
    ],
    },
  "POST /admin/trade-credit/reports/aging/send": {
    auth: "admin",
    // No report_recipients in this world: even the valid body is refused (400) and sends nothing.
    url: () => "/admin/trade-credit/reports/aging/send",
    valid: () => ({}),
    extra: () => [{ recipients: ["attacker@evil.example"] }, { to: "attacker@evil.example" }, { period: "2026-W01" }],
  },
  "POST /store/carts/:id/trade-credit": {
    auth: "buyer",
    // Buyer A has no personal balance: every request, valid or not, is refused and changes nothing.
    url: (w) => `/store/carts/${w.cartA}/trade-credit`,
    valid: () => ({ amount: 1 }),
  },
}

/** Read routes: query strings that are wrong, each answered with a 4xx. */
const QUERIES: Record<string, { url: (w: World) => string; bad: string[]; auth: "admin" | "buyer" }> = {
  "GET /admin/trade-credit/accounts": {
    auth: "admin",
    url: () => "/admin/trade-credit/accounts",
    bad: ["limit=-1", "limit=100000", "limit=1e3", "offset=-5", "offset=x", "order=nope", "order=customer.email", "fields=*entries",
      "fields=%2Bcustomer.groups.id", "q=%00", "status=bogus", "holder_type=x", "balance[lt]=abc", "balance[xx]=1", "balance=zero", "balance=%00", "unknown=1",
      "currency_code=%00", "customer_id=%00", "a.b.c=1"],
  },
  "GET /admin/trade-credit/accounts/:id": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}`,
    bad: ["fields=*entries", "fields=%2Bcustomer.groups.id", "fields=%00", "unknown=1"],
  },
  "GET /admin/trade-credit/accounts/:id/entries": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/entries`,
    bad: ["limit=0", "limit=201", "limit=x", "cursor=bogus", "cursor=%00", `cursor=${Buffer.from("seq:99999999999999999999").toString("base64url")}`, "operation=stolen", "unknown=1",
      // The page that starts at an entry: only one of this account's entries, never a forged or foreign one.
      "from_entry=", "from_entry=%00", `from_entry=${"x".repeat(5000)}`, "from_entry=tcle_01NOTANENTRY", "from_entry=tcle_1&cursor=bogus"],
  },
  "GET /admin/trade-credit/reviews": {
    auth: "admin",
    url: () => "/admin/trade-credit/reviews",
    bad: ["limit=-1", "limit=100000", "offset=-5", "order=nope", "fields=*account", "status=bogus", "order_id=%00", "unknown=1"],
  },
  "GET /admin/trade-credit/orders/:id/confirm-failure": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/orders/${w.heldOrderA}/confirm-failure`,
    bad: [],
  },
  "GET /admin/trade-credit/reconciliation": {
    auth: "admin",
    url: () => "/admin/trade-credit/reconciliation",
    bad: ["grace_seconds=-1", "grace_seconds=1.5", "grace_seconds=x", "grace_seconds=86401", "grace_seconds=%00", "unknown=1", "a.b.c=1"],
  },
  "GET /admin/trade-credit/reports/aging": {
    auth: "admin",
    url: () => "/admin/trade-credit/reports/aging",
    bad: ["as_of=2999-01-01", "as_of=2020-02-30", "as_of=%00", "currency_code=%00", "currency_code=eu%3Bdrop", "format=pdf",
      "format=csv&as_of=2999-01-01", "limit=0", "limit=100000", "offset=-1", "unknown=1", "a.b.c=1"],
  },
  "GET /admin/trade-credit/orders/:id/paying-account": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/orders/${w.heldOrderA}/paying-account`,
    bad: [],
  },
  "GET /admin/trade-credit/orders/:id/balance": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/orders/${w.heldOrderA}/balance`,
    bad: [],
  },
  "GET /store/trade-credit/accounts": {
    auth: "buyer",
    url: () => "/store/trade-credit/accounts",
    bad: [],
  },
  "GET /store/trade-credit/accounts/:id/entries": {
    auth: "buyer",
    url: (w) => `/store/trade-credit/accounts/${w.accountA.id}/entries`,
    bad: ["limit=0", "limit=500", "cursor=bogus", "cursor=%00", "operation=stolen", "unknown=1"],
  },
  "GET /admin/trade-credit/invoices": {
    auth: "admin",
    url: () => "/admin/trade-credit/invoices",
    bad: ["limit=-1", "limit=100000", "offset=-5", "order=nope", "order=overdue_at%3Bdrop", "fields=*allocations", "status=bogus",
      "overdue=maybe", "due_before=2026-13", "due_before=yesterday", "due_after=%00", "number=%00", "account_id=%00", "order_id=%00", "unknown=1"],
  },
  "GET /admin/trade-credit/invoices/:id": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/invoices/${w.invoiceA.id}`,
    bad: ["unknown=1", "fields=*allocations"],
  },
  "GET /store/trade-credit/accounts/:id/invoices": {
    auth: "buyer",
    url: (w) => `/store/trade-credit/accounts/${w.accountA.id}/invoices`,
    bad: ["limit=0", "limit=500", "status=stolen", "overdue=1", "due_after=tomorrow", "account_id=x", "unknown=1"],
  },
  "GET /admin/trade-credit/accounts/:id/notes": {
    auth: "admin",
    url: (w) => `/admin/trade-credit/accounts/${w.accountB.id}/notes`,
    bad: [],
  },
  "GET /store/trade-credit/balance": {
    auth: "buyer",
    url: () => "/store/trade-credit/balance",
    bad: ["", "currency_code=", "currency_code=euro", "currency_code=%00", "currency_code=eur&unknown=1", "currency_code[]=eur"],
  },
  "GET /store/trade-credit/accounts/:id/invoices/:invoice_id": {
    auth: "buyer",
    url: (w) => `/store/trade-credit/accounts/${w.accountA.id}/invoices/${w.invoiceA.id}`,
    bad: ["unknown=1"],
  },
}

/** DELETE routes: without credentials, from the other realm, or on an id that isn't one, a 4xx. */
const DELETES: Record<string, { url: (w: World) => string; auth: "admin" | "buyer" }> = {
  "DELETE /store/carts/:id/trade-credit": { auth: "buyer", url: (w) => `/store/carts/${w.cartA}/trade-credit` },
}

/**
 * A buyer of company A against company B, on every store route: B's account
 * and B's card payment are 404 (or absent from a list), never a 403.
 */
const CROSS_COMPANY: Record<string, (w: World, api: any) => Promise<void>> = {
  "GET /store/trade-credit/accounts": async (w, api) => {
    const { data } = await api.get("/store/trade-credit/accounts", { headers: w.buyerA.headers })
    expect(data.accounts.map((a: any) => a.id)).toEqual([w.accountA.id])
  },
  "GET /store/trade-credit/accounts/:id/entries": async (w, api) => {
    await expectStatus(api.get(`/store/trade-credit/accounts/${w.accountB.id}/entries`, { headers: w.buyerA.headers }), 404)
  },
  "GET /store/trade-credit/accounts/:id/invoices": async (w, api) => {
    await expectStatus(api.get(`/store/trade-credit/accounts/${w.accountB.id}/invoices`, { headers: w.buyerA.headers }), 404)
  },
  "GET /store/trade-credit/accounts/:id/invoices/:invoice_id": async (w, api) => {
    // B's invoice on B's account, and B's invoice through A's account.
    for (const accountId of [w.accountB.id, w.accountA.id]) {
      await expectStatus(api.get(`/store/trade-credit/accounts/${accountId}/invoices/${w.invoiceB.id}`, { headers: w.buyerA.headers }), 404)
    }
  },
  "GET /store/trade-credit/balance": async (w, api) => {
    // A's buyer has no personal account: nothing of B's (a company account) is ever their balance.
    const { data } = await api.get("/store/trade-credit/balance?currency_code=eur", { headers: w.buyerA.headers })
    expect(data.balance).toEqual({ currency_code: "eur", amount: 0, account_id: null })
  },
  "POST /store/carts/:id/trade-credit": async (w, api) => {
    await expectStatus(api.post(`/store/carts/${w.cartB}/trade-credit`, {}, { headers: w.buyerA.headers }), 404)
  },
  "DELETE /store/carts/:id/trade-credit": async (w, api) => {
    await expectStatus(api.delete(`/store/carts/${w.cartB}/trade-credit`, { headers: w.buyerA.headers }), 404)
  },
  // The card-payment routes' validation is changing elsewhere (allowed providers): a refusal
  // may come as 400 before the account is looked up; never a success, a 403 or a 5xx.
  "POST /store/trade-credit/accounts/:id/card-payments": async (w, api) => {
    await expectStatus(
      api.post(`/store/trade-credit/accounts/${w.accountB.id}/card-payments`, { amount: 10, provider_id: "pp_system_default" }, { headers: w.buyerA.headers }),
      [400, 404]
    )
  },
  "POST /store/trade-credit/accounts/:id/card-payments/:payment_collection_id/complete": async (w, api) => {
    // B's payment on B's account, and B's payment through A's account.
    for (const accountId of [w.accountB.id, w.accountA.id]) {
      await expectStatus(
        api.post(`/store/trade-credit/accounts/${accountId}/card-payments/${w.cardPaymentB}/complete`, {}, { headers: w.buyerA.headers }),
        [400, 404]
      )
    }
  },
}

async function expectStatus(promise: Promise<any>, status: number | number[]) {
  const res = await answer(promise)
  expect([status].flat()).toContain(res.status)
}

/**
 * Two companies, each with an account and a buyer: A has an order held for
 * review and a card payment started by its buyer, B a reimbursement and a
 * card payment started by its buyer; a spare group has no account yet.
 */
async function buildWorld(api: any, container: MedusaContainer) {
  const { admin, shop, buyer: buyerA, account: accountA } = await companyWithBuyer(api, container, {
    company: "Antwerp Joinery",
    email: "alice@joinery.example",
    credit_limit: 1,
  })
  await client.updateAccount(api, admin.headers, accountA.id, { over_limit_policy: "hold", reason: "Hold orders over the limit" })
  const held = await complete(api, buyerA.headers, (await cartReadyToPay(api, buyerA.headers, shop)).id)
  expect(held.type).toBe("order")
  const [reviewA] = (await client.listReviews(api, admin.headers, { order_id: held.order.id })).reviews
  expect(reviewA.status).toBe("pending")

  const companyB = await customerGroup(container, "Bruges Bricks")
  const buyerB = await buyer(api, container, shop.pk, "bob@bricks.example", [companyB.id])
  const accountB = await client.openAccount(api, admin.headers, { customer_group_id: companyB.id, credit_limit: 5000, reference: "B-1" })
  const paidB = await client.reimburse(api, admin.headers, accountB.id, { amount: 50, reference: "BANK-0", comment: "First payment" })
  const spareGroup = await customerGroup(container, "Spare Co")
  // An invoice on each account: an order posted to it.
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const invoiceOf = async (accountId: string) => {
    const { entry } = await tradeCredit.postLedgerEntry({ account_id: accountId, operation: "purchased", amount: -20, actor: { type: "system" } })
    const [invoice] = await tradeCredit.listTradeCreditInvoices({ entry_id: entry.id })
    return invoice
  }
  const invoiceA = await invoiceOf(accountA.id)
  const invoiceB = await invoiceOf(accountB.id)

  // Card payments made the way the card-payment route makes them (a tagged collection with a session).
  const cardPayment = async (accountId: string, customerId: string) => {
    const [collection] = await container.resolve(Modules.PAYMENT).createPaymentCollections([
      { currency_code: "eur", amount: 10, metadata: { [CARD_PAYMENT_ACCOUNT_KEY]: accountId, [CARD_PAYMENT_CUSTOMER_KEY]: customerId } },
    ] as any)
    await createPaymentSessionsWorkflow(container).run({
      input: { payment_collection_id: collection.id, provider_id: "pp_system_default", customer_id: customerId, data: {} },
    })
    return collection.id as string
  }
  // A plain cart of each buyer (the balance routes).
  const cartOf = async (headers: Record<string, string>) =>
    (await api.post("/store/carts", { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[0], quantity: 1 }] }, { headers })).data.cart
      .id as string
  return {
    admin,
    buyerA,
    cartA: await cartOf(buyerA.headers),
    cartB: await cartOf(buyerB.headers),
    buyerB,
    accountA,
    accountB,
    reimbursementB: paidB.entry,
    reviewA,
    heldOrderA: held.order.id as string,
    spareGroup,
    invoiceA,
    invoiceB,
    cardPaymentA: await cardPayment(accountA.id, buyerA.customer.id),
    cardPaymentB: await cardPayment(accountB.id, buyerB.customer.id),
  }
}

/** Everything a request could write: accounts, entries (with their notes), reviews, card payments, orders' payments. */
async function snapshot(container: MedusaContainer) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const query = container.resolve("query")
  // The reads at once (each its own pool connection): taken after every one of the 300+ requests.
  const [accounts, entries, reviews, invoices, allocations, { data: collections }, { data: groups }] = await Promise.all([
    tradeCredit.listTradeCreditAccounts({}, { order: { id: "ASC" } }),
    tradeCredit.listTradeCreditLedgerEntries({}, { order: { id: "ASC" } }),
    tradeCredit.listTradeCreditReviews({}, { order: { id: "ASC" } }),
    tradeCredit.listTradeCreditInvoices({}, { order: { id: "ASC" } }),
    tradeCredit.listTradeCreditInvoiceAllocations({}, { order: { id: "ASC" } }),
    query.graph({
      entity: "payment_collection",
      fields: ["id", "status", "amount", "payment_sessions.id", "payment_sessions.status", "payments.id", "payments.captured_at", "payments.canceled_at"],
    }),
    query.graph({ entity: "customer_group", fields: ["id"] }),
  ])
  return JSON.parse(
    JSON.stringify({
      accounts: accounts.map((a: any) => ({ ...a, raw_balance: undefined, raw_reserved: undefined, raw_credit_limit: undefined })),
      entries: entries.map((e: any) => ({ id: e.id, reference: e.reference, comment: e.comment, amount: String(e.amount) })),
      reviews,
      invoices: invoices.map((i: any) => ({ id: i.id, status: i.status, paid: String(i.amount_paid), open: String(i.amount_open) })),
      allocations: allocations.length,
      collections: collections.sort((a: any, b: any) => a.id.localeCompare(b.id)),
      groups: groups.length,
    })
  )
}

/** The sum of an account's entries is its running totals. */
async function expectLedgerInvariant(container: MedusaContainer) {
  const tradeCredit = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  for (const account of await tradeCredit.listTradeCreditAccounts({})) {
    const entries = await tradeCredit.listTradeCreditLedgerEntries({ account_id: account.id })
    const sum = (field: "amount" | "reserved_delta") =>
      entries.reduce((s: any, e: any) => MathBN.add(s, e[`raw_${field}`] ?? e[field] ?? 0), MathBN.convert(0))
    expect([account.id, sum("amount").toString(), sum("reserved_delta").toString()]).toEqual([
      account.id,
      MathBN.convert((account as any).raw_balance ?? account.balance).toString(),
      MathBN.convert((account as any).raw_reserved ?? account.reserved).toString(),
    ])
  }
}

/** Malformed variants of a valid body: other shapes, unknown fields, wrong types, NUL bytes, bad amounts. */
function malformedBodies(valid: Record<string, unknown>): unknown[] {
  const bodies: unknown[] = [[], [valid], { ...valid, evil: true }, { ...valid, id: "tcacc_forged" }]
  for (const [field, value] of Object.entries(valid)) {
    // `data` and `metadata` are free JSON objects: nesting is allowed there.
    if (!["data", "metadata"].includes(field)) {
      bodies.push({ ...valid, [field]: { nested: value } })
    }
    bodies.push({ ...valid, [field]: [value] }, { ...valid, [field]: true })
    if (typeof value === "string") {
      bodies.push({ ...valid, [field]: 12345 }, { ...valid, [field]: `${value}\u0000` }, { ...valid, [field]: "\u0000" }, { ...valid, [field]: "x".repeat(5000) })
    }
    if (field === "amount" || field === "credit_limit") {
      bodies.push(
        ...[1e308, "1e400", "9".repeat(400), 9_999_999_999_999_999, "10.001", 10.001, "NaN", "Infinity", "-Infinity", "", " ", "0x10", "1,00", "1e-3", "10 EUR"].map(
          (amount) => ({ ...valid, [field]: amount })
        )
      )
    }
  }
  return bodies
}

/** Bodies that aren't JSON objects at all, sent raw. */
const RAW_BODIES = ["{", '"text"', "null", "42", "true", "[]", '{"a":' + "[".repeat(5000)]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("covers every route under src/api", () => {
      const covered = new Set([...Object.keys(MUTATIONS), ...Object.keys(QUERIES), ...Object.keys(DELETES)])
      expect(routesInSource().filter((r) => !covered.has(r))).toEqual([])
      expect([...covered].filter((r) => !routesInSource().includes(r))).toEqual([])
      const storeRoutes = routesInSource().filter((r) => r.split(" ")[1].startsWith("/store/"))
      expect(Object.keys(CROSS_COMPANY).sort()).toEqual(storeRoutes)
    })

    it("answers malformed input on every route with a 4xx, writing nothing, the ledger still adding up", async () => {
      const container = getContainer()
      const w = await buildWorld(api, container)
      const headersOf = (auth: "admin" | "buyer") => (auth === "admin" ? w.admin.headers : w.buyerA.headers)
      let before = await snapshot(container)
      await expectLedgerInvariant(container)
      let served = 0
      const failures: string[] = []
      // Every case runs; the failures are listed together at the end.
      const check = async (label: string, request: () => Promise<any>) => {
        const res = await answer(request())
        served++
        if (res.status < 400 || res.status >= 500) {
          failures.push(`${label} -> ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
        }
        const after = await snapshot(container)
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          failures.push(`${label} -> wrote something`)
          before = after
        }
      }

      for (const [route, spec] of Object.entries(MUTATIONS)) {
        const url = spec.url(w)
        const headers = headersOf(spec.auth)
        for (const body of [...malformedBodies(spec.valid(w)), ...(spec.extra?.(w) ?? [])]) {
          await check(`${route} ${JSON.stringify(body).slice(0, 200)}`, () => api.post(url, body, { headers }))
        }
        for (const raw of RAW_BODIES) {
          await check(`${route} raw ${raw.slice(0, 20)}`, () =>
            api.post(url, raw, { headers: { ...headers, "content-type": "application/json" }, transformRequest: [(d: unknown) => d] })
          )
        }
        // Ids that aren't ids: unknown, NUL, very long.
        for (const id of ["tcacc_nope", "%00", "x".repeat(2000)]) {
          const forged = url.replace(/(tcacc|tcle|tcrev|pay_col)_[0-9A-Z]+/g, id)
          if (forged !== url) {
            await check(`${route} id ${id.slice(0, 20)}`, () => api.post(forged, spec.valid(w), { headers }))
          }
        }
        // Without credentials, and with the other side's.
        await check(`${route} anonymous`, () => api.post(url, spec.valid(w), { headers: { "x-publishable-api-key": w.buyerA.headers["x-publishable-api-key"] } }))
        await check(`${route} wrong realm`, () => api.post(url, spec.valid(w), { headers: headersOf(spec.auth === "admin" ? "buyer" : "admin") }))
      }

      for (const [route, spec] of Object.entries(QUERIES)) {
        const url = spec.url(w)
        const headers = headersOf(spec.auth)
        for (const query of spec.bad) {
          await check(`${route}?${query}`, () => api.get(`${url}?${query}`, { headers }))
        }
        for (const id of ["%00", "x".repeat(2000)]) {
          const forged = url.replace(/(tcacc|order)_[0-9A-Z]+/g, id)
          if (forged !== url) {
            await check(`${route} id ${id.slice(0, 20)}`, () => api.get(forged, { headers }))
          }
        }
        await check(`${route} anonymous`, () => api.get(url, { headers: { "x-publishable-api-key": w.buyerA.headers["x-publishable-api-key"] } }))
      }
      for (const [route, spec] of Object.entries(DELETES)) {
        const url = spec.url(w)
        await check(`${route} anonymous`, () => api.delete(url, { headers: { "x-publishable-api-key": w.buyerA.headers["x-publishable-api-key"] } }))
        await check(`${route} wrong realm`, () => api.delete(url, { headers: headersOf(spec.auth === "admin" ? "buyer" : "admin") }))
        for (const id of ["cart_nope", "%00", "x".repeat(2000)]) {
          await check(`${route} id ${id.slice(0, 20)}`, () => api.delete(url.replace(/cart_[0-9A-Z]+/, id), { headers: headersOf(spec.auth) }))
        }
      }
      expect(failures).toEqual([])
      await expectLedgerInvariant(container)
      expect(served).toBeGreaterThan(300)
    })

    it("keeps a buyer of one company away from another company's account and card payments on every store route", async () => {
      const container = getContainer()
      const w = await buildWorld(api, container)
      const before = await snapshot(container)
      for (const [route, attack] of Object.entries(CROSS_COMPANY)) {
        await attack(w, api)
        expect([route, await snapshot(container)]).toEqual([route, before])
      }
      await expectLedgerInvariant(container)
    })
  },
})
