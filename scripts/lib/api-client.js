/**
 * The HTTP calls of a B2B checkout and of the trade credit routes (store and
 * admin API), for every test and script that drives Medusa over HTTP: the
 * HTTP specs, the multi-process test, the browser test, `npm run bench` and
 * `npm run check:install`. Types: api-client.d.ts, next to this file.
 *
 * Every call takes a `target` first: a server's base URL (the calls go over
 * fetch), or the axios instance of Medusa's test runner (`api` of
 * medusaIntegrationTestRunner). A non-2xx answer throws an HttpError that
 * carries `status`, `data` and, as axios does, `response: { status, data }`.
 *
 * No money arithmetic here: amounts go through as the API gives them.
 */
const REQUEST_TIMEOUT_MS = 60_000
const PASSWORD = "supersecret"
const ON_ACCOUNT = "pp_trade-credit_on-account"
const SYSTEM = "pp_system_default"
/** The seed's cheaper shipping option (src/scripts/seed-demo.ts). */
const STANDARD_SHIPPING = "Standard delivery (2-3 working days)"
const ADDRESS = { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" }

class HttpError extends Error {
  constructor(method, path, status, data) {
    super(`${method} ${path} answered ${status}: ${typeof data === "string" ? data : JSON.stringify(data)}`)
    this.status = status
    this.data = data
    this.response = { status, data }
  }
}

/** `?a=1&b=x` from an object (undefined values left out), or the string as given. */
function queryString(query) {
  if (!query) return ""
  if (typeof query === "string") return query.startsWith("?") || !query ? query : `?${query}`
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

async function send(target, method, path, { body, headers, timeoutMs }) {
  if (typeof target !== "string") {
    const response = await target.request({ method, url: path, data: body, headers, timeout: timeoutMs, validateStatus: () => true })
    return { status: response.status, data: response.data ?? null, retryAfter: response.headers?.["retry-after"] ?? null }
  }
  const response = await fetch(`${target}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  let data = text
  try {
    data = text ? JSON.parse(text) : null
  } catch {}
  return { status: response.status, data, retryAfter: response.headers.get("retry-after") }
}

/**
 * One request. Resolves `{ status, data, ms, retryAfter }` (the Retry-After header or null); throws HttpError for a non-2xx
 * answer unless `allowError`, and a network error or timeout as it is.
 */
async function request(target, method, path, { body, headers = {}, allowError = false, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const started = performance.now()
  const { status, data, retryAfter } = await send(target, method, path, { body, headers, timeoutMs })
  const ms = performance.now() - started
  if ((status < 200 || status > 299) && !allowError) {
    throw new HttpError(method, path, status, data)
  }
  return { status, data, ms, retryAfter }
}

const get = (target, path, opts) => request(target, "GET", path, opts).then((r) => r.data)
const post = (target, path, body, opts) => request(target, "POST", path, { ...opts, body: body ?? {} }).then((r) => r.data)

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

// ---------------------------------------------------------------------------
// Logins
// ---------------------------------------------------------------------------

/** Bearer headers of an admin user (emailpass). */
async function adminLogin(target, { email, password }) {
  const { token } = await post(target, "/auth/user/emailpass", { email, password })
  return { authorization: `Bearer ${token}` }
}

/** A buyer who registered and logged in through the store API (emailpass). */
async function registerBuyer(target, publishableKey, email, { password = PASSWORD, firstName } = {}) {
  const { token: registration } = await post(target, "/auth/customer/emailpass/register", { email, password })
  const { customer } = await post(
    target,
    "/store/customers",
    { email, first_name: firstName ?? email.split("@")[0], last_name: "Buyer" },
    { headers: { authorization: `Bearer ${registration}`, "x-publishable-api-key": publishableKey } }
  )
  const { token } = await post(target, "/auth/customer/emailpass", { email, password })
  return { customer, email, headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}

/** A company: a customer group with these customers in it. */
async function createCompany(target, adminHeaders, name, customerIds = []) {
  const { customer_group } = await post(target, "/admin/customer-groups", { name }, { headers: adminHeaders })
  if (customerIds.length) {
    await post(target, `/admin/customer-groups/${customer_group.id}/customers`, { add: customerIds }, { headers: adminHeaders })
  }
  return customer_group
}

/**
 * A company of `count` buyers (buyer-<i>@<slug>.example) who registered and
 * logged in through the store API, and its trade credit account opened with
 * `account` (EUR unless it says otherwise). Buyer i registers on `targetOf(i)`
 * (default: `target`), at most `concurrency` at a time.
 */
async function companyOfBuyers(target, adminHeaders, publishableKey, { slug, name = `Company ${slug}`, count, account = {}, concurrency = 4, targetOf = () => target }) {
  const buyers = await mapLimit([...Array(count).keys()], concurrency, (i) =>
    registerBuyer(targetOf(i), publishableKey, `buyer-${i}@${slug}.example`)
  )
  const group = await createCompany(target, adminHeaders, name, buyers.map((b) => b.customer.id))
  const opened = await openAccount(target, adminHeaders, { customer_group_id: group.id, ...account })
  return { buyers, group, account: opened }
}

// ---------------------------------------------------------------------------
// Trade credit: admin routes
// ---------------------------------------------------------------------------

const ACCOUNTS = "/admin/trade-credit/accounts"
const REVIEWS = "/admin/trade-credit/reviews"

/** `GET /admin/trade-credit/accounts`: `{ accounts, count, … }`. */
const listAccounts = (target, adminHeaders, query) => get(target, `${ACCOUNTS}${queryString(query)}`, { headers: adminHeaders })

/** Opens an account (EUR unless `currency_code` says otherwise); resolves the account. */
async function openAccount(target, adminHeaders, body) {
  const { account } = await post(target, ACCOUNTS, { currency_code: "eur", ...body }, { headers: adminHeaders })
  return account
}

async function getAccount(target, adminHeaders, id) {
  return (await get(target, `${ACCOUNTS}/${id}`, { headers: adminHeaders })).account
}

async function updateAccount(target, adminHeaders, id, body) {
  return (await post(target, `${ACCOUNTS}/${id}`, body, { headers: adminHeaders })).account
}

/** One page of an account's history: `{ entries, has_more, next_cursor, … }`. */
const entriesPage = (target, adminHeaders, id, query) =>
  get(target, `${ACCOUNTS}/${id}/entries${queryString(query)}`, { headers: adminHeaders })

/** The account's whole history (every page), newest first. */
async function allEntries(target, adminHeaders, id) {
  const entries = []
  let cursor
  for (;;) {
    const page = await entriesPage(target, adminHeaders, id, { limit: 200, cursor })
    entries.push(...page.entries)
    if (!page.has_more || !page.next_cursor) return entries
    cursor = page.next_cursor
  }
}

/** `POST …/reimbursements`: a payment received from the customer. */
const reimburse = (target, adminHeaders, id, body, headers = {}) =>
  post(target, `${ACCOUNTS}/${id}/reimbursements`, body, { headers: { ...adminHeaders, ...headers } })

/** `POST …/reimbursements/:entry_id`: corrects a recorded reimbursement. */
const correctReimbursement = (target, adminHeaders, id, entryId, body) =>
  post(target, `${ACCOUNTS}/${id}/reimbursements/${entryId}`, body, { headers: adminHeaders })

/** `POST …/adjustments`. */
const adjust = (target, adminHeaders, id, body, headers = {}) =>
  post(target, `${ACCOUNTS}/${id}/adjustments`, body, { headers: { ...adminHeaders, ...headers } })

/** `GET /admin/trade-credit/reviews`: `{ reviews, count, … }`. */
const listReviews = (target, adminHeaders, query) => get(target, `${REVIEWS}${queryString(query)}`, { headers: adminHeaders })

/** Reviews of one account (`status` e.g. "pending"), all of them. */
async function accountReviews(target, adminHeaders, accountId, status) {
  const reviews = []
  for (;;) {
    const page = await listReviews(target, adminHeaders, { account_id: accountId, status, limit: 100, offset: reviews.length })
    reviews.push(...page.reviews)
    if (!page.reviews.length || reviews.length >= page.count) return { reviews, count: page.count }
  }
}

const releaseReview = (target, adminHeaders, reviewId, body = {}) => post(target, `${REVIEWS}/${reviewId}/release`, body, { headers: adminHeaders })
const rejectReview = (target, adminHeaders, reviewId, body = {}) => post(target, `${REVIEWS}/${reviewId}/reject`, body, { headers: adminHeaders })

/** `GET /admin/trade-credit/orders/:id/confirm-failure`. */
const confirmFailure = (target, adminHeaders, orderId) =>
  get(target, `/admin/trade-credit/orders/${orderId}/confirm-failure`, { headers: adminHeaders })

/** `GET /admin/trade-credit/reconciliation`: `{ ok, accounts_checked, differences, … }` (query e.g. `{ grace_seconds: 0 }`). */
const reconciliation = (target, adminHeaders, query) =>
  get(target, `/admin/trade-credit/reconciliation${queryString(query)}`, { headers: adminHeaders })

/** `GET /admin/trade-credit/reports/aging` (JSON): `{ as_of, accounts, totals, count, … }` (query e.g. `{ currency_code: "eur", as_of: "2026-11-30" }`). */
const agingReport = (target, adminHeaders, query) =>
  get(target, `/admin/trade-credit/reports/aging${queryString(query)}`, { headers: adminHeaders })

// ---------------------------------------------------------------------------
// Trade credit: store routes (a logged-in buyer's headers)
// ---------------------------------------------------------------------------

/** `GET /store/trade-credit/accounts`: the accounts the buyer may see. */
const myAccounts = (target, headers) => get(target, "/store/trade-credit/accounts", { headers })

/** Invoices of all accounts (admin): `{invoices, count, limit, offset}`. */
const listInvoices = (target, adminHeaders, query) => get(target, `/admin/trade-credit/invoices${queryString(query)}`, { headers: adminHeaders })

/** Runs credit control now (mark overdue, auto stop/release, due reminders): `{ marked_overdue, stopped, released, emails_sent, emails_failed }`. */
const runCreditControl = (target, adminHeaders) => post(target, "/admin/trade-credit/reminders/run", {}, { headers: adminHeaders })

/** Pauses / resumes an invoice's reminders, sets its dispute note: resolves the invoice. */
const updateInvoice = async (target, adminHeaders, id, body) =>
  (await post(target, `/admin/trade-credit/invoices/${id}`, body, { headers: adminHeaders })).invoice

/** Records a chase note: `{ chase_note, account }`. */
const addChaseNote = (target, adminHeaders, accountId, body) =>
  post(target, `${ACCOUNTS}/${accountId}/notes`, body, { headers: adminHeaders })

/** An account's chase notes, newest first. */
const listChaseNotes = async (target, adminHeaders, accountId) =>
  (await get(target, `${ACCOUNTS}/${accountId}/notes`, { headers: adminHeaders })).chase_notes

/** One invoice with its allocations (admin). */
const getInvoice = async (target, adminHeaders, id) =>
  (await get(target, `/admin/trade-credit/invoices/${id}`, { headers: adminHeaders })).invoice

/** The invoices of an account the buyer may use. */
const myInvoices = (target, headers, accountId, query) =>
  get(target, `/store/trade-credit/accounts/${accountId}/invoices${queryString(query)}`, { headers })

/** One invoice of an account the buyer may use, with its allocations. */
const myInvoice = async (target, headers, accountId, invoiceId) =>
  (await get(target, `/store/trade-credit/accounts/${accountId}/invoices/${invoiceId}`, { headers })).invoice

const myEntries = (target, headers, accountId, query) =>
  get(target, `/store/trade-credit/accounts/${accountId}/entries${queryString(query)}`, { headers })

/** Starts a card payment toward the account; resolves `card_payment`. */
async function startCardPayment(target, headers, accountId, body) {
  return (await post(target, `/store/trade-credit/accounts/${accountId}/card-payments`, body, { headers })).card_payment
}

/** Completes a card payment; `opts.allowError` to see a refusal as `{ status, data }` (see request). */
const completeCardPayment = (target, headers, accountId, paymentCollectionId, body = {}, opts = {}) =>
  request(target, "POST", `/store/trade-credit/accounts/${accountId}/card-payments/${paymentCollectionId}/complete`, { ...opts, body, headers })

/** `GET /store/trade-credit/balance`: `{ currency_code, amount, account_id }` of the buyer's personal account. */
async function myBalance(target, headers, currencyCode = "eur") {
  return (await get(target, `/store/trade-credit/balance${queryString({ currency_code: currencyCode })}`, { headers })).balance
}

/** `POST /store/carts/:id/trade-credit`: applies the balance (as much as possible, or up to `amount`); resolves the cart. */
async function applyBalance(target, headers, cartId, body = {}) {
  return (await post(target, `/store/carts/${cartId}/trade-credit`, body, { headers })).cart
}

/** `DELETE /store/carts/:id/trade-credit`: the buyer opts out of paying with the balance; resolves the cart. */
async function removeBalance(target, headers, cartId) {
  return (await request(target, "DELETE", `/store/carts/${cartId}/trade-credit`, { headers })).data.cart
}

// ---------------------------------------------------------------------------
// Checkout
// ---------------------------------------------------------------------------

/** The id of the shipping option `name` (default: the first one offered) for a cart. */
async function shippingOptionFor(target, headers, cartId, name) {
  const { shipping_options } = await get(target, `/store/shipping-options?cart_id=${cartId}`, { headers })
  const option = name ? shipping_options.find((o) => o.name === name) : shipping_options[0]
  if (!option) {
    throw new Error(`No shipping option ${name ? `"${name}" ` : ""}for cart ${cartId}`)
  }
  return option.id
}

/**
 * A cart ready to complete, in four store calls: cart with one item and a
 * Dutch shipping address, shipping method, payment collection, payment
 * session with `providerId`. `shippingOptionId` skips the shipping-option
 * lookup when the caller already knows it (identical carts); otherwise the
 * option named `shippingOptionName` (default: the first offered) is used.
 * Resolves the priced cart (id, total, currency_code, …) with `shipping_option_id`.
 */
async function cartReadyToPay(target, headers, shop, { providerId = ON_ACCOUNT, quantity = 1, variant = 0, shippingOptionId, shippingOptionName } = {}) {
  const opts = { headers }
  const { cart } = await post(
    target,
    "/store/carts",
    { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[variant], quantity }], shipping_address: ADDRESS },
    opts
  )
  const optionId = shippingOptionId ?? (await shippingOptionFor(target, headers, cart.id, shippingOptionName))
  const { cart: priced } = await post(target, `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, opts)
  const { payment_collection } = await post(target, "/store/payment-collections", { cart_id: cart.id }, opts)
  await post(target, `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: providerId }, opts)
  return { ...priced, shipping_option_id: optionId }
}

/** `POST /store/carts/:id/complete`: `{type: "order", order}` or `{type: "cart", error}`; throws HttpError otherwise. */
const complete = (target, headers, cartId) => post(target, `/store/carts/${cartId}/complete`, {}, { headers })

/**
 * `POST /store/carts/:id/complete`, never throwing for an HTTP status:
 * `{ status, data, ms }` where data is `{type: "order", order}`,
 * `{type: "cart", error}` or an error body. A network failure or timeout is
 * reported as status 0 with the error's message.
 */
async function completeCart(target, headers, cartId, { timeoutMs = 120_000 } = {}) {
  try {
    return await request(target, "POST", `/store/carts/${cartId}/complete`, { headers, allowError: true, timeoutMs })
  } catch (error) {
    return { status: 0, data: { message: String(error?.message ?? error) }, ms: NaN }
  }
}

module.exports = {
  ON_ACCOUNT,
  SYSTEM,
  PASSWORD,
  STANDARD_SHIPPING,
  HttpError,
  request,
  get,
  post,
  mapLimit,
  adminLogin,
  registerBuyer,
  createCompany,
  companyOfBuyers,
  listAccounts,
  openAccount,
  getAccount,
  updateAccount,
  entriesPage,
  allEntries,
  reimburse,
  correctReimbursement,
  adjust,
  listReviews,
  accountReviews,
  releaseReview,
  rejectReview,
  confirmFailure,
  reconciliation,
  agingReport,
  myAccounts,
  myEntries,
  listInvoices,
  runCreditControl,
  updateInvoice,
  addChaseNote,
  listChaseNotes,
  getInvoice,
  myInvoices,
  myInvoice,
  startCardPayment,
  completeCardPayment,
  myBalance,
  applyBalance,
  removeBalance,
  shippingOptionFor,
  cartReadyToPay,
  complete,
  completeCart,
}
