import fs from "fs"
import path from "path"
import {
  addToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  refreshCartItemsWorkflow,
  updateCartWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * Medusa takes ONE handler per workflow hook in the whole app, and loads a
 * plugin's workflows (hooks included) before the store's own src: a plugin
 * handler on a core hook would make a store that owns that hook (Medusa's
 * loyalty plugin owns completeCartWorkflow's beforePaymentAuthorization and
 * refreshCartItemsWorkflow's beforeRefreshingPaymentCollection, the B2B
 * starter completeCartWorkflow's validate) fail at boot. The balance at
 * checkout uses subscribers, middlewares and its own routes instead: with
 * every workflow, subscriber and the middlewares of the plugin loaded, a host
 * still registers its own handlers on all the cart hooks.
 */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name)
    if (d.isDirectory()) {
      return d.name === "__tests__" ? [] : sourceFiles(full)
    }
    return /\.ts$/.test(d.name) && !d.name.endsWith(".d.ts") ? [full] : []
  })
}

describe("a host that owns the cart workflows' hooks", () => {
  it("still registers its own handlers after the plugin's workflows, subscribers and middlewares are loaded", async () => {
    const src = path.join(__dirname, "..")
    const files = [...sourceFiles(path.join(src, "workflows")), ...sourceFiles(path.join(src, "subscribers")), path.join(src, "api", "middlewares.ts")]
    for (const file of files) {
      await import(file)
    }
    expect(files.some((f) => f.endsWith("sync-cart-balance.ts"))).toBe(true)

    const host = () => undefined
    const hooks: Array<[string, (fn: () => undefined) => void]> = [
      ["completeCartWorkflow.validate", (fn) => completeCartWorkflow.hooks.validate(fn)],
      ["completeCartWorkflow.beforePaymentAuthorization", (fn) => (completeCartWorkflow.hooks as never as Record<string, (fn: unknown) => void>).beforePaymentAuthorization(fn)],
      ["completeCartWorkflow.orderCreated", (fn) => (completeCartWorkflow.hooks as never as Record<string, (fn: unknown) => void>).orderCreated(fn)],
      ["refreshCartItemsWorkflow.beforeRefreshingPaymentCollection", (fn) => refreshCartItemsWorkflow.hooks.beforeRefreshingPaymentCollection(fn)],
      ["updateCartWorkflow.validate", (fn) => updateCartWorkflow.hooks.validate(fn)],
      ["updateCartWorkflow.cartUpdated", (fn) => (updateCartWorkflow.hooks as never as Record<string, (fn: unknown) => void>).cartUpdated(fn)],
      ["createCartWorkflow.validate", (fn) => createCartWorkflow.hooks.validate(fn)],
      ["createCartWorkflow.cartCreated", (fn) => (createCartWorkflow.hooks as never as Record<string, (fn: unknown) => void>).cartCreated(fn)],
      ["addToCartWorkflow.validate", (fn) => addToCartWorkflow.hooks.validate(fn)],
    ]
    for (const [name, register] of hooks) {
      expect(() => register(host)).not.toThrow()
      // The rule is real: a second handler on the same hook is refused.
      expect(() => register(host)).toThrow(/Cannot define multiple hook handlers/)
      expect(name).toBeTruthy()
    }
  })
})
