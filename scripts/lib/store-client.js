/**
 * The HTTP calls of a B2B checkout against a running Medusa (store and admin
 * API), shared by the multi-process test and `npm run bench`. The same calls as
 * integration-tests/helpers/checkout.ts and fixtures.ts, over plain fetch so
 * that they can target any server URL.
 *
 * No money arithmetic here: amounts go through as the API gives them.
 */
const REQUEST_TIMEOUT_MS = 60_000
const PASSWORD = "supersecret"
const ON_ACCOUNT = "pp_trade-credit_on-account"
const SYSTEM = "pp_system_default"

class HttpError extends Error {
  constructor(method, path, status, data) {
    super(`${method} ${path} answered ${status}: ${typeof data === "string" ? data : JSON.stringify(data)}`)
    this.status = status
    this.data = data
  }
}

/**
 * One request. Resolves `{ status, data, ms }`; throws HttpError for a non-2xx
 * answer unless `allowError`, and a network error or timeout as it is.
 */
async function request(baseUrl, method, path, { body, headers = {}, allowError = false, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const started = performance.now()
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  const ms = performance.now() - started
  let data = text
  try {
    data = text ? JSON.parse(text) : null
  } catch {}
  if (!response.ok && !allowError) {
    throw new HttpError(method, path, response.status, data)
  }
  return { status: response.status, data, ms }
}

const get = (baseUrl, path, opts) => request(baseUrl, "GET", path, opts).then((r) => r.data)
const post = (baseUrl, path, body, opts) => request(baseUrl, "POST", path, { ...opts, body }).then((r) => r.data)

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
// Admin
// ---------------------------------------------------------------------------

async function adminLogin(baseUrl, { email, password }) {
  const { token } = await post(baseUrl, "/auth/user/emailpass", { email, password })
  return { authorization: `Bearer ${token}` }
}

/** A company: a customer group with these customers in it. */
async function createCompany(baseUrl, adminHeaders, name, customerIds = []) {
  const { customer_group } = await post(baseUrl, "/admin/customer-groups", { name }, { headers: adminHeaders })
  if (customerIds.length) {
    await post(baseUrl, `/admin/customer-groups/${customer_group.id}/customers`, { add: customerIds }, { headers: adminHeaders })
  }
  return customer_group
}

async function openAccount(baseUrl, adminHeaders, body) {
  const { account } = await post(baseUrl, "/admin/trade-credit/accounts", { currency_code: "eur", ...body }, { headers: adminHeaders })
  return account
}

async function getAccount(baseUrl, adminHeaders, id) {
  return (await get(baseUrl, `/admin/trade-credit/accounts/${id}`, { headers: adminHeaders })).account
}

/** The account's whole history (every page), newest first. */
async function allEntries(baseUrl, adminHeaders, id) {
  const entries = []
  let cursor = null
  for (;;) {
    const page = await get(
      baseUrl,
      `/admin/trade-credit/accounts/${id}/entries?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { headers: adminHeaders }
    )
    entries.push(...page.entries)
    if (!page.has_more || !page.next_cursor) return entries
    cursor = page.next_cursor
  }
}

/** Reviews of one account (`status` e.g. "pending"), all of them. */
async function accountReviews(baseUrl, adminHeaders, accountId, status) {
  const reviews = []
  for (;;) {
    const page = await get(
      baseUrl,
      `/admin/trade-credit/reviews?account_id=${accountId}${status ? `&status=${status}` : ""}&limit=100&offset=${reviews.length}`,
      { headers: adminHeaders }
    )
    reviews.push(...page.reviews)
    if (!page.reviews.length || reviews.length >= page.count) return { reviews, count: page.count }
  }
}

// ---------------------------------------------------------------------------
// Store
// ---------------------------------------------------------------------------

/** A buyer who registered and logged in through the store API (emailpass). */
async function registerBuyer(baseUrl, publishableKey, email, { password = PASSWORD, firstName } = {}) {
  const { token: registration } = await post(baseUrl, "/auth/customer/emailpass/register", { email, password })
  const { customer } = await post(
    baseUrl,
    "/store/customers",
    { email, first_name: firstName ?? email.split("@")[0], last_name: "Buyer" },
    { headers: { authorization: `Bearer ${registration}`, "x-publishable-api-key": publishableKey } }
  )
  const { token } = await post(baseUrl, "/auth/customer/emailpass", { email, password })
  return { customer, email, headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}

/** The seed's cheaper shipping option (scripts/seed-demo.ts). */
const STANDARD_SHIPPING = "Standard delivery (2-3 working days)"
const ADDRESS = { first_name: "Pat", last_name: "Buyer", address_1: "Kade 1", city: "Rotterdam", postal_code: "3011", country_code: "nl" }

/** The id of the shipping option `name` (default: the first one offered) for a cart. */
async function shippingOptionFor(baseUrl, headers, cartId, name) {
  const { shipping_options } = await get(baseUrl, `/store/shipping-options?cart_id=${cartId}`, { headers })
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
 * Returns `{ id, total, currency_code, shipping_option_id }`.
 */
async function cartReadyToPay(baseUrl, headers, shop, { providerId = ON_ACCOUNT, quantity = 1, variant = 0, shippingOptionId, shippingOptionName } = {}) {
  const opts = { headers }
  const { cart } = await post(
    baseUrl,
    "/store/carts",
    { region_id: shop.regionId, items: [{ variant_id: shop.variantIds[variant], quantity }], shipping_address: ADDRESS },
    opts
  )
  const optionId = shippingOptionId ?? (await shippingOptionFor(baseUrl, headers, cart.id, shippingOptionName))
  const { cart: priced } = await post(baseUrl, `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, opts)
  const { payment_collection } = await post(baseUrl, "/store/payment-collections", { cart_id: cart.id }, opts)
  await post(baseUrl, `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: providerId }, opts)
  return { id: priced.id, total: priced.total, currency_code: priced.currency_code, shipping_option_id: optionId }
}

/**
 * `POST /store/carts/:id/complete`, never throwing for an HTTP status:
 * `{ status, data, ms }` where data is `{type: "order", order}`,
 * `{type: "cart", error}` or an error body. A network failure or timeout is
 * reported as status 0 with the error's message.
 */
async function completeCart(baseUrl, headers, cartId, { timeoutMs = 120_000 } = {}) {
  try {
    return await request(baseUrl, "POST", `/store/carts/${cartId}/complete`, { headers, allowError: true, timeoutMs })
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
  createCompany,
  openAccount,
  getAccount,
  allEntries,
  accountReviews,
  registerBuyer,
  shippingOptionFor,
  cartReadyToPay,
  completeCart,
}
