/**
 * Demo store for the trade credit plugin: `npx medusa exec ./src/scripts/seed-demo.ts`
 * (run by `npm run demo`).
 *
 * Idempotent: every record is looked up by its natural key (name, handle,
 * email, title) before it is created, and every ledger posting carries an
 * idempotency key, so a second run reuses everything and adds nothing.
 *
 * Prints `PUBLISHABLE_KEY=pk_...` and `DEMO_INFO={...}` on stdout for the demo
 * script to pick up.
 */
import type {
  BigNumberInput,
  ExecArgs,
  IApiKeyModuleService,
  IAuthModuleService,
  ICustomerModuleService,
  IFulfillmentModuleService,
  IInventoryService,
  IProductModuleService,
  IRegionModuleService,
  ISalesChannelModuleService,
  IStockLocationService,
  IStoreModuleService,
  ITaxModuleService,
  IUserModuleService,
  Logger,
} from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  FeatureFlag,
  MathBN,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createCustomerGroupsWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkCustomersToCustomerGroupWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { TRADE_CREDIT_MODULE } from "../modules/trade-credit"
import type TradeCreditModuleService from "../modules/trade-credit/service"
import type { AccountStatus, Actor, PaymentTerms } from "../modules/trade-credit/types"
import { internalIdempotencyKey } from "../modules/trade-credit/utils/idempotency-keys"
import { ensureHeldOrder, ON_ACCOUNT_PROVIDER } from "./seed-held-order"

// ---------------------------------------------------------------------------
// Demo data
// ---------------------------------------------------------------------------

const CURRENCY = "eur"
const COUNTRIES = ["nl", "be", "de", "fr"]
/** Standard VAT rates, so that checkout shows realistic taxes. */
const VAT: Record<string, { rate: number; name: string }> = {
  nl: { rate: 21, name: "BTW 21%" },
  be: { rate: 21, name: "BTW/TVA 21%" },
  de: { rate: 19, name: "MwSt 19%" },
  fr: { rate: 20, name: "TVA 20%" },
}
/** Payment providers of the demo region: a new provider is one more line here. */
const PAYMENT_PROVIDERS = [
  "pp_system_default",
  ON_ACCOUNT_PROVIDER,
]

const STORE_NAME = "Trade Credit Demo Store"
const SALES_CHANNEL = "Default Sales Channel"
const REGION = "Benelux, Germany & France"
const STOCK_LOCATION = "Rotterdam Distribution Centre"
const FULFILLMENT_SET = "Rotterdam DC deliveries"
const SERVICE_ZONE = "Benelux, Germany & France"
const API_KEY_TITLE = "Trade credit demo storefront"
const BUYER_PASSWORD = "supersecret"
const SEED_ACTOR: Actor = { type: "system", name: "Demo seed" }

const SHIPPING_OPTIONS = [
  { name: "Standard delivery (2-3 working days)", code: "standard", amount: 49 },
  { name: "Pallet delivery with tail-lift", code: "pallet", amount: 95 },
]

type DemoVariant = { title: string; sku: string; price: number; stock: number }
type DemoProduct = {
  handle: string
  title: string
  description: string
  option: string
  weight: number
  variants: DemoVariant[]
}

