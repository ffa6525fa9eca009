import { MathBN } from "@medusajs/framework/utils"

/** What the account is charged for a total with tax: rounded to cents, as Medusa's payment module does. */
export const charged = (total: number) => MathBN.convert(total, 2).toNumber()

/**
 * The pay-on-account provider's capture mode for this spec file (TRADE_CREDIT_CAPTURE; the default
 * is "on_invoice_paid"): "on_authorize" captures right after checkout, "manual" leaves it to the
 * admin. medusa-config.ts reads it when the runner loads the config, before the runner applies its
 * `env` option: call this at the top of the file, before medusaIntegrationTestRunner. Removed after the file.
 */
export function captureMode(mode: "on_authorize" | "manual") {
  process.env.TRADE_CREDIT_CAPTURE = mode
  afterAll(() => {
    delete process.env.TRADE_CREDIT_CAPTURE
  })
}
