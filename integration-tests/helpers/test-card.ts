import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The test card provider's ids (medusa-config.ts registers them when
 * TRADE_CREDIT_TEST_CARD_PROVIDER=1, which integration-tests/setup.js sets).
 */
export const TEST_CARD = "pp_test-card_test-card"
/** Allowed for card payments toward accounts, but enabled in no EUR region by the tests. */
export const TEST_CARD_ELSEWHERE = "pp_test-card_elsewhere"
/** Registered, but not in the `cardPaymentProviders` allow-list. */
export const TEST_CARD_UNLISTED = "pp_test-card_unlisted"
export { APPROVED_TOKEN, DECLINED_TOKEN } from "./test-card-provider/service"

/** Enables payment providers in a region, keeping the ones it has. */
export async function enableInRegion(container: MedusaContainer, regionId: string, providerIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "region", fields: ["id", "payment_providers.id"], filters: { id: regionId } })
  const current: string[] = (data[0]?.payment_providers ?? []).map((p: any) => p.id)
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: regionId }, update: { payment_providers: [...new Set([...current, ...providerIds])] } },
  })
}
