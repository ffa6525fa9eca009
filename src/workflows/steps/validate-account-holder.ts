import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ValidateAccountHolderStepInput = {
  customer_id?: string | null
  customer_group_id?: string | null
  currency_code: string
}

export const validateAccountHolderStepId = "validate-trade-credit-account-holder"

/**
 * Checks what the trade credit module can't see itself: that the holder
 * exists in the customer module and that the store sells in the currency.
 */
export const validateAccountHolderStep = createStep(
  validateAccountHolderStepId,
  async (input: ValidateAccountHolderStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    if (input.customer_id) {
      const { data } = await query.graph({
        entity: "customer",
        fields: ["id"],
        filters: { id: input.customer_id },
      })
      if (!data.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found.`)
      }
    }
    if (input.customer_group_id) {
      const { data } = await query.graph({
        entity: "customer_group",
        fields: ["id"],
        filters: { id: input.customer_group_id },
      })
      if (!data.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Customer group ${input.customer_group_id} was not found.`
        )
      }
    }
    const { data: stores } = await query.graph({
      entity: "store",
      fields: ["supported_currencies.currency_code"],
    })
    const currency = String(input.currency_code ?? "").toLowerCase()
    const supported = stores.flatMap((s) =>
      (s.supported_currencies ?? []).map((c: { currency_code?: string } | null) => c?.currency_code?.toLowerCase())
    )
    if (!supported.includes(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `currency_code ${input.currency_code} is not a currency of this store (${supported.join(", ") || "none configured"}).`
      )
    }
    return new StepResponse(undefined)
  }
)