/** Prices are EUR in major units, excluding VAT. */
const PRODUCTS: DemoProduct[] = [
  {
    handle: "porcelain-floor-tiles-60x60-anthracite",
    title: "Porcelain floor tiles 60×60 cm, anthracite",
    description: "Rectified full-body porcelain, R10 slip rating, for residential and light commercial floors.",
    option: "Pack",
    weight: 32000,
    variants: [
      { title: "Box (1.44 m²)", sku: "TILE-6060-ANT-BOX", price: 38.9, stock: 800 },
      { title: "Pallet (32 boxes, 46.08 m²)", sku: "TILE-6060-ANT-PAL", price: 1149, stock: 40 },
    ],
  },
  {
    handle: "portland-cement-cem-ii-25kg",
    title: "Portland cement CEM II/B-M 32.5 R",
    description: "General purpose cement for mortar, screed and concrete. Paper bags of 25 kg.",
    option: "Pack",
    weight: 25000,
    variants: [
      { title: "Bag 25 kg", sku: "CEM-IIBM-25", price: 7.45, stock: 2000 },
      { title: "Pallet of 56 bags", sku: "CEM-IIBM-PAL56", price: 389, stock: 60 },
    ],
  },
  {
    handle: "c24-structural-timber-45x145",
    title: "C24 structural timber 45×145 mm, planed",
    description: "Kiln-dried spruce, strength class C24, CE marked. For joists, rafters and studs.",
    option: "Length",
    weight: 9000,
    variants: [
      { title: "3.6 m", sku: "C24-45145-360", price: 14.2, stock: 600 },
      { title: "4.8 m", sku: "C24-45145-480", price: 18.95, stock: 600 },
      { title: "5.4 m", sku: "C24-45145-540", price: 21.3, stock: 400 },
    ],
  },
  {
    handle: "gypsum-plasterboard-12-5mm",
    title: "Gypsum plasterboard 12.5 mm, 1200×2600 mm",
    description: "Standard wallboard with tapered edges for partitions and ceilings.",
    option: "Pack",
    weight: 26000,
    variants: [
      { title: "Sheet", sku: "GPB-125-SHEET", price: 9.8, stock: 1500 },
      { title: "Pallet of 50 sheets", sku: "GPB-125-PAL50", price: 465, stock: 30 },
    ],
  },
  {
    handle: "tile-adhesive-c2te-s1-25kg",
    title: "Flexible tile adhesive C2TE S1, 25 kg",
    description: "Cement-based deformable adhesive for porcelain and natural stone, indoor and outdoor.",
    option: "Pack",
    weight: 25000,
    variants: [
      { title: "Bag 25 kg", sku: "ADH-C2TE-25", price: 18.6, stock: 900 },
      { title: "Pallet of 48 bags", sku: "ADH-C2TE-PAL48", price: 849, stock: 25 },
    ],
  },
  {
    handle: "rebar-b500b-12mm-6m",
    title: "Reinforcing steel B500B Ø12 mm, 6 m bars",
    description: "Ribbed reinforcing bar to EN 10080, cut to 6 m lengths.",
    option: "Pack",
    weight: 53000,
    variants: [
      { title: "Bundle of 10 bars", sku: "REBAR-B500B-12-10", price: 64, stock: 300 },
      { title: "Bundle of 100 bars", sku: "REBAR-B500B-12-100", price: 598, stock: 20 },
    ],
  },
]

/** The demo's most expensive variant (a pallet of tiles), what the held order is made of. */
const MOST_EXPENSIVE_SKU = PRODUCTS.flatMap((p) => p.variants).reduce((a, b) => (b.price > a.price ? b : a)).sku

type DemoAddress = { company?: string; address_1: string; postal_code: string; city: string; country_code: string }
type DemoBuyer = { first_name: string; last_name: string; email: string; phone?: string }
type Posting =
  | { key: string; kind: "post"; operation: "adjusted" | "reimbursed"; amount: string; reference?: string; comment: string }
  | { key: string; kind: "settings"; changes: { credit_limit?: string; status?: AccountStatus }; reason: string }

type DemoCompany = {
  slug: string
  /**
   * One order this company's first buyer places on account for `quantity` of
   * the demo's most expensive variant: more than the available credit, so it
   * waits in the credit review queue.
   */
  held_order?: { quantity: number; shipping_option: string }
  name: string
  metadata: Record<string, string>
  address: DemoAddress
  buyers: DemoBuyer[]
  account: {
    reference: string
    /** Limit at opening; a later `settings` posting may change it. */
    credit_limit: string
    payment_terms: PaymentTerms
    history: Posting[]
  }
}

/**
 * Three companies in three states: comfortably under the limit, close to it,
 * and on `query`. Amounts are strings so no float touches the ledger.
 */
