import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
export { eventually } from "./eventually"
import { createApiKeysWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { TestEventUtils } from "@medusajs/test-utils"
import * as client from "../../scripts/lib/api-client"

/* eslint-disable @typescript-eslint/no-explicit-any */

export const ADMIN_EMAIL = "controller@example.com"
export const PASSWORD = client.PASSWORD

/**
 * An admin user with a bearer token. The HTTP runner (medusaIntegrationTestRunner) snapshots the
 * database on the first test, after the file's own beforeAll hooks, and restores that snapshot
 * before every later test: what a file's beforeAll builds (this admin, a storefront, a buyer; the
 * ids and tokens stay valid) is there in every test, and what a test writes is gone for the next.
 * So set-up shared by every test of a file belongs in a beforeAll at the top of its testSuite (a
 * nested describe's beforeAll runs after the snapshot: its records would be lost), as long as it
 * leaves no work running behind it (a placed order's subscribers could still be writing when
 * the snapshot is taken).
 */
export async function adminHeaders(api: any, container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email: ADMIN_EMAIL, first_name: "Carla", last_name: "Controller" })
  const { authIdentity } = await authModule.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: PASSWORD },
  } as any)
  await authModule.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
  return { headers: await client.adminLogin(api, { email: ADMIN_EMAIL, password: PASSWORD }), user }
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

/** A storefront customer who registered and logged in (the store API); optionally a member of groups. */
export async function buyer(api: any, container: MedusaContainer, pk: string, email: string, groupIds: string[] = []) {
  const registered = await client.registerBuyer(api, pk, email)
  const customerModule = container.resolve(Modules.CUSTOMER)
  for (const customer_group_id of groupIds) {
    await customerModule.addCustomerToGroup({ customer_id: registered.customer.id, customer_group_id })
  }
  return { customer: registered.customer, headers: registered.headers }
}

export async function customerGroup(container: MedusaContainer, name: string) {
  return await container.resolve(Modules.CUSTOMER).createCustomerGroups({ name })
}

/** The status and body of an answer, also of a failed request (axios and api-client errors carry `response`). */
export async function answer(promise: Promise<any>): Promise<{ status: number; data: any }> {
  const settled = await settle(promise)
  return "response" in settled ? settled.response : { status: settled.value.status, data: settled.value.data }
}

/** The response of a request expected to fail, for asserting status and message. */
export async function failure(promise: Promise<any>) {
  const settled = await settle(promise)
  if (!("response" in settled)) {
    const res = settled.value
    throw new Error(`Expected the request to fail, got ${res?.status}: ${JSON.stringify(res?.data ?? res)}`)
  }
  return settled.response as { status: number; data: { type: string; message: string } }
}

/** A request's value, or the HTTP answer of its error; any other error is thrown. */
async function settle(promise: Promise<any>): Promise<{ value: any } | { response: { status: number; data: any } }> {
  try {
    return { value: await promise }
  } catch (e: any) {
    if (!e.response) {
      throw e
    }
    return { response: { status: e.response.status as number, data: e.response.data } }
  }
}

/**
 * Runs `action`, then waits until every subscriber of each of `events` has handled it once (Medusa's
 * waitSubscribersExecution; 15 s at most, then it fails): for a test that checks what the subscribers
 * did, or that they left something alone, instead of sleeping a guessed time for them.
 */
export async function afterSubscribers<T>(container: MedusaContainer, events: string[], action: () => Promise<T>): Promise<T> {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const handled = Promise.all(events.map((event) => TestEventUtils.waitSubscribersExecution(event, eventBus)))
  const result = await action()
  await handled
  return result
}
