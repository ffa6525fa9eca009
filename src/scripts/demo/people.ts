/**
 * The people of the demo: the admin login, three companies with their buyers
 * and credit accounts, and a private customer who paid in advance.
 */
import type {
  BigNumberInput,
  IAuthModuleService,
  ICustomerModuleService,
  IUserModuleService,
} from "@medusajs/framework/types"
import { FeatureFlag, MathBN, Modules } from "@medusajs/framework/utils"
import {
  createCustomerAccountWorkflow,
  createCustomerGroupsWorkflow,
  createUsersWorkflow,
  linkCustomersToCustomerGroupWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  CURRENCY,
  VAT,
  BUYER_PASSWORD,
  SEED_ACTOR,
} from "./catalog"
import { TRADE_CREDIT_MODULE } from "../../modules/trade-credit"
import type TradeCreditModuleService from "../../modules/trade-credit/service"
import type { AccountStatus, PaymentTerms } from "../../modules/trade-credit/types"
import { internalIdempotencyKey } from "../../modules/trade-credit/utils/idempotency-keys"
import type { Ctx, Note } from "./storefront"

type DemoAddress = { company?: string; address_1: string; postal_code: string; city: string; country_code: string }
type DemoBuyer = { first_name: string; last_name: string; email: string; phone?: string }
type Posting =
  | { key: string; kind: "post"; operation: "adjusted" | "reimbursed"; amount: string; reference?: string; comment: string }
  | { key: string; kind: "settings"; changes: { credit_limit?: string; status?: AccountStatus }; reason: string }

/**
 * One order on account and where its invoice stands: due `due_in_days` from
 * today (negative: that many days overdue), `paid` in full by a bank transfer.
 */
export type DemoInvoice = { key: string; sku: string; quantity: number; due_in_days: number; paid?: boolean }

export type DemoCompany = {
  slug: string
  /**
   * One order this company's first buyer places on account for `quantity` of
   * the demo's most expensive variant: more than the available credit, so it
   * waits in the credit review queue.
   */
  held_order?: { quantity: number; shipping_option: string }
  /** Orders the first buyer places on account, whose invoices are then back-dated (demo/invoices.ts). */
  invoices?: DemoInvoice[]
  name: string
  metadata: Record<string, string>
  address: DemoAddress
  buyers: DemoBuyer[]
  account: {
    reference: string
    /** Limit at opening; a later `settings` posting may change it. */
    credit_limit: string
    payment_terms: PaymentTerms
    history: Posting[]
  }
}

/**
 * Three companies in three states: comfortably under the limit, close to it,
 * and on `query`. Amounts are strings so no float touches the ledger.
 */