const COMPANIES: DemoCompany[] = [
  {
    slug: "rotterdam-build-supply",
    name: "Rotterdam Build Supply",
    metadata: { vat_number: "NL859204112B01", erp_customer_no: "D-10231" },
    address: { address_1: "Keilestraat 14", postal_code: "3029 BP", city: "Rotterdam", country_code: "nl" },
    buyers: [
      { first_name: "Daan", last_name: "de Vries", email: "daan@rotterdam-build.example.com", phone: "+31 10 412 7730" },
      { first_name: "Sanne", last_name: "Bakker", email: "sanne@rotterdam-build.example.com" },
    ],
    account: {
      reference: "D-10231",
      credit_limit: "20000",
      payment_terms: { type: "net_days", net_days: 30, grace_days: 5 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-11480.00", reference: "OB-ERP-10231", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "6000.00", reference: "ABNA-20260112-0142", comment: "Bank transfer, settles the oldest invoices." },
        { key: "limit-review", kind: "settings", changes: { credit_limit: "25000" }, reason: "Annual credit review: two years of on-time payment, limit raised." },
        { key: "inv-0318", kind: "post", operation: "adjusted", amount: "-2365.40", reference: "INV-2026-0318", comment: "Counter sale invoice booked in the ERP." },
        { key: "pay-2", kind: "post", operation: "reimbursed", amount: "3000.00", reference: "ABNA-20260209-0311", comment: "Bank transfer." },
      ],
    },
  },
  {
    slug: "antwerp-tiles-stone",
    name: "Antwerp Tiles & Stone",
    // 3 pallets of tiles + tail-lift delivery + 21% VAT ≈ 4,286 EUR against ≈ 784 EUR available.
    held_order: { quantity: 3, shipping_option: "Pallet delivery with tail-lift" },
    metadata: { vat_number: "BE0712458933", erp_customer_no: "D-10417" },
    address: { address_1: "Noorderlaan 122", postal_code: "2030", city: "Antwerpen", country_code: "be" },
    buyers: [
      { first_name: "Lotte", last_name: "Peeters", email: "lotte@antwerp-tiles.example.com", phone: "+32 3 541 22 10" },
      { first_name: "Jonas", last_name: "Claes", email: "jonas@antwerp-tiles.example.com" },
    ],
    account: {
      reference: "D-10417",
      credit_limit: "10000",
      payment_terms: { type: "net_days", net_days: 60, grace_days: 0 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-7950.00", reference: "OB-ERP-10417", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "2500.00", reference: "KBC-20260130-7781", comment: "Partial payment by bank transfer." },
        { key: "inv-0402", kind: "post", operation: "adjusted", amount: "-3765.60", reference: "INV-2026-0402", comment: "Project delivery to Berchem site, invoiced from the ERP." },
      ],
    },
  },
  {
    slug: "lille-renovation",
    name: "Lille Renovation",
    metadata: { vat_number: "FR47853201776", erp_customer_no: "D-10588" },
    address: { address_1: "27 Rue Nationale", postal_code: "59800", city: "Lille", country_code: "fr" },
    buyers: [
      { first_name: "Camille", last_name: "Dubois", email: "camille@lille-renovation.example.com", phone: "+33 3 20 55 41 90" },
      { first_name: "Hugo", last_name: "Lefebvre", email: "hugo@lille-renovation.example.com" },
    ],
    account: {
      reference: "D-10588",
      credit_limit: "15000",
      payment_terms: { type: "end_of_next_month", grace_days: 10 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-6340.00", reference: "OB-ERP-10588", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "1200.00", reference: "CIC-20260205-0093", comment: "Cheque received and banked." },
        { key: "query", kind: "settings", changes: { status: "query" }, reason: "Disputed delivery note LR-5521 (damaged plasterboard): review every order until resolved." },
      ],
    },
  },
]

/** A private customer who paid in advance: a personal account with a positive balance. */
const PERSONAL = {
  slug: "emma-schneider",
  buyer: { first_name: "Emma", last_name: "Schneider", email: "emma.schneider@example.com" },
  address: { address_1: "Aachener Straße 311", postal_code: "50933", city: "Köln", country_code: "de" },
  account: {
    credit_limit: "0",
    payment_terms: { type: "prepayment" } as PaymentTerms,
    history: [
      { key: "prepayment", kind: "post", operation: "reimbursed", amount: "350.00", reference: "SEPA-20260214-5512", comment: "Advance payment for the bathroom renovation order." },
    ] as Posting[],
  },
}

// ---------------------------------------------------------------------------
// Seed
// ---------------------------------------------------------------------------

