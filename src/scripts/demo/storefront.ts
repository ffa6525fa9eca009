/**
 * The part of the demo a checkout needs, each record looked up by its natural
 * key before it is created, so running it twice adds nothing.
 */
import type {
  ExecArgs,
  IApiKeyModuleService,
  IFulfillmentModuleService,
  IInventoryService,
  IProductModuleService,
  IRegionModuleService,
  ISalesChannelModuleService,
  IStockLocationService,
  IStoreModuleService,
  ITaxModuleService,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
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
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  CURRENCY,
  COUNTRIES,
  VAT,
  PAYMENT_PROVIDERS,
  STORE_NAME,
  SALES_CHANNEL,
  REGION,
  STOCK_LOCATION,
  FULFILLMENT_SET,
  SERVICE_ZONE,
  API_KEY_TITLE,
  SHIPPING_OPTIONS,
  PRODUCTS,
} from "./catalog"
import type TradeCreditModuleService from "../../modules/trade-credit/service"

export type Ctx = ExecArgs["container"]
export type Note = (what: string, created: boolean) => void

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

