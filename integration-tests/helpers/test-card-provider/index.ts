import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TestCardProviderService from "./service"

/** TEST ONLY (see service.ts): registered by medusa-config.ts when TRADE_CREDIT_TEST_CARD_PROVIDER=1. */
export default ModuleProvider(Modules.PAYMENT, {
  services: [TestCardProviderService],
})