export const COMPANIES: DemoCompany[] = [
  {
    slug: "rotterdam-build-supply",
    name: "Rotterdam Build Supply",
    metadata: { vat_number: "NL859204112B01", erp_customer_no: "D-10231" },
    address: { address_1: "Keilestraat 14", postal_code: "3029 BP", city: "Rotterdam", country_code: "nl" },
    buyers: [
      { first_name: "Daan", last_name: "de Vries", email: "daan@rotterdam-build.example.com", phone: "+31 10 412 7730" },
      { first_name: "Sanne", last_name: "Bakker", email: "sanne@rotterdam-build.example.com" },
    ],
    account: {
      reference: "D-10231",
      credit_limit: "20000",
      payment_terms: { type: "net_days", net_days: 30, grace_days: 5 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-11480.00", reference: "OB-ERP-10231", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "6000.00", reference: "ABNA-20260112-0142", comment: "Bank transfer, settles the oldest invoices." },
        { key: "limit-review", kind: "settings", changes: { credit_limit: "25000" }, reason: "Annual credit review: two years of on-time payment, limit raised." },
        { key: "inv-0318", kind: "post", operation: "adjusted", amount: "-2365.40", reference: "INV-2026-0318", comment: "Counter sale invoice booked in the ERP." },
        { key: "pay-2", kind: "post", operation: "reimbursed", amount: "3000.00", reference: "ABNA-20260209-0311", comment: "Bank transfer." },
      ],
    },
  },
  {
    slug: "antwerp-tiles-stone",
    name: "Antwerp Tiles & Stone",
    // 3 pallets of tiles + tail-lift delivery + 21% VAT ≈ 4,286 EUR against ≈ 784 EUR available.
    held_order: { quantity: 3, shipping_option: "Pallet delivery with tail-lift" },
    metadata: { vat_number: "BE0712458933", erp_customer_no: "D-10417" },
    address: { address_1: "Noorderlaan 122", postal_code: "2030", city: "Antwerpen", country_code: "be" },
    buyers: [
      { first_name: "Lotte", last_name: "Peeters", email: "lotte@antwerp-tiles.example.com", phone: "+32 3 541 22 10" },
      { first_name: "Jonas", last_name: "Claes", email: "jonas@antwerp-tiles.example.com" },
    ],
    account: {
      reference: "D-10417",
      credit_limit: "10000",
      payment_terms: { type: "net_days", net_days: 60, grace_days: 0 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-7950.00", reference: "OB-ERP-10417", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "2500.00", reference: "KBC-20260130-7781", comment: "Partial payment by bank transfer." },
        { key: "inv-0402", kind: "post", operation: "adjusted", amount: "-3765.60", reference: "INV-2026-0402", comment: "Project delivery to Berchem site, invoiced from the ERP." },
      ],
    },
  },
  {
    slug: "lille-renovation",
    name: "Lille Renovation",
    metadata: { vat_number: "FR47853201776", erp_customer_no: "D-10588" },
    address: { address_1: "27 Rue Nationale", postal_code: "59800", city: "Lille", country_code: "fr" },
    buyers: [
      { first_name: "Camille", last_name: "Dubois", email: "camille@lille-renovation.example.com", phone: "+33 3 20 55 41 90" },
      { first_name: "Hugo", last_name: "Lefebvre", email: "hugo@lille-renovation.example.com" },
    ],
    account: {
      reference: "D-10588",
      credit_limit: "15000",
      payment_terms: { type: "end_of_next_month", grace_days: 10 },
      history: [
        { key: "opening", kind: "post", operation: "adjusted", amount: "-6340.00", reference: "OB-ERP-10588", comment: "Opening balance carried over from the ERP (open invoices at migration)." },
        { key: "pay-1", kind: "post", operation: "reimbursed", amount: "1200.00", reference: "CIC-20260205-0093", comment: "Cheque received and banked." },
        { key: "query", kind: "settings", changes: { status: "query" }, reason: "Disputed delivery note LR-5521 (damaged plasterboard): review every order until resolved." },
      ],
    },
  },
]

/**
 * Two companies with invoices in every state (placed as real orders on
 * account, then back-dated): Utrecht Roofing, `normal` but with an invoice 10
 * days overdue past its 3 grace days, so its buyers meet the overdue block at
 * checkout; Eindhoven Interiors, 40 days overdue. Kept after the others, so
 * the held order above stays order #1.
 */
COMPANIES.push(
  {
    slug: "utrecht-roofing",
    name: "Utrecht Roofing",
    metadata: { vat_number: "NL861177045B01", erp_customer_no: "D-10642" },
    address: { address_1: "Europalaan 30", postal_code: "3526 KS", city: "Utrecht", country_code: "nl" },
    buyers: [{ first_name: "Bram", last_name: "Jansen", email: "bram@utrecht-roofing.example.com", phone: "+31 30 296 1180" }],
    invoices: [
      { key: "upcoming", sku: "C24-45145-480", quantity: 40, due_in_days: 4 },
      { key: "due-today", sku: "CEM-IIBM-PAL56", quantity: 1, due_in_days: 0 },
      { key: "overdue-10", sku: "GPB-125-PAL50", quantity: 2, due_in_days: -10 },
      { key: "paid", sku: "ADH-C2TE-PAL48", quantity: 1, due_in_days: 12, paid: true },
    ],
    account: { reference: "D-10642", credit_limit: "12000", payment_terms: { type: "net_days", net_days: 30, grace_days: 3 }, history: [] },
  },
  {
    slug: "eindhoven-interiors",
    name: "Eindhoven Interiors",
    metadata: { vat_number: "NL862204519B01", erp_customer_no: "D-10655" },
    address: { address_1: "Kanaaldijk-Zuid 8", postal_code: "5613 DM", city: "Eindhoven", country_code: "nl" },
    buyers: [{ first_name: "Fleur", last_name: "Visser", email: "fleur@eindhoven-interiors.example.com" }],
    invoices: [
      { key: "overdue-40", sku: "REBAR-B500B-12-100", quantity: 1, due_in_days: -40 },
      { key: "upcoming", sku: "TILE-6060-ANT-BOX", quantity: 20, due_in_days: 3 },
    ],
    account: { reference: "D-10655", credit_limit: "8000", payment_terms: { type: "net_days", net_days: 14, grace_days: 7 }, history: [] },
  }
)

