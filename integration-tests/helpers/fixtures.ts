import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
export { eventually } from "./eventually"
import { createApiKeysWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ADMIN_EMAIL = "controller@example.com"
export const PASSWORD = "supersecret"

/**
 * The HTTP runner truncates the database between tests, so each test builds
 * its world again: an admin user with a bearer token, store currencies, a
 * publishable key.
 */
export async function adminHeaders(api: any, container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email: ADMIN_EMAIL, first_name: "Carla", last_name: "Controller" })
  const { authIdentity } = await authModule.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: PASSWORD },
  } as any)
  await authModule.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: PASSWORD })
  return { headers: { authorization: `Bearer ${data.token}` }, user }
}

export async function setStoreCurrencies(container: MedusaContainer, codes = ["eur", "usd", "jpy", "kwd"]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({ entity: "store", fields: ["id"] })
  let storeId = stores[0]?.id
  if (!storeId) {
    const store = await container.resolve(Modules.STORE).createStores({ name: "Test store" })
    storeId = store.id
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        supported_currencies: codes.map((currency_code, i) => ({ currency_code, is_default: i === 0 })),
      },
    },
  })
}

export async function publishableKey(container: MedusaContainer) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "test" }] },
  })
  return result[0].token
}

export async function secretKeyHeaders(container: MedusaContainer, title = "ERP connector") {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title, type: "secret", created_by: "test" }] },
  })
  return { authorization: `Basic ${Buffer.from(`${result[0].token}:`).toString("base64")}` }
}

/** A storefront customer who registered and logged in; optionally a member of groups. */
export async function buyer(api: any, container: MedusaContainer, pk: string, email: string, groupIds: string[] = []) {
  const reg = await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
  const { data } = await api.post(
    "/store/customers",
    { email, first_name: email.split("@")[0], last_name: "Buyer" },
    { headers: { authorization: `Bearer ${reg.data.token}`, "x-publishable-api-key": pk } }
  )
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const customer_group_id of groupIds) {
    await customerModule.addCustomerToGroup({ customer_id: data.customer.id, customer_group_id })
  }
  const login = await api.post("/auth/customer/emailpass", { email, password: PASSWORD })
  return {
    customer: data.customer,
    headers: { authorization: `Bearer ${login.data.token}`, "x-publishable-api-key": pk },
  }
}

export async function customerGroup(container: MedusaContainer, name: string) {
  return await container.resolve(Modules.CUSTOMER).createCustomerGroups({ name })
}

/** The response of a request expected to fail, for asserting status and message. */
export async function failure(promise: Promise<any>) {
  try {
    const res = await promise
    throw new Error(`Expected the request to fail, got ${res.status}: ${JSON.stringify(res.data)}`)
  } catch (e: any) {
    if (!e.response) {
      throw e
    }
    return { status: e.response.status as number, data: e.response.data as { type: string; message: string } }
  }
}

