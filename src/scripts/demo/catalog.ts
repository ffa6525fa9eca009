/**
 * What the demo store sells and where: one EUR region over four countries with
 * their VAT, the payment providers of its checkout, a warehouse, shipping and
 * a small catalogue of building materials. Prices are plain data, so the HTTP
 * checkout tests and the demo sell the same things.
 */
import type { Actor } from "../../modules/trade-credit/types"
import { ON_ACCOUNT_PROVIDER } from "../seed-held-order"

export const CURRENCY = "eur"
export const COUNTRIES = ["nl", "be", "de", "fr"]
/** Standard VAT rates, so that checkout shows realistic taxes. */
export const VAT: Record<string, { rate: number; name: string }> = {
  nl: { rate: 21, name: "BTW 21%" },
  be: { rate: 21, name: "BTW/TVA 21%" },
  de: { rate: 19, name: "MwSt 19%" },
  fr: { rate: 20, name: "TVA 20%" },
}
/** Payment providers of the demo region: a new provider is one more line here. */
export const PAYMENT_PROVIDERS = [
  "pp_system_default",
  ON_ACCOUNT_PROVIDER,
]

export const STORE_NAME = "Trade Credit Demo Store"
export const SALES_CHANNEL = "Default Sales Channel"
export const REGION = "Benelux, Germany & France"
export const STOCK_LOCATION = "Rotterdam Distribution Centre"
export const FULFILLMENT_SET = "Rotterdam DC deliveries"
export const SERVICE_ZONE = "Benelux, Germany & France"
export const API_KEY_TITLE = "Trade credit demo storefront"
export const BUYER_PASSWORD = "supersecret"
export const SEED_ACTOR: Actor = { type: "system", name: "Demo seed" }

export const SHIPPING_OPTIONS = [
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
export const PRODUCTS: DemoProduct[] = [
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
export const MOST_EXPENSIVE_SKU = PRODUCTS.flatMap((p) => p.variants).reduce((a, b) => (b.price > a.price ? b : a)).sku
