/**
 * The store the multi-process test and `npm run bench` run against:
 * `npx medusa exec ./integration-tests/multi-process/seed.ts` on a fresh
 * database (scripts/lib/medusa-server.js runs it). Reuses the demo's storefront
 * (EUR region with `pp_system_default` and `pp_trade-credit_on-account`,
 * shipping, products with stock, publishable key) and adds:
 *
 * - an admin login for the admin API;
 * - one product whose variant does not manage inventory. Carts of a stocked
 *   variant completed many at once queue on Medusa's inventory lock for that
 *   item (reserve-inventory-step, 5 s lock timeout, then a 500), which is
 *   Medusa's behaviour, not the credit account's: the concurrency tests use
 *   this item so that the only shared resource is the company's account.
 *
 * Prints one machine-readable line:
 * `TRADE_CREDIT_SEED={"publishable_key", "region_id", "variant_ids", "untracked_variant_id", "admin_email", "admin_password"}`
 * where `variant_ids[0]` is the stocked "Box (1.44 m²)" tile variant.
 */
import type { ExecArgs, IFulfillmentModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createUsersWorkflow } from "@medusajs/medusa/core-flows"
import { seedStorefront } from "../../src/scripts/demo/storefront"

const SEED_LINE_PREFIX = "TRADE_CREDIT_SEED="
const STOCKED_SKU = "TILE-6060-ANT-BOX"
const UNTRACKED = {
  handle: "load-test-site-survey",
  title: "Site survey (load test item)",
  sku: "LOAD-TEST-SURVEY",
  price: 38.9,
}

export default async function seedForLoadTests({ container }: ExecArgs) {
  // Medusa's boot (its create-defaults: default sales channel, store, publishable key) is done:
  // the launcher starts the store's servers and workers now, not before (scripts/lib/medusa-server.js).
  process.stdout.write("TRADE_CREDIT_SEED_BOOTED\n")
  const email = process.env.SEED_ADMIN_EMAIL || "load-test-admin@example.com"
  const password = process.env.SEED_ADMIN_PASSWORD || "supersecret"
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { region, apiKey, salesChannel } = await seedStorefront(container)

  // Admin login (user + emailpass identity linked by app_metadata.user_id).
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  let [user] = await users.listUsers({ email })
  if (!user) {
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email, first_name: "Load", last_name: "Tester" }] },
    })
    user = result[0]
  }
  const [identity] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: email })
  if (!identity) {
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as never)
    if (error || !authIdentity) {
      throw new Error(`Could not register ${email}: ${error}`)
    }
    await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  }

  // The item without inventory management.
  const products = container.resolve(Modules.PRODUCT)
  const [existing] = await products.listProducts({ handle: UNTRACKED.handle })
  if (!existing) {
    const fulfillment = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
    const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
    await createProductsWorkflow(container).run({
      input: {
        products: [
          {
            title: UNTRACKED.title,
            handle: UNTRACKED.handle,
            status: ProductStatus.PUBLISHED,
            shipping_profile_id: profile.id,
            options: [{ title: "Visit", values: ["One visit"] }],
            variants: [
              {
                title: "One visit",
                sku: UNTRACKED.sku,
                manage_inventory: false,
                options: { Visit: "One visit" },
                prices: [{ currency_code: "eur", amount: UNTRACKED.price }],
              },
            ],
            sales_channels: [{ id: salesChannel.id }],
          },
        ],
      },
    })
  }

  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku"] })
  const bySku = (sku: string) => variants.find((v) => v.sku === sku)?.id as string
  const stocked = bySku(STOCKED_SKU)
  const variantIds = [stocked, ...variants.map((v) => v.id as string).filter((id) => id !== stocked)]

  process.stdout.write(
    `${SEED_LINE_PREFIX}${JSON.stringify({
      publishable_key: apiKey.token,
      region_id: region.id,
      variant_ids: variantIds,
      untracked_variant_id: bySku(UNTRACKED.sku),
      admin_email: email,
      admin_password: password,
    })}\n`
  )
}
