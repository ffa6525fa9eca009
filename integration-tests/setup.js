const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
// The test card provider (integration-tests/helpers/test-card-provider): medusa-config.ts
// registers it, and allows it for card payments toward accounts, only when this is set.
process.env.TRADE_CREDIT_TEST_CARD_PROVIDER = "1"