type Ctx = ExecArgs["container"]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const tally = { created: 0, reused: 0 }
  const note = (what: string, created: boolean) => {
    created ? tally.created++ : tally.reused++
    logger.info(`[seed] ${created ? "created" : "reused "} ${what}`)
  }

  const { apiKey, region, salesChannel } = await seedStorefront(container, note)
  const admin = await ensureAdminUser(container, note)

  const buyers: { email: string; company: string }[] = []
  for (const company of COMPANIES) {
    const group = await ensureCustomerGroup(container, company, note)
    const companyBuyers = []
    for (const buyer of company.buyers) {
      const customer = await ensureBuyer(container, buyer, { ...company.address, company: company.name }, company.name, note)
      companyBuyers.push(customer)
      buyers.push({ email: buyer.email, company: company.name })
    }
    await ensureGroupMembers(container, group.id, companyBuyers.map((c) => c.id), note)
    const account = await ensureAccount(container, { customer_group_id: group.id }, company.slug, company.account, note)
    if (company.held_order) {
      const [buyer] = company.buyers
      await ensureHeldOrder(
        container,
        {
          label: company.slug,
          account_id: account.id,
          customer: { id: companyBuyers[0].id, email: buyer.email, first_name: buyer.first_name, last_name: buyer.last_name },
          shipping_address: { ...company.address, company: company.name },
          region_id: region.id,
          sales_channel_id: salesChannel.id,
          sku: MOST_EXPENSIVE_SKU,
          quantity: company.held_order.quantity,
          shipping_option: company.held_order.shipping_option,
        },
        note
      )
    }
  }
  const personal = await ensureBuyer(container, PERSONAL.buyer, PERSONAL.address, null, note)
  buyers.push({ email: PERSONAL.buyer.email, company: "(personal, prepaid)" })
  await ensureAccount(container, { customer_id: personal.id }, PERSONAL.slug, PERSONAL.account, note)

  logger.info(`[seed] done: ${tally.created} created, ${tally.reused} reused`)
  // Machine-readable lines for scripts/demo.js (stdout, not the logger).
  process.stdout.write(`PUBLISHABLE_KEY=${apiKey.token}\n`)
  process.stdout.write(
    `DEMO_INFO=${JSON.stringify({
      publishable_key: apiKey.token,
      admin_email: admin.email,
      buyer_password: BUYER_PASSWORD,
      buyers,
      created: tally.created,
      reused: tally.reused,
    })}\n`
  )
}

type Note = (what: string, created: boolean) => void

/**
 * The part of the demo a checkout needs (channel, EUR region with the payment
 * providers, taxes, stock location, shipping, products, publishable key);
 * the HTTP checkout tests build their store with it too.
 */
export async function seedStorefront(container: Ctx, note: Note = () => {}) {
  const salesChannel = await ensureSalesChannel(container, note)
  const region = await ensureRegion(container, note)
  await ensureTaxRegions(container, note)
  const location = await ensureStockLocation(container, salesChannel.id, note)
  const shippingProfileId = await ensureShippingAndFulfillment(container, location.id, region.id, note)
  await ensureStore(container, { salesChannelId: salesChannel.id, regionId: region.id, locationId: location.id }, note)
  await ensureProducts(container, { salesChannelId: salesChannel.id, shippingProfileId, locationId: location.id }, note)
  const apiKey = await ensurePublishableKey(container, salesChannel.id, note)
  return { salesChannel, region, location, apiKey }
}

async function ensureSalesChannel(container: Ctx, note: Note) {
  const salesChannels = container.resolve<ISalesChannelModuleService>(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL })
  if (existing) {
    note(`sales channel "${SALES_CHANNEL}"`, false)
    return existing
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL }] },
  })
  note(`sales channel "${SALES_CHANNEL}"`, true)
  return result[0]
}

async function ensureRegion(container: Ctx, note: Note) {
  const regions = container.resolve<IRegionModuleService>(Modules.REGION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [existing] = await regions.listRegions({ name: REGION })
  if (!existing) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION,
            currency_code: CURRENCY,
            countries: COUNTRIES,
            automatic_taxes: true,
            payment_providers: PAYMENT_PROVIDERS,
          },
        ],
      },
    })
    note(`region "${REGION}" with ${PAYMENT_PROVIDERS.join(", ")}`, true)
    return result[0]
  }
  // A provider added to PAYMENT_PROVIDERS since the last run is enabled on the existing region.
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { id: existing.id },
  })
  const current: string[] = (data[0]?.payment_providers ?? []).map((p: { id: string } | null) => p!.id)
  const missing = PAYMENT_PROVIDERS.filter((id) => !current.includes(id))
  if (missing.length) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: existing.id }, update: { payment_providers: [...current, ...missing] } },
    })
    note(`region "${REGION}" (payment providers added: ${missing.join(", ")})`, true)
  } else {
    note(`region "${REGION}"`, false)
  }
  return existing
}

