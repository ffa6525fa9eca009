import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStorefront } from "../../src/scripts/demo/storefront"
import { ON_ACCOUNT_PROVIDER } from "../../src/scripts/seed-held-order"
import * as client from "../../scripts/lib/api-client"
import { recordPhase } from "../../scripts/lib/test-phase-timings"
import { adminHeaders, buyer, customerGroup } from "./fixtures"

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ON_ACCOUNT = ON_ACCOUNT_PROVIDER

/** The demo's storefront (region with both providers, shipping, products), built in the test database. */
export async function storefront(container: MedusaContainer) {
  const started = Date.now()
  const { region, apiKey } = await seedStorefront(container)
  recordPhase("storefront seed", Date.now() - started)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "title", "product.title"] })
  return { regionId: region.id as string, pk: apiKey.token as string, variantIds: variants.map((v: any) => v.id as string) }
}

/**
 * cartReadyToPay(api, headers, shop, { quantity, variant, providerId }): a cart
 * ready to complete (item, address, first shipping option, payment session),
 * with its total; complete(api, headers, cartId): `{type: "order", order}` or
 * `{type: "cart", error}`, throwing on a non-2xx answer. The same calls as
 * the process-level tests and the bench make (scripts/lib/api-client.js).
 */
export { cartReadyToPay, complete } from "../../scripts/lib/api-client"

export type AdminAndShop = { admin: Awaited<ReturnType<typeof adminHeaders>>; shop: Awaited<ReturnType<typeof storefront>> }

/**
 * An admin and the storefront, built once for the spec file in a beforeAll: call it at the top of
 * the testSuite and read it with the returned function in hooks and tests. The runner restores
 * this state before every test (helpers/fixtures.ts, adminHeaders), so the tests still don't see
 * each other's records; they only stop paying for the same set-up again (1-3 s a test).
 */
export function adminAndShopOncePerFile(api: any, getContainer: () => MedusaContainer): () => AdminAndShop {
  let built: AdminAndShop | undefined
  beforeAll(async () => {
    const container = getContainer()
    built = { admin: await adminHeaders(api, container), shop: await storefront(container) }
  })
  return () => {
    if (!built) {
      throw new Error("The admin and storefront are built in beforeAll: read them inside hooks and tests")
    }
    return built
  }
}

/**
 * An admin, the storefront, a company (customer group) and one of its buyers
 * logged in, no account yet: the setup of a test that opens the account itself.
 * `base`: the file's admin and storefront (adminAndShopOncePerFile), else built here.
 */
export async function companyAndBuyer(api: any, container: MedusaContainer, options: { company: string; email: string }, base?: AdminAndShop) {
  const { admin, shop } = base ?? { admin: await adminHeaders(api, container), shop: await storefront(container) }
  const company = await customerGroup(container, options.company)
  const buyerOf = await buyer(api, container, shop.pk, options.email, [company.id])
  return { admin, shop, company, buyer: buyerOf }
}

/**
 * A company (customer group) with a trade credit account in EUR, one of its
 * buyers logged in, the storefront and an admin: the setup of a checkout test.
 */
export async function companyWithBuyer(
  api: any,
  container: MedusaContainer,
  options: { company: string; email: string; credit_limit: number },
  base?: AdminAndShop
) {
  const world = await companyAndBuyer(api, container, options, base)
  const account = await client.openAccount(api, world.admin.headers, { customer_group_id: world.company.id, credit_limit: options.credit_limit })
  return { ...world, account }
}
