/**
 * Demo store for the trade credit plugin: `npx medusa exec ./src/scripts/seed-demo.ts`
 * (run by `npm run demo`).
 *
 * Idempotent: every record is looked up by its natural key (name, handle,
 * email, title) before it is created, and every ledger posting carries an
 * idempotency key, so a second run reuses everything and adds nothing.
 *
 * Prints `PUBLISHABLE_KEY=pk_...` and `DEMO_INFO={...}` on stdout for the demo
 * script to pick up.
 */
import type { ExecArgs, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BUYER_PASSWORD, MOST_EXPENSIVE_SKU } from "./demo/catalog"
import {
  COMPANIES,
  PERSONAL,
  ensureAdminUser,
  ensureCustomerGroup,
  ensureBuyer,
  ensureGroupMembers,
  ensureAccount,
} from "./demo/people"
import { seedStorefront } from "./demo/storefront"
import { ensureHeldOrder } from "./seed-held-order"
import { ensureDemoInvoices } from "./demo/invoices"
import { ensureRefundedOrder } from "./demo/refund-to-balance"

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const tally = { created: 0, reused: 0 }
  const note = (what: string, created: boolean) => {
    created ? tally.created++ : tally.reused++
    logger.info(`[seed] ${created ? "created" : "reused "} ${what}`)
  }

  const { apiKey, region, salesChannel } = await seedStorefront(container, note)
  const admin = await ensureAdminUser(container, note)

  const buyers: { email: string; company: string }[] = []
  for (const company of COMPANIES) {
    const group = await ensureCustomerGroup(container, company, note)
    const companyBuyers = []
    for (const buyer of company.buyers) {
      const customer = await ensureBuyer(container, buyer, { ...company.address, company: company.name }, company.name, note)
      companyBuyers.push(customer)
      buyers.push({ email: buyer.email, company: company.name })
    }
    await ensureGroupMembers(container, group.id, companyBuyers.map((c) => c.id), note)
    const account = await ensureAccount(container, { customer_group_id: group.id }, company.slug, company.account, note)
    // The held order and the invoices' orders are placed by the company's first buyer.
    const [buyer] = company.buyers
    const firstBuyerOrders = {
      account_id: account.id,
      customer: { id: companyBuyers[0].id, email: buyer.email, first_name: buyer.first_name, last_name: buyer.last_name },
      shipping_address: { ...company.address, company: company.name },
      region_id: region.id,
      sales_channel_id: salesChannel.id,
    }
    if (company.held_order) {
      await ensureHeldOrder(
        container,
        {
          ...firstBuyerOrders,
          label: company.slug,
          sku: MOST_EXPENSIVE_SKU,
          quantity: company.held_order.quantity,
          shipping_option: company.held_order.shipping_option,
        },
        note
      )
    }
    if (company.invoices) {
      await ensureDemoInvoices(
        container,
        {
          ...firstBuyerOrders,
          slug: company.slug,
          invoices: company.invoices,
        },
        note
      )
    }
  }
  const personal = await ensureBuyer(container, PERSONAL.buyer, PERSONAL.address, null, note)
  buyers.push({ email: PERSONAL.buyer.email, company: "(personal, prepaid)" })
  await ensureAccount(container, { customer_id: personal.id }, PERSONAL.slug, PERSONAL.account, note)
  await ensureRefundedOrder(
    container,
    {
      slug: PERSONAL.slug,
      customer: { id: personal.id, email: PERSONAL.buyer.email, first_name: PERSONAL.buyer.first_name, last_name: PERSONAL.buyer.last_name },
      shipping_address: PERSONAL.address,
      region_id: region.id,
      sales_channel_id: salesChannel.id,
    },
    note
  )

  logger.info(`[seed] done: ${tally.created} created, ${tally.reused} reused`)
  // Machine-readable lines for scripts/demo.js (stdout, not the logger).
  process.stdout.write(`PUBLISHABLE_KEY=${apiKey.token}\n`)
  process.stdout.write(
    `DEMO_INFO=${JSON.stringify({
      publishable_key: apiKey.token,
      admin_email: admin.email,
      buyer_password: BUYER_PASSWORD,
      buyers,
      created: tally.created,
      reused: tally.reused,
    })}\n`
  )
}