async function ensureTaxRegions(container: Ctx, note: Note) {
  const tax = container.resolve<ITaxModuleService>(Modules.TAX)
  const existing = await tax.listTaxRegions({ country_code: COUNTRIES })
  // Country-level regions only: provinces have a parent.
  const have = new Set(existing.filter((r) => !r.parent_id).map((r) => r.country_code))
  const missing = COUNTRIES.filter((c) => !have.has(c))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({
        country_code,
        provider_id: "tp_system",
        default_tax_rate: { ...VAT[country_code], code: `VAT-${country_code.toUpperCase()}` },
      })),
    })
  }
  note(`tax regions ${COUNTRIES.join(", ")}${missing.length ? ` (new: ${missing.join(", ")})` : ""}`, !!missing.length)
}

async function ensureStockLocation(container: Ctx, salesChannelId: string, note: Note) {
  const locations = container.resolve<IStockLocationService>(Modules.STOCK_LOCATION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  let [location] = await locations.listStockLocations({ name: STOCK_LOCATION })
  const created = !location
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION,
            address: { address_1: "Waalhaven Zuidzijde 21", postal_code: "3089 JH", city: "Rotterdam", country_code: "NL" },
          },
        ],
      },
    })
    location = result[0]
  }
  note(`stock location "${STOCK_LOCATION}"`, created)

  const { data } = await query.graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_providers.id", "sales_channels.id"],
    filters: { id: location.id },
  })
  const linked = data[0] ?? {}
  if (!(linked.fulfillment_providers ?? []).some((p: { id: string } | null) => p?.id === "manual_manual")) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    note("stock location ↔ manual_manual fulfillment provider link", true)
  }
  if (!(linked.sales_channels ?? []).some((c: { id: string } | null) => c?.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
    note("stock location ↔ sales channel link", true)
  }
  return location
}

/** Shipping profile, fulfillment set, service zone and shipping options. Returns the profile id. */
async function ensureShippingAndFulfillment(container: Ctx, locationId: string, regionId: string, note: Note) {
  const fulfillment = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
    note("shipping profile", true)
  } else {
    note(`shipping profile "${profile.name}"`, false)
  }

  // Fulfillment set names are unique; the workflow also links the set to the location.
  const findSet = async () =>
    (await fulfillment.listFulfillmentSets({ name: FULFILLMENT_SET }, { relations: ["service_zones"] }))[0]
  let set = await findSet()
  if (!set) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: locationId, fulfillment_set_data: { name: FULFILLMENT_SET, type: "shipping" } },
    })
    set = await findSet()
    note(`fulfillment set "${FULFILLMENT_SET}"`, true)
  }
  let zoneId = (set.service_zones ?? []).find((z) => z.name === SERVICE_ZONE)?.id
  if (!zoneId) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            name: SERVICE_ZONE,
            fulfillment_set_id: set.id,
            geo_zones: COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })),
          },
        ],
      },
    })
    zoneId = result[0].id
    note(`service zone "${SERVICE_ZONE}"`, true)
  }

  const options = await fulfillment.listShippingOptions({ service_zone: { id: zoneId } })
  const missing = SHIPPING_OPTIONS.filter((o) => !options.some((existing) => existing.name === o.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zoneId,
        shipping_profile_id: profile.id,
        type: { label: o.name, description: o.name, code: o.code },
        prices: [
          { currency_code: CURRENCY, amount: o.amount },
          { region_id: regionId, amount: o.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
  note(`shipping options (${SHIPPING_OPTIONS.length})`, !!missing.length)
  return profile.id
}

async function ensureStore(
  container: Ctx,
  ids: { salesChannelId: string; regionId: string; locationId: string },
  note: Note
) {
  const stores = container.resolve<IStoreModuleService>(Modules.STORE)
  const [store] = await stores.listStores({}, { relations: ["supported_currencies"] })
  const currencies = store.supported_currencies ?? []
  const eurIsDefault = currencies.some((c) => c.currency_code === CURRENCY && c.is_default)
  const upToDate =
    eurIsDefault &&
    store.name === STORE_NAME &&
    store.default_sales_channel_id === ids.salesChannelId &&
    store.default_region_id === ids.regionId &&
    store.default_location_id === ids.locationId
  if (!upToDate) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: STORE_NAME,
          supported_currencies: [{ currency_code: CURRENCY, is_default: true }],
          default_sales_channel_id: ids.salesChannelId,
          default_region_id: ids.regionId,
          default_location_id: ids.locationId,
        },
      },
    })
  }
  note(`store "${STORE_NAME}" (EUR, default channel, region, location)`, !upToDate)
}