/** A private customer who paid in advance: a personal account with a positive balance. */
export const PERSONAL = {
  slug: "emma-schneider",
  buyer: { first_name: "Emma", last_name: "Schneider", email: "emma.schneider@example.com" },
  address: { address_1: "Aachener Straße 311", postal_code: "50933", city: "Köln", country_code: "de" },
  account: {
    credit_limit: "0",
    payment_terms: { type: "prepayment" } as PaymentTerms,
    history: [
      { key: "prepayment", kind: "post", operation: "reimbursed", amount: "350.00", reference: "SEPA-20260214-5512", comment: "Advance payment for the bathroom renovation order." },
    ] as Posting[],
  },
}

// ---------------------------------------------------------------------------
// Seed
// ---------------------------------------------------------------------------


/**
 * The admin login, made the way `medusa user` makes it (user + emailpass
 * identity + `app_metadata.user_id`, super admin role when RBAC is on), but
 * safe to repeat. The password is reset to the configured one so that the
 * credentials the demo prints always work.
 */
export async function ensureAdminUser(container: Ctx, note: Note) {
  const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
  const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
  const users = container.resolve<IUserModuleService>(Modules.USER)
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)

  let [user] = await users.listUsers({ email })
  const created = !user
  if (!user) {
    let roles: string[] = []
    if (FeatureFlag.isFeatureEnabled("rbac")) {
      const rbac = container.resolve(Modules.RBAC) as { listRbacRoles: (f: object) => Promise<{ id: string }[]> }
      roles = (await rbac.listRbacRoles({ id: "role_super_admin" })).map((r) => r.id)
    }
    const { result } = await createUsersWorkflow(container).run({
      input: { users: [{ email, first_name: "Demo", last_name: "Admin", ...(roles.length ? { roles } : {}) }] },
    })
    user = result[0]
  }

  const authIdentityId = await ensureEmailpassIdentity(auth, email, password)
  const identity = await auth.retrieveAuthIdentity(authIdentityId)
  if (identity.app_metadata?.user_id !== user.id) {
    await auth.updateAuthIdentities({
      id: authIdentityId,
      app_metadata: { ...(identity.app_metadata ?? {}), user_id: user.id },
    })
  }
  note(`admin user ${email}`, created)
  return user
}

/** The emailpass auth identity of `email`, registered if missing, with `password` valid. */
async function ensureEmailpassIdentity(auth: IAuthModuleService, email: string, password: string) {
  const [providerIdentity] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: email })
  if (!providerIdentity) {
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
    if (error || !authIdentity) {
      throw new Error(`Could not register ${email}: ${error}`)
    }
    return authIdentity.id
  }
  const check = await auth.authenticate("emailpass", { body: { email, password } })
  if (!check.success) {
    const { error } = await auth.updateProvider("emailpass", { entity_id: email, password })
    if (error) {
      throw new Error(`Could not reset the password of ${email}: ${error}`)
    }
  }
  return providerIdentity.auth_identity_id!
}

export async function ensureCustomerGroup(container: Ctx, company: DemoCompany, note: Note) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const [existing] = await customers.listCustomerGroups({ name: company.name })
  if (existing) {
    note(`company (customer group) "${company.name}"`, false)
    return existing
  }
  const { result } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: [{ name: company.name, metadata: company.metadata }] },
  })
  note(`company (customer group) "${company.name}"`, true)
  return result[0]
}

