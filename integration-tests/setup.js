const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
// The test card provider (integration-tests/helpers/test-card-provider): medusa-config.ts
// registers it, and allows it for card payments toward accounts, only when this is set.
process.env.TRADE_CREDIT_TEST_CARD_PROVIDER = "1"
// Each Medusa runner's database is a copy of the template scripts/test.js migrated once.
require("../scripts/lib/test-database-template").copyTemplateForEachRunnerDatabase()
// Where each file's time goes (scripts/lib/test-phase-timings.js), only when asked.
if (process.env.TRADE_CREDIT_TEST_TIMINGS) {
  require("../scripts/lib/test-phase-timings").recordRunnerPhases(process.env.TRADE_CREDIT_TEST_TIMINGS)
}