async function ensureProducts(
  container: Ctx,
  ids: { salesChannelId: string; shippingProfileId: string; locationId: string },
  note: Note
) {
  const products = container.resolve<IProductModuleService>(Modules.PRODUCT)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)

  const existing = await products.listProducts({ handle: PRODUCTS.map((p) => p.handle) }, { select: ["handle"] })
  const have = new Set(existing.map((p) => p.handle))
  const missing = PRODUCTS.filter((p) => !have.has(p.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          weight: p.weight,
          shipping_profile_id: ids.shippingProfileId,
          options: [{ title: p.option, values: p.variants.map((v) => v.title) }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            manage_inventory: true,
            options: { [p.option]: v.title },
            prices: [{ currency_code: CURRENCY, amount: v.price }],
          })),
          sales_channels: [{ id: ids.salesChannelId }],
        })),
      },
    })
  }
  note(`products: ${missing.length} new, ${PRODUCTS.length - missing.length} existing`, !!missing.length)

  // The product workflow creates one inventory item per managed variant (same SKU).
  const variants = PRODUCTS.flatMap((p) => p.variants)
  const items = await inventory.listInventoryItems({ sku: variants.map((v) => v.sku) })
  const levels = await inventory.listInventoryLevels({
    location_id: ids.locationId,
    inventory_item_id: items.map((i) => i.id),
  })
  const stocked = new Set(levels.map((l) => l.inventory_item_id))
  const toCreate = items
    .filter((item) => !stocked.has(item.id))
    .map((item) => ({
      inventory_item_id: item.id,
      location_id: ids.locationId,
      stocked_quantity: variants.find((v) => v.sku === item.sku)?.stock ?? 0,
    }))
  if (toCreate.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: toCreate } })
  }
  note(`stock levels at "${STOCK_LOCATION}" (${items.length})`, !!toCreate.length)
}

async function ensurePublishableKey(container: Ctx, salesChannelId: string, note: Note) {
  const apiKeys = container.resolve<IApiKeyModuleService>(Modules.API_KEY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let key = (await apiKeys.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })).find((k) => !k.revoked_at)
  const created = !key
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  if (!(data[0]?.sales_channels ?? []).some((c: { id: string } | null) => c?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  note(`publishable API key "${API_KEY_TITLE}"`, created)
  return key
}

/**
 * The admin login, made the way `medusa user` makes it (user + emailpass
 * identity + `app_metadata.user_id`, super admin role when RBAC is on), but
 * safe to repeat. The password is reset to the configured one so that the
 * credentials the demo prints always work.
 */
async function ensureAdminUser(container: Ctx, note: Note) {
  const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
  const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
  const users = container.resolve<IUserModuleService>(Modules.USER)
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)

  let [user] = await users.listUsers({ email })
  const created = !user
  if (!user) {
    let roles: string[] = []
    if (FeatureFlag.isFeatureEnabled("rbac")) {
      const rbac = container.resolve(Modules.RBAC) as { listRbacRoles: (f: object) => Promise<{ id: string }[]> }
      roles = (await rbac.listRbacRoles({ id: "role_super_admin" })).map((r) => r.id)
    }
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email, first_name: "Demo", last_name: "Admin", ...(roles.length ? { roles } : {}) }] },
    })
    user = result[0]
  }

  const authIdentityId = await ensureEmailpassIdentity(auth, email, password)
  const identity = await auth.retrieveAuthIdentity(authIdentityId)
  if (identity.app_metadata?.user_id !== user.id) {
    await auth.updateAuthIdentities({
      id: authIdentityId,
      app_metadata: { ...(identity.app_metadata ?? {}), user_id: user.id },
    })
  }
  note(`admin user ${email}`, created)
  return user
}

/** The emailpass auth identity of `email`, registered if missing, with `password` valid. */
async function ensureEmailpassIdentity(auth: IAuthModuleService, email: string, password: string) {
  const [providerIdentity] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: email })
  if (!providerIdentity) {
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
    if (error || !authIdentity) {
      throw new Error(`Could not register ${email}: ${error}`)
    }
    return authIdentity.id
  }
  const check = await auth.authenticate("emailpass", { body: { email, password } })
  if (!check.success) {
    const { error } = await auth.updateProvider("emailpass", { entity_id: email, password })
    if (error) {
      throw new Error(`Could not reset the password of ${email}: ${error}`)
    }
  }
  return providerIdentity.auth_identity_id!
}