/** A registered customer who can log in to the store API with emailpass. */
export async function ensureBuyer(
  container: Ctx,
  buyer: DemoBuyer,
  address: DemoAddress,
  companyName: string | null,
  note: Note
) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const authIdentityId = await ensureEmailpassIdentity(auth, buyer.email, BUYER_PASSWORD)
  const identity = await auth.retrieveAuthIdentity(authIdentityId)

  let [customer] = await customers.listCustomers({ email: buyer.email, has_account: true })
  const created = !customer
  if (!customer) {
    const { result } = await createCustomerAccountWorkflow(container).run({
      input: {
        // The workflow refuses an identity that already belongs to a customer.
        authIdentityId,
        customerData: {
          ...buyer,
          company_name: companyName,
          addresses: [
            {
              ...address,
              first_name: buyer.first_name,
              last_name: buyer.last_name,
              is_default_shipping: true,
              is_default_billing: true,
            },
          ],
        },
      },
    })
    customer = result
  } else if (identity.app_metadata?.customer_id !== customer.id) {
    await auth.updateAuthIdentities({
      id: authIdentityId,
      app_metadata: { ...(identity.app_metadata ?? {}), customer_id: customer.id },
    })
  }
  note(`buyer ${buyer.email}`, created)
  return customer
}

export async function ensureGroupMembers(container: Ctx, groupId: string, customerIds: string[], note: Note) {
  const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
  const group = await customers.retrieveCustomerGroup(groupId, { relations: ["customers"] })
  const members = new Set((group.customers ?? []).map((c) => c.id))
  const missing = customerIds.filter((id) => !members.has(id))
  if (missing.length) {
    await linkCustomersToCustomerGroupWorkflow(container).run({ input: { id: groupId, add: missing } })
  }
  note(`members of "${group.name}" (${customerIds.length})`, !!missing.length)
}

/**
 * Opens the EUR account and replays its history. Each call carries an
 * idempotency key, so on a second run the ledger returns the earlier entry
 * instead of posting again.
 */
export async function ensureAccount(
  container: Ctx,
  holder: { customer_id: string } | { customer_group_id: string },
  slug: string,
  spec: { reference?: string; credit_limit: string; payment_terms: PaymentTerms; history: Posting[] },
  note: Note
) {
  const ledger = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const key = (step: string) => ({ key: internalIdempotencyKey("demo-seed", slug, step) })

  let [account] = await ledger.listTradeCreditAccounts({ ...holder, currency_code: CURRENCY })
  if (!account) {
    const opened = await ledger.openAccount({
      ...holder,
      currency_code: CURRENCY,
      credit_limit: spec.credit_limit,
      payment_terms: spec.payment_terms,
      reference: spec.reference ?? null,
      comment: "Account opened by the demo seed.",
      actor: SEED_ACTOR,
      idempotency: key("open"),
    })
    account = opened.account
  }

  let posted = 0
  for (const step of spec.history) {
    const result =
      step.kind === "post"
        ? await ledger.postLedgerEntry({
            account_id: account.id,
            operation: step.operation,
            amount: step.amount,
            reference: step.reference ?? null,
            comment: step.comment,
            actor: SEED_ACTOR,
            idempotency: key(step.key),
          })
        : await ledger.updateAccountSettings({
            account_id: account.id,
            changes: step.changes,
            reason: step.reason,
            actor: SEED_ACTOR,
            idempotency: key(step.key),
          })
    if (!result.replayed && result.entry) {
      posted++
    }
  }

  const fresh = await ledger.retrieveTradeCreditAccount(account.id)
  const eur = (value: unknown) => MathBN.convert(value as BigNumberInput).toFixed(2)
  note(
    `account ${slug}: balance ${eur(fresh.balance)} / limit ${eur(fresh.credit_limit)} / available ${eur(fresh.available_credit)} EUR, ` +
      `status ${fresh.status}${posted ? ` (${posted} entries posted)` : ""}`,
    posted > 0
  )
  return fresh
}
