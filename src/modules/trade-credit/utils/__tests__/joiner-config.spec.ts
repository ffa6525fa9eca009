import fs from "fs"
import path from "path"
import { defineJoinerConfig, DmlEntity } from "@medusajs/framework/utils"
import { joinerConfig, TRADE_CREDIT_MODELS, TRADE_CREDIT_MODULE } from "../../joiner-config"

/**
 * The module gives Medusa its joiner config built once (joiner-config.ts)
 * instead of letting Medusa build it from models/ at every record the ORM
 * writes. It must stay the config Medusa would build: the same models.
 */
describe("the trade credit module's joiner config", () => {
  const modelsDir = path.join(__dirname, "..", "..", "models")
  // What Medusa's loader finds (importAllFromDir of models/): every data model exported there.
  const found = fs
    .readdirSync(modelsDir)
    .sort()
    .filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))
    .flatMap((f) => Object.values(require(path.join(modelsDir, f)) as Record<string, unknown>))
    .filter((m) => DmlEntity.isDmlEntity(m)) as DmlEntity<any, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any

  it("lists every data model of models/, and only those", () => {
    const names = (models: { name: string }[]) => models.map((m) => m.name).sort()
    expect(names(Object.values(TRADE_CREDIT_MODELS))).toEqual(names(found))
  })

  it("is the config Medusa builds from those models", () => {
    // As data (its functions aside).
    const plain = (config: unknown) => JSON.parse(JSON.stringify(config))
    expect(joinerConfig.serviceName).toBe(TRADE_CREDIT_MODULE)
    expect(plain(joinerConfig)).toEqual(plain(defineJoinerConfig(TRADE_CREDIT_MODULE, { models: found })))
  })
})