async function ensureCustomerGroup(container: Ctx, company: DemoCompany, note: Note) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const [existing] = await customers.listCustomerGroups({ name: company.name })
  if (existing) {
    note(`company (customer group) "${company.name}"`, false)
    return existing
  }
  const { result } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: [{ name: company.name, metadata: company.metadata }] },
  })
  note(`company (customer group) "${company.name}"`, true)
  return result[0]
}

/** A registered customer who can log in to the store API with emailpass. */
async function ensureBuyer(
  container: Ctx,
  buyer: DemoBuyer,
  address: DemoAddress,
  companyName: string | null,
  note: Note
) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const authIdentityId = await ensureEmailpassIdentity(auth, buyer.email, BUYER_PASSWORD)
  const identity = await auth.retrieveAuthIdentity(authIdentityId)

  let [customer] = await customers.listCustomers({ email: buyer.email, has_account: true })
  const created = !customer
  if (!customer) {
    const { result } = await createCustomerAccountWorkflow(container).run({
      input: {
        // The workflow refuses an identity that already belongs to a customer.
        authIdentityId,
        customerData: {
          ...buyer,
          company_name: companyName,
          addresses: [
            {
              ...address,
              first_name: buyer.first_name,
              last_name: buyer.last_name,
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        },
      },
    })
    customer = result
  } else if (identity.app_metadata?.customer_id !== customer.id) {
    await auth.updateAuthIdentities({
      id: authIdentityId,
      app_metadata: { ...(identity.app_metadata ?? {}), customer_id: customer.id },
    })
  }
  note(`buyer ${buyer.email}`, created)
  return customer
}

async function ensureGroupMembers(container: Ctx, groupId: string, customerIds: string[], note: Note) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const group = await customers.retrieveCustomerGroup(groupId, { relations: ["customers"] })
  const members = new Set((group.customers ?? []).map((c) => c.id))
  const missing = customerIds.filter((id) => !members.has(id))
  if (missing.length) {
    await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: groupId, add: missing } })
  }
  note(`members of "${group.name}" (${customerIds.length})`, !!missing.length)
}

/**
 * Opens the EUR account and replays its history. Each call carries an
 * idempotency key, so on a second run the ledger returns the earlier entry
 * instead of posting again.
 */
async function ensureAccount(
  container: Ctx,
  holder: { customer_id: string } | { customer_group_id: string },
  slug: string,
  spec: { reference?: string; credit_limit: string; payment_terms: PaymentTerms; history: Posting[] },
  note: Note
) {
  const ledger = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const key = (step: string) => ({ key: internalIdempotencyKey("demo-seed", slug, step) })

  let [account] = await ledger.listTradeCreditAccounts({ ...holder, currency_code: CURRENCY })
  if (!account) {
    const opened = await ledger.openAccount({
      ...holder,
      currency_code: CURRENCY,
      credit_limit: spec.credit_limit,
      payment_terms: spec.payment_terms,
      reference: spec.reference ?? null,
      comment: "Account opened by the demo seed.",
      actor: SEED_ACTOR,
      idempotency: key("open"),
    })
    account = opened.account
  }

  let posted = 0
  for (const step of spec.history) {
    const result =
      step.kind === "post"
        ? await ledger.postLedgerEntry({
            account_id: account.id,
            operation: step.operation,
            amount: step.amount,
            reference: step.reference ?? null,
            comment: step.comment,
            actor: SEED_ACTOR,
            idempotency: key(step.key),
          })
        : await ledger.updateAccountSettings({
            account_id: account.id,
            changes: step.changes,
            reason: step.reason,
            actor: SEED_ACTOR,
            idempotency: key(step.key),
          })
    if (!result.replayed && result.entry) {
      posted++
    }
  }

  const fresh = await ledger.retrieveTradeCreditAccount(account.id)
  const eur = (value: unknown) => MathBN.convert(value as BigNumberInput).toFixed(2)
  note(
    `account ${slug}: balance ${eur(fresh.balance)} / limit ${eur(fresh.credit_limit)} / available ${eur(fresh.available_credit)} EUR, ` +
      `status ${fresh.status}${posted ? ` (${posted} entries posted)` : ""}`,
    posted > 0
  )
  return fresh
}
