const { migratedTemplate } = require("../medusa-server")

describe("launchStore's migrated template (topology suite)", () => {
  const run = { DB_HOST: "localhost", DB_PORT: "5432", DB_USERNAME: "postgres", TRADE_CREDIT_TOPOLOGY_DB_TEMPLATE: "trade_credit_migrated_1" }

  it("copies the run's template for a store on the run's server", () => {
    expect(migratedTemplate({ DB_HOST: "localhost", DB_PORT: "5432", DB_USERNAME: "postgres" }, run)).toBe("trade_credit_migrated_1")
  })

  it("migrates a store on another server (the PostgreSQL-restart test's own) or when there is no template", () => {
    expect(migratedTemplate({ DB_HOST: "localhost", DB_PORT: "40401", DB_USERNAME: "postgres" }, run)).toBeNull()
    expect(migratedTemplate({ DB_HOST: "db.example", DB_PORT: "5432", DB_USERNAME: "postgres" }, run)).toBeNull()
    expect(migratedTemplate({ DB_HOST: "localhost", DB_PORT: "5432", DB_USERNAME: "postgres" }, { ...run, TRADE_CREDIT_TOPOLOGY_DB_TEMPLATE: "" })).toBeNull()
  })
})
