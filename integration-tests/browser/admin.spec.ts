/**
 * The trade credit admin in a real browser, as a credit controller:
 * log in, open a company account from the customer group page, set its limit,
 * record and correct a reimbursement, release an over-limit order from the
 * order page, and filter the Trade credit page.
 *
 * Real processes: a fresh database on the PostgreSQL that scripts/test.js
 * provides (DB_* env), `medusa db:migrate` (in a whole `npm test`: a copy of the HTTP suite's
 * migrated template and `medusa db:migrate:scripts`), the demo seed
 * (src/scripts/seed-demo.ts), ONE Medusa server with the admin dashboard
 * (Vite, development mode) on a free port (scripts/lib/medusa-server.js), and
 * Debian's chromium driven by playwright-core. Everything the page shows is
 * checked against the admin API as well.
 *
 * Teardown (also on failure): browser closed, server stopped, database dropped.
 * Artifacts in .test-artifacts/browser/: one screenshot per screen (NN-*.png,
 * FAILED-*.png on a failing step), server/migrate/seed logs in logs/, the
 * browser console in logs/browser-console.log.
 *
 *   npm test -- browser
 *
 * The browser is the one scripts/lib/browser.js finds (CHROMIUM_PATH, then
 * chromium / google-chrome / chrome on PATH, then playwright's cache);
 * `npm test` installs Debian's chromium first when there is none and it runs
 * as root with apt-get. A missing browser FAILS the suite: it is never skipped.
 */
import fs from "fs"
import os from "os"
import path from "path"
import { MathBN } from "@medusajs/framework/utils"
import type { BrowserContext, Locator, Page } from "playwright-core"
import { eventually as retryUntil } from "../helpers/eventually"
import { LEDGER_OPERATIONS } from "../../src/modules/trade-credit/constants"
import { OPERATION_LABELS } from "../../src/admin/lib/format"
import * as client from "../../scripts/lib/api-client"
import { startMailCatcher, type MailCatcher } from "../../scripts/lib/mail-catcher"
import { AGING_BUCKETS } from "../../src/modules/trade-credit/constants"
import { AGING_BUCKET_LABELS } from "../../src/admin/lib/receivables-labels"

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
const medusa = require("../../scripts/lib/medusa-server")
const pg = require("../../scripts/lib/pg-connection")
const { freePort } = require("../../scripts/lib/database")
const { phaseTimer, phaseReport } = require("../../scripts/lib/phase-timer")
const { findBrowser, missingBrowserMessage } = require("../../scripts/lib/browser")
const { copyOfTemplate, TEMPLATE_ENV } = require("../../scripts/lib/test-database-template")

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]
const ARTIFACTS = path.join(medusa.ROOT, ".test-artifacts", "browser")
const LOG_DIR = path.join(ARTIFACTS, "logs")

const ADMIN = { email: "admin@example.com", password: "supersecret" }
/** The first /app load compiles the dashboard with Vite. */
const DASHBOARD_TIMEOUT_MS = 180_000
/** One UI expectation (a toast, a row, a refetched figure). */
const UI_TIMEOUT_MS = 20_000
const STEP_TIMEOUT_MS = 120_000

const COMPANY = "Ghent Joinery"
const BUYER_EMAIL = "pieter@ghent-joinery.example.com"
const ACCOUNT_REFERENCE = "GJ-1001"
const LIMIT = 1000
const REIMBURSED = 250
const PAYMENT_REFERENCE = "KBC-20260301-0042"
const PAYMENT_COMMENT = "Bank transfer for invoice GJ-17"
const PAYMENT_COMMENT_EDITED = "Bank transfer for invoices GJ-17 and GJ-18"
const RELEASE_COMMENT = "Approved by phone with the site manager"
/** The demo's pallet of tiles (1149 EUR); two of them go over Ghent Joinery's 1,250 EUR available. */
const TILES_HANDLE = "porcelain-floor-tiles-60x60-anthracite"
const PALLET_SKU = "TILE-6060-ANT-PAL"

jest.setTimeout(STEP_TIMEOUT_MS)

const log = (message: string) => process.stdout.write(`[browser] ${message}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries `fn` (typically jest `expect`s on what the page shows) until it passes or the time is up. */
const eventually = <T>(fn: () => Promise<T>, timeoutMs = UI_TIMEOUT_MS) => retryUntil(fn, timeoutMs, 250)
const eur = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(n)
const signedEur = (n: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", signDisplay: "exceptZero" }).format(n)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")


const visible = (locator: Locator, timeout = UI_TIMEOUT_MS) => locator.first().waitFor({ state: "visible", timeout })
const hidden = (locator: Locator, timeout = UI_TIMEOUT_MS) => locator.first().waitFor({ state: "hidden", timeout })

/** Polls `url` until it answers 200 with the dashboard's HTML. */
async function waitForDashboardHtml(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let last = ""
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
      const body = await response.text()
      if (response.ok && /<div id="(root|medusa)"|<script type="module"/.test(body)) {
        return
      }
      last = `${response.status}: ${body.slice(0, 200)}`
    } catch (error: any) {
      last = String(error?.message ?? error)
    }
    await sleep(500)
  }
  throw new Error(`${url} did not serve the dashboard within ${timeoutMs / 1000} s (last: ${last})`)
}

describe("trade credit admin in a browser", () => {
  const started = Date.now()
  const { timed, timings } = phaseTimer(log)
  const consoleLines: string[] = []
  let dbServer: any
  let database: string | null = null
  let databaseCreated = false
  let server: any = null
  let userDataDir: string | null = null
  let context: BrowserContext | null = null
  let page: Page
  let baseUrl: string
  let adminHeaders: Record<string, string>
  let publishableKey: string
  let shotNo = 0
  /** Set once a step fails: later steps build on it, so they stop at once instead of timing out. */
  let brokenAt: string | null = null

  // What the steps hand on to each other.
  let group: { id: string; name: string }
  let buyer: { customer: any; headers: Record<string, string> }
  let accountId: string
  let reimbursementId: string
  let order: { id: string; display_id: number }
  let reviewId: string
  let orderTotal: number
  /** The SMTP server the reminders go to (the plugin's SMTP provider points at it). */
  let catcher: MailCatcher | null = null
  // The receivables steps: the demo's Utrecht Roofing has invoices in every state.
  const RECEIVABLES_COMPANY = "Utrecht Roofing"
  let utrecht: { groupId: string; accountId: string }
  let overdueInvoice: any
  const PARTIAL_REFERENCE = "RABO-20261201-0007"
  const REST_REFERENCE = "RABO-20261201-0019"
  const DISPUTE_NOTE = "Two pallets arrived damaged: credit note requested"
  const CHASE_NOTE = "Called Bram: the rest of the overdue invoice is paid on Friday"


  /** A screenshot of what the page shows now, as NN-name.png. */
  const shot = async (name: string) => {
    shotNo++
    const file = path.join(ARTIFACTS, `${String(shotNo).padStart(2, "0")}-${name}.png`)
    // Drawer and dialog animations fast-forwarded: the shot shows where they end.
    await page.screenshot({ path: file, animations: "disabled" })
    return file
  }

  /** Closes the toasts still showing (they cover the drawers' headers in the next screenshots). */
  const dismissToasts = async () => {
    const closers = page.locator("[data-sonner-toast] button")
    for (let i = await closers.count(); i > 0; i--) {
      await closers.first().click({ timeout: 2000 }).catch(() => {})
    }
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached", timeout: 5000 }).catch(() => {})
  }

  /** Scrolls the element to the top of the dashboard's scrolling main column. */
  const scrollToTop = (locator: Locator) => locator.evaluate((el) => el.scrollIntoView({ block: "start" }))

  /** One step of the story: skipped at once when an earlier step failed; a screenshot when it fails. */
  const step = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      if (brokenAt) {
        throw new Error(`Not run: the earlier step "${brokenAt}" failed.`)
      }
      try {
        await fn()
      } catch (error) {
        brokenAt = name
        if (page && !page.isClosed()) {
          const file = path.join(ARTIFACTS, `FAILED-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`)
          await page.screenshot({ path: file, fullPage: true }).catch(() => {})
          log(`step failed, screenshot: ${path.relative(medusa.ROOT, file)} (page: ${page.url()})`)
        }
        throw error
      }
    })

  /** What the admin API says, to check the page against. */
  const accountNow = (id: string) => client.getAccount(baseUrl, adminHeaders, id)
  const historyNow = (id: string) => client.allEntries(baseUrl, adminHeaders, id)

  /** Goes to a dashboard path (under /app) and waits for the page to have loaded. */
  const open = async (p: string) => {
    await page.goto(`${baseUrl}/app${p}`, { waitUntil: "domcontentloaded", timeout: 60_000 })
  }

  /** The company's credit card on the customer group page. */
  const creditCard = () =>
    page.locator("div").filter({ has: page.getByRole("heading", { name: "Company credit", exact: true }) }).filter({
      has: page.getByRole("heading", { name: "Credit history" }),
    }).last()

  /** The order widget: "Pay on account" with its figures. */
  const payPanel = () =>
    page
      .locator("div")
      .filter({ has: page.getByRole("heading", { name: "Pay on account" }) })
      .filter({ hasText: "Amount on account" })
      .last()

  beforeAll(async () => {
    fs.rmSync(ARTIFACTS, { recursive: true, force: true })
    fs.mkdirSync(LOG_DIR, { recursive: true })
    // Fail, never skip, without a browser (`npm test` installs one when it can).
    const browser = findBrowser()
    if (!browser) {
      throw new Error(missingBrowserMessage())
    }
    log(`browser ${browser.path} (from ${browser.source})`)
    const { chromium } = require("playwright-core")

    dbServer = pg.serverOf(process.env)
    database = `tc_browser_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
    const port = await freePort()
    baseUrl = `http://localhost:${port}`
    const origins = `${baseUrl},http://127.0.0.1:${port}`
    const env = medusa.medusaEnv(pg.databaseEnv(dbServer, database), {
      // medusaEnv turns the admin off (the API-only servers don't need it); here it is the point.
      MEDUSA_ADMIN_DISABLED: "false",
      ADMIN_CORS: origins,
      AUTH_CORS: origins,
      STORE_CORS: origins,
      DEMO_ADMIN_EMAIL: ADMIN.email,
      DEMO_ADMIN_PASSWORD: ADMIN.password,
      // The released order's screenshots show it captured at once: `capture: "on_authorize"` (the default waits for the invoice).
      TRADE_CREDIT_CAPTURE: "on_authorize",
    })

    catcher = await timed("mail catcher", () => startMailCatcher())
    env.TRADE_CREDIT_SMTP_HOST = catcher!.host
    env.TRADE_CREDIT_SMTP_PORT = String(catcher!.port)
    // In a whole `npm test`, a copy of the HTTP suite's migrated template: only Medusa's migration scripts are left to run.
    const copied = await timed("create database", () => copyOfTemplate(dbServer, database))
    if (!copied) {
      await pg.createDatabase(dbServer, database)
    }
    databaseCreated = true
    log(`database ${database} on ${dbServer.DB_HOST}:${dbServer.DB_PORT}${copied ? ` (a copy of ${process.env[TEMPLATE_ENV]})` : ""}`)
    if (copied) {
      await timed("migration scripts", () => medusa.runCli("migrate", ["db:migrate:scripts"], { env, logDir: LOG_DIR, timeoutMs: 180_000 }))
    } else {
      await timed("migrate", () => medusa.migrate(env, { logDir: LOG_DIR }))
    }
    // Seed and server boot at once: neither needs the other.
    const track: any[] = []
    const [seeded, booted] = await Promise.allSettled([
      timed("seed (demo)", () => medusa.seedDemo(env, { logDir: LOG_DIR })),
      timed("server ready (/health)", () =>
        medusa.startServer({ env, port, name: "medusa-admin", logDir: LOG_DIR, track })
      ),
    ])
    server = track[0] ?? (booted.status === "fulfilled" ? booted.value : null)
    for (const outcome of [seeded, booted]) {
      if (outcome.status === "rejected") throw outcome.reason
    }
    publishableKey = (seeded as PromiseFulfilledResult<any>).value.publishableKey
    await timed("dashboard HTML at /app", () => waitForDashboardHtml(`${baseUrl}/app/login`, DASHBOARD_TIMEOUT_MS))

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-browser-profile-"))
    context = await timed("chromium launch", () =>
      chromium.launchPersistentContext(userDataDir, {
        executablePath: browser.path,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1440, height: 1300 },
        locale: "en-US",
        timezoneId: "Europe/Amsterdam",
        timeout: 60_000,
      })
    )
    page = context!.pages()[0] ?? (await context!.newPage())
    page.setDefaultTimeout(UI_TIMEOUT_MS)
    page.on("console", (m) => consoleLines.push(`[${m.type()}] ${m.text()}`))
    page.on("pageerror", (e) => consoleLines.push(`[pageerror] ${e.message}`))
    page.on("requestfailed", (r) => consoleLines.push(`[requestfailed] ${r.method()} ${r.url()}: ${r.failure()?.errorText}`))
    // The first load compiles the dashboard (Vite): be generous once.
    await timed("dashboard compiled (login form)", async () => {
      await page.goto(`${baseUrl}/app/login`, { waitUntil: "domcontentloaded", timeout: DASHBOARD_TIMEOUT_MS })
      await visible(page.getByPlaceholder("Email"), DASHBOARD_TIMEOUT_MS)
    })

    adminHeaders = await client.adminLogin(baseUrl, ADMIN)
  }, 600_000)

  afterAll(async () => {
    const t = Date.now()
    fs.mkdirSync(LOG_DIR, { recursive: true })
    fs.writeFileSync(path.join(LOG_DIR, "browser-console.log"), consoleLines.join("\n") + "\n")
    await context?.close().catch((e) => log(`closing the browser: ${e.message}`))
    await server?.stop()
    await catcher?.stop().catch((e: Error) => log(`stopping the mail catcher: ${e.message}`))
    if (databaseCreated && database) {
      await pg.dropDatabase(dbServer, database).catch((e: Error) => log(`could not drop ${database}: ${e.message}`))
    }
    if (userDataDir) {
      fs.rmSync(userDataDir, { recursive: true, force: true })
    }
    timings["teardown (browser, server, database)"] = Date.now() - t
    log(phaseReport(timings, started, 40))
  }, 120_000)

  step("logs in at /app/login", async () => {
    await shot("login-page")
    await page.getByPlaceholder("Email").fill(ADMIN.email)
    await page.getByPlaceholder("Password").fill(ADMIN.password)
    await page.getByRole("button", { name: "Continue" }).click()
    await page.waitForURL((u) => !u.pathname.includes("/login"), { timeout: 60_000 })
    // The sidebar has the plugin's page.
    await visible(page.getByRole("link", { name: "Trade credit" }), 60_000)
    await visible(page.getByRole("link", { name: "Orders" }))
    // The orders list, with the demo's held order of Antwerp Tiles & Stone.
    const heldRow = page.getByRole("row").filter({ hasText: "Lotte Peeters" })
    await visible(heldRow, 60_000)
    await eventually(async () => {
      const text = await heldRow.innerText()
      expect(text).toContain("#1")
      expect(text).toContain("Awaiting")
    })
    await shot("logged-in-orders-list")
  })

  step("creates a credit account from the customer group page", async () => {
    // A company that has no account yet, with one buyer who registered in the store.
    buyer = await client.registerBuyer(baseUrl, publishableKey, BUYER_EMAIL, { firstName: "Pieter" })
    group = await client.createCompany(baseUrl, adminHeaders, COMPANY, [buyer.customer.id])
    const before = await client.listAccounts(baseUrl, adminHeaders, { customer_group_id: group.id })
    expect(before.count).toBe(0)

    await open(`/customer-groups/${group.id}`)
    await visible(page.getByRole("heading", { name: COMPANY }))
    await visible(page.getByText("No credit account", { exact: true }))
    await visible(page.getByText(BUYER_EMAIL))
    await shot("group-page-no-account")

    await page.getByRole("button", { name: "Create credit account" }).click()
    const drawer = page.getByRole("dialog", { name: "Create credit account" })
    await visible(drawer)
    await visible(drawer.getByText(`Company: ${COMPANY}`))
    await drawer.getByLabel(/^Account reference/).fill(ACCOUNT_REFERENCE)
    await drawer.getByLabel(/^Comment/).fill("Opened after the credit application of March.")
    await shot("create-account-drawer")
    await drawer.getByRole("button", { name: "Create account" }).click()
    await visible(page.getByText(`Credit account in EUR created for ${COMPANY}`))
    await hidden(drawer)

    const card = creditCard()
    await visible(card.getByRole("button", { name: "Reimburse balance" }))
    await eventually(async () => {
      const text = await card.innerText()
      expect(text).toContain("Outstanding balance")
      expect(text).toContain(ACCOUNT_REFERENCE)
      expect(text).toContain("Net 30")
      expect(text).toContain("Allocated")
      expect(text).toContain("Demo Admin")
    })
    await scrollToTop(card)
    await shot("group-page-account-created")

    const { accounts, count } = await client.listAccounts(baseUrl, adminHeaders, { customer_group_id: group.id })
    expect(count).toBe(1)
    expect(accounts[0]).toEqual(
      expect.objectContaining({
        customer_group_id: group.id,
        currency_code: "eur",
        balance: 0,
        credit_limit: 0,
        reference: ACCOUNT_REFERENCE,
        status: "normal",
        holder: expect.objectContaining({ type: "customer_group", name: COMPANY }),
      })
    )
    accountId = accounts[0].id
  })

  step("sets a credit limit with a reason", async () => {
    const card = creditCard()
    await dismissToasts()
    await card.getByRole("button", { name: "More account actions" }).click()
    await page.getByRole("menuitem", { name: "Edit limit, terms and status" }).click()
    const drawer = page.getByRole("dialog", { name: "Edit credit account" })
    await visible(drawer)
    await drawer.getByLabel(/^Credit limit/).fill(String(LIMIT))
    // The reason is required: Save without it says so.
    await drawer.getByRole("button", { name: "Save" }).click()
    await visible(drawer.getByText("Say why the account changes."))
    await drawer.getByLabel("Reason for change").fill("Trade references checked: limit agreed with the owner.")
    await visible(drawer.getByText(`Credit limit: ${eur(0)} → ${eur(LIMIT)}`))
    await shot("edit-account-drawer-limit")
    await drawer.getByRole("button", { name: "Save" }).click()
    await visible(page.getByText("Credit account updated"))
    await hidden(drawer)

    await eventually(async () => {
      const text = await card.innerText()
      expect(text).toContain(eur(LIMIT))
      expect(text).toContain("Trade references checked")
    })
    await scrollToTop(card)
    await shot("group-page-limit-set")

    const account = await accountNow(accountId)
    expect(account).toEqual(expect.objectContaining({ credit_limit: LIMIT, balance: 0, available_credit: LIMIT }))
    const [latest] = await historyNow(accountId)
    expect(latest).toEqual(
      expect.objectContaining({
        credit_limit_after: LIMIT,
        comment: expect.stringContaining("Trade references checked"),
        actor: expect.objectContaining({ type: "user" }),
      })
    )
  })

  step("records a reimbursement with a reference and sees it in the history", async () => {
    const card = creditCard()
    await dismissToasts()
    await card.getByRole("button", { name: "Reimburse balance" }).click()
    const drawer = page.getByRole("dialog", { name: "Reimburse balance" })
    await visible(drawer)
    await drawer.getByLabel(/^Amount/).fill(String(REIMBURSED))
    await drawer.getByLabel(/^Custom reference number/).fill(PAYMENT_REFERENCE)
    await drawer.getByLabel(/^Comment/).fill(PAYMENT_COMMENT)
    // The preview: balance 0 → 250, available credit 1,000 → 1,250.
    await eventually(async () => {
      const text = await drawer.innerText()
      expect(text).toMatch(new RegExp(`Outstanding balance\\s*${escapeRegExp(eur(0))}[\\s→]*${escapeRegExp(eur(REIMBURSED))}`))
      expect(text).toMatch(new RegExp(`Available credit\\s*${escapeRegExp(eur(LIMIT))}[\\s→]*${escapeRegExp(eur(LIMIT + REIMBURSED))}`))
    })
    await shot("reimburse-drawer")
    await drawer.getByRole("button", { name: "Reimburse", exact: true }).click()
    await visible(page.getByText(`Reimbursement of ${signedEur(REIMBURSED)} recorded`))
    await hidden(drawer)

    const row = card.getByRole("row").filter({ hasText: PAYMENT_REFERENCE })
    await visible(row)
    await eventually(async () => {
      const text = await row.innerText()
      expect(text).toContain("Reimbursed")
      expect(text).toContain(signedEur(REIMBURSED))
      expect(text).toContain(PAYMENT_COMMENT)
      expect(text).toContain("Demo Admin")
      // Balance and available credit after it.
      expect(text).toContain(eur(REIMBURSED))
      expect(text).toContain(eur(LIMIT + REIMBURSED))
    })
    await scrollToTop(card)
    await shot("history-with-reimbursement")

    const account = await accountNow(accountId)
    expect(account).toEqual(expect.objectContaining({ balance: REIMBURSED, available_credit: LIMIT + REIMBURSED }))
    const [latest] = await historyNow(accountId)
    expect(latest).toEqual(
      expect.objectContaining({ operation: "reimbursed", amount: REIMBURSED, reference: PAYMENT_REFERENCE, comment: PAYMENT_COMMENT })
    )
    reimbursementId = latest.id
  })

  step("edits the comment of the reimbursement", async () => {
    const card = creditCard()
    const row = card.getByRole("row").filter({ hasText: PAYMENT_REFERENCE })
    await dismissToasts()
    await row.getByRole("button", { name: "Edit" }).click()
    const drawer = page.getByRole("dialog", { name: "Edit reimbursement" })
    await visible(drawer)
    const comment = drawer.getByLabel(/^Comment/)
    expect(await comment.inputValue()).toBe(PAYMENT_COMMENT)
    expect(await drawer.getByLabel(/^Custom reference number/).inputValue()).toBe(PAYMENT_REFERENCE)
    await comment.fill(PAYMENT_COMMENT_EDITED)
    await shot("edit-reimbursement-drawer")
    await drawer.getByRole("button", { name: "Save" }).click()
    await visible(page.getByText("Reimbursement updated"))
    await hidden(drawer)

    await eventually(async () => {
      const text = await row.innerText()
      expect(text).toContain(PAYMENT_COMMENT_EDITED)
      expect(text).toContain(signedEur(REIMBURSED))
      // The correction is kept in the row: who, when, before and after.
      expect(text).toMatch(new RegExp(`Edited by .+ on .+: comment ${PAYMENT_COMMENT} → ${PAYMENT_COMMENT_EDITED}`))
    })
    await scrollToTop(card)
    await shot("history-reimbursement-comment-edited")

    const entries = await historyNow(accountId)
    const edited = entries.find((e: any) => e.id === reimbursementId)
    expect(edited).toEqual(
      expect.objectContaining({ amount: REIMBURSED, reference: PAYMENT_REFERENCE, comment: PAYMENT_COMMENT_EDITED })
    )
    // Correcting a comment adds no entry and moves nothing.
    expect(entries).toHaveLength(3)
    expect((await accountNow(accountId)).balance).toBe(REIMBURSED)
  })

  step("releases an over-limit order held for review from the order page", async () => {
    // The buyer orders two pallets on account: more than the 1,250 EUR available.
    const { regions } = await client.get(baseUrl, "/store/regions", { headers: buyer.headers })
    const region = regions.find((r: any) => r.currency_code === "eur")
    const { products } = await client.get(baseUrl, `/store/products?handle=${TILES_HANDLE}&fields=id,*variants`, {
      headers: buyer.headers,
    })
    const pallet = products[0].variants.find((v: any) => v.sku === PALLET_SKU)
    const cart = await client.cartReadyToPay(baseUrl, buyer.headers, { regionId: region.id, variantIds: [pallet.id] }, { quantity: 2 })
    const completed = await client.completeCart(baseUrl, buyer.headers, cart.id)
    expect(completed.status).toBe(200)
    expect(completed.data.type).toBe("order")
    order = completed.data.order

    const { reviews } = await client.listReviews(baseUrl, adminHeaders, { order_id: order.id })
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toEqual(expect.objectContaining({ status: "pending", account_id: accountId }))
    reviewId = reviews[0].id
    orderTotal = reviews[0].order_total
    expect(orderTotal).toBeGreaterThan(LIMIT + REIMBURSED)
    // Held: nothing posted yet.
    expect((await accountNow(accountId)).balance).toBe(REIMBURSED)
    const overBy = MathBN.sub(orderTotal, LIMIT + REIMBURSED).toNumber()

    await open(`/orders/${order.id}`)
    await visible(page.getByText(`#${order.display_id}`), 60_000)
    const banner = page.getByText("Held for review: over the credit limit")
    await visible(banner)
    await visible(page.getByRole("heading", { name: "Pay on account" }))
    await eventually(async () => {
      const panel = await payPanel().innerText()
      expect(panel).toContain(eur(orderTotal))
      expect(panel).toContain(eur(overBy))
      expect(panel).toContain(COMPANY)
    })
    await page.getByRole("heading", { name: "Pay on account" }).scrollIntoViewIfNeeded()
    await shot("order-page-held-for-review")

    await page.getByRole("button", { name: "Release", exact: true }).click()
    const prompt = page.getByRole("alertdialog")
    await visible(prompt)
    await visible(prompt.getByText(`Release order #${order.display_id}?`))
    await prompt.getByLabel(/^Comment/).fill(RELEASE_COMMENT)
    await shot("release-order-prompt")
    await prompt.getByRole("button", { name: "Release", exact: true }).click()
    await visible(page.getByText(`Order #${order.display_id} released`), 60_000)
    await hidden(prompt, 60_000)
    await hidden(banner)
    await eventually(async () => {
      const panel = await payPanel().innerText()
      expect(panel).not.toContain("Held for review")
      expect(panel).toContain("Captured")
      expect(panel).toContain(eur(MathBN.sub(REIMBURSED, orderTotal).toNumber()))
    })
    await page.getByRole("heading", { name: "Pay on account" }).scrollIntoViewIfNeeded()
    await shot("order-page-released")
    // The dashboard's own sections (header badge, Payments) refetch on a reload.
    await page.reload({ waitUntil: "domcontentloaded" })
    await visible(page.getByRole("heading", { name: "Pay on account" }), 60_000)
    await eventually(async () => {
      expect(await payPanel().innerText()).toContain("Captured")
      const payments = await page.locator("div").filter({ has: page.getByRole("heading", { name: "Payments" }) }).filter({ hasText: "Total paid by customer" }).last().innerText()
      expect(payments).not.toContain("awaiting authorization")
    })
    await shot("order-page-released-reloaded")

    const [review] = (await client.listReviews(baseUrl, adminHeaders, { order_id: order.id })).reviews
    expect(review).toEqual(
      expect.objectContaining({
        id: reviewId,
        status: "released",
        comment: RELEASE_COMMENT,
        decided_by: expect.objectContaining({ type: "user" }),
      })
    )
    const account = await accountNow(accountId)
    const expectedBalance = MathBN.sub(REIMBURSED, orderTotal).toNumber()
    expect(account.balance).toBe(expectedBalance)
    expect(account.available_credit).toBe(MathBN.add(LIMIT, expectedBalance).toNumber())
    const { order: placed } = await client.get(baseUrl, `/admin/orders/${order.id}?fields=id,payment_status`, { headers: adminHeaders })
    expect(placed.payment_status).toBe("captured")
    const [purchase] = await historyNow(accountId)
    expect(purchase).toEqual(
      expect.objectContaining({ operation: "purchased", over_limit: true, order_id: order.id, amount: -orderTotal })
    )

    // The company page shows the purchase, flagged over the limit, linked to the order.
    await open(`/customer-groups/${group.id}`)
    const card = creditCard()
    const row = card.getByRole("row").filter({ hasText: `Order #${order.display_id}` })
    await visible(row)
    await eventually(async () => {
      const text = await row.innerText()
      expect(text).toContain("Purchased")
      expect(text).toContain("Over limit")
      expect(text).toContain(signedEur(-orderTotal))
    })
    await eventually(async () => expect(await card.innerText()).toContain(eur(expectedBalance)))
    await scrollToTop(card)
    await shot("group-page-after-release")

    // The history's filter offers every ledger operation by its label, and the API
    // answers each (`captured` included: this account has none, so the list is empty).
    const filter = card.getByRole("combobox", { name: "Filter by operation" })
    await filter.click()
    await eventually(async () =>
      expect(await page.getByRole("option").allInnerTexts()).toEqual([
        "All operations",
        ...LEDGER_OPERATIONS.map((op) => OPERATION_LABELS[op]),
      ])
    )
    await shot("history-operation-filter")
    await page.getByRole("option", { name: "Captured", exact: true }).click()
    await visible(card.getByText("No entries of this kind yet."))
    await shot("history-filtered-captured")
    await filter.click()
    await page.getByRole("option", { name: "Purchased", exact: true }).click()
    await eventually(async () => {
      // The operation is each body row's second cell (the first row is the header).
      const operations = (await card.getByRole("row").allInnerTexts()).slice(1).map((t) => t.split("\t")[1] ?? "")
      expect(operations).toHaveLength(1)
      expect(operations[0].trim()).toMatch(/^Purchased/)
    })
    await shot("history-filtered-purchased")
  })

  step("filters the accounts on the Trade credit page", async () => {
    const rows = page.getByRole("link", { name: /^Open / })
    const rowNames = async () =>
      (await rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).map((l) => String(l).replace(/^Open /, ""))
    const apiNames = async (query: string) =>
      (await client.listAccounts(baseUrl, adminHeaders, `order=balance&limit=50${query}`)).accounts.map((a: any) => a.holder.name || a.holder.email)

    await page.getByRole("link", { name: "Trade credit" }).click()
    await page.waitForURL(/\/app\/trade-credit/)
    await visible(page.getByRole("heading", { name: "Credit accounts" }))
    await visible(page.getByRole("heading", { name: "Orders held for review" }))
    // All seven accounts: five demo companies (two with back-dated invoices), the personal customer and Ghent Joinery.
    const all = await apiNames("")
    expect(all).toHaveLength(7)
    await eventually(async () => expect(await rowNames()).toEqual(all))
    // The demo's held Antwerp order is still in the queue; ours was released.
    const queue = page
      .locator("div")
      .filter({ has: page.getByRole("heading", { name: "Orders held for review" }) })
      .filter({ hasText: "Antwerp Tiles & Stone" })
      .last()
    await visible(queue)
    expect(await queue.getByRole("link", { name: /^#\d+$/ }).count()).toBe(1)
    expect(await queue.getByRole("link", { name: `#${order.display_id}`, exact: true }).count()).toBe(0)
    expect((await client.listReviews(baseUrl, adminHeaders, { status: "pending" })).count).toBe(1)
    await shot("trade-credit-page")

    // Search by company name.
    const search = page.getByRole("searchbox", { name: "Search accounts" })
    await search.fill("Ghent")
    await eventually(async () => expect(await rowNames()).toEqual([COMPANY]))
    // The table row of the account whose link names the company: its figures are in the row's other cells.
    const ghent = page.getByRole("row").filter({ has: rows.filter({ hasText: COMPANY }) })
    await eventually(async () => {
      const text = await ghent.innerText()
      expect(text).toContain("Company")
      expect(text).toContain(eur(MathBN.sub(REIMBURSED, orderTotal).toNumber()))
      expect(text).toContain(eur(LIMIT))
      expect(text).toContain("Net 30")
    })
    await shot("trade-credit-search-ghent")
    await search.fill("")

    // Status: only the account on query.
    await page.getByRole("combobox", { name: "Credit status" }).click()
    await page.getByRole("option", { name: "Query", exact: true }).click()
    const onQuery = await apiNames("&status=query")
    expect(onQuery).toEqual(["Lille Renovation"])
    await eventually(async () => expect(await rowNames()).toEqual(onQuery))
    await shot("trade-credit-status-query")
    await page.getByRole("button", { name: "Clear filters" }).click()
    await eventually(async () => expect(await rowNames()).toEqual(all))

    // Balance below -1000: everyone who owes more than 1,000 EUR, most owed first.
    await page.getByRole("textbox", { name: "Balance below" }).fill("-1000")
    const owing = await apiNames(`&balance[lt]=-1000`)
    expect(owing).toEqual(
      expect.arrayContaining([COMPANY, "Rotterdam Build Supply", "Antwerp Tiles & Stone", "Lille Renovation", "Utrecht Roofing", "Eindhoven Interiors"])
    )
    expect(owing).toHaveLength(6)
    await eventually(async () => expect(await rowNames()).toEqual(owing))
    await shot("trade-credit-balance-below-minus-1000")

    // Companies only, balance above 0: none (the only prepaid account is a customer's).
    await page.getByRole("textbox", { name: "Balance below" }).fill("")
    await page.getByRole("textbox", { name: "Balance above" }).fill("0")
    await eventually(async () => expect(await rowNames()).toEqual(await apiNames("&balance[gt]=0")))
    expect(await rowNames()).toHaveLength(1)
    await page.getByRole("combobox", { name: "Holder type" }).click()
    await page.getByRole("option", { name: "Companies only" }).click()
    await visible(page.getByText("No accounts match these filters."))
    expect(await rowNames()).toEqual([])
    await shot("trade-credit-companies-in-credit-none")
  })
  /** The dashboard's way of writing a `YYYY-MM-DD` due day (en-US, medium). */
  const dueDay = (day: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(new Date(`${day}T12:00:00`))
  const invoicesCard = () => page.getByTestId("invoices-section")
  /** The numbers in the invoice table's rows, in order. */
  const invoiceNumbers = async () =>
    (await invoicesCard().getByRole("row").allInnerTexts()).slice(1).map((t) => t.split("\t")[0].trim())
  /** The account's invoices as the API lists them (`status` may repeat). */
  const apiInvoices = async (query: Record<string, string | string[]>) => {
    const params = new URLSearchParams({ account_id: utrecht.accountId, limit: "50" })
    for (const [key, value] of Object.entries(query)) {
      for (const v of [value].flat()) params.append(key, v)
    }
    return (await client.listInvoices(baseUrl, adminHeaders, params.toString())).invoices
  }

  step("sends the due reminders now, and shows the aging chart above the debtors table", async () => {
    await open("/trade-credit")
    const debtors = page.locator("div").filter({ has: page.getByRole("heading", { name: "Debtors", exact: true }) }).filter({
      has: page.getByTestId("debtors-table"),
    }).last()
    await visible(debtors.getByRole("button", { name: "Send due reminders now" }), 60_000)
    const report = await client.agingReport(baseUrl, adminHeaders, { limit: 50 })
    const eurTotals = report.totals.find((t: any) => t.currency_code === "eur")
    expect(report.accounts.length).toBeGreaterThan(0)

    // The chart: one per currency, a stacked bar per debtor, the legend naming each bucket with its total.
    const chart = debtors.getByTestId("aging-chart-eur")
    await visible(chart)
    await eventually(async () => {
      expect(await chart.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0)
      const legend = await chart.locator(".recharts-legend-wrapper").innerText()
      for (const bucket of AGING_BUCKETS) {
        expect(legend).toContain(`${AGING_BUCKET_LABELS[bucket]}: ${eur(eurTotals.buckets[bucket])}`)
      }
      expect(await chart.innerText()).toContain(`EUR · ${eur(eurTotals.open_total)} open`)
    })
    // The table: the report's debtors in its order (most owed first), then the totals row.
    const table = debtors.getByTestId("debtors-table")
    await eventually(async () => {
      const rows = (await table.getByRole("row").allInnerTexts()).slice(1)
      expect(rows.map((r) => r.split("\t")[0].split("\n")[0].trim())).toEqual([
        ...report.accounts.map((a: any) => a.holder.name),
        `Total EUR · ${eurTotals.accounts} debtors`,
      ])
      const total = rows[rows.length - 1]
      expect(total).toContain(eur(eurTotals.open_total))
      const utrechtRow = rows.find((r) => r.startsWith(RECEIVABLES_COMPANY))!
      const api = report.accounts.find((a: any) => a.holder.name === RECEIVABLES_COMPANY)
      expect(utrechtRow).toContain(eur(api.open_total))
      expect(utrechtRow).toContain(api.oldest_overdue_invoice.number)
      expect(utrechtRow).toContain(`${api.oldest_overdue_invoice.days_overdue} days`)
    })
    // It fits the page at 1440 px: nothing hidden to the right behind a sideways scroll.
    const fit = await table.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(fit.scroll).toBeLessThanOrEqual(fit.client)
    await scrollToTop(debtors)
    await shot("trade-credit-aging-chart-and-debtors")

    // Export CSV: the whole report as the server streams it.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: UI_TIMEOUT_MS }),
      debtors.getByRole("button", { name: "Export CSV" }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^aging-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = fs.readFileSync((await download.path())!, "utf8").trim().split(/\r?\n/)
    // Header, one line per debtor, one totals line per currency.
    expect(csv).toHaveLength(1 + report.count + report.totals.length)
    expect(csv.some((line) => line.includes(RECEIVABLES_COMPANY))).toBe(true)

    // "Send due reminders now": the toast says what the run did; the e-mails reach the SMTP server.
    expect(catcher!.messages).toHaveLength(0)
    await dismissToasts()
    await debtors.getByRole("button", { name: "Send due reminders now" }).click()
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Credit control run finished" })
    await visible(toast, 60_000)
    const summary = await toast.innerText()
    expect(summary).toMatch(/\d+ invoices? marked overdue · \d+ accounts? put on stop · \d+ accounts? released · \d+ reminders? sent \(.+\)/)
    const sent = Number(/(\d+) reminders? sent/.exec(summary)![1])
    expect(sent).toBeGreaterThan(0)
    // Utrecht Roofing's invoice 10 days overdue reached the "overdue_7" stage, the one due today "due".
    expect(summary).toContain("Overdue 7: ")
    expect(summary).toContain("Due: ")
    await catcher!.waitFor(sent, 30_000)
    await shot("trade-credit-reminders-sent-toast")
    // The same run right after sends nothing: the button did the work.
    expect((await client.runCreditControl(baseUrl, adminHeaders)).emails_sent).toEqual({})
    await sleep(500)
    expect(catcher!.messages).toHaveLength(sent)
  })

  step("lists a company's invoices in open, overdue and paid tabs", async () => {
    const { customer_groups } = await client.get(baseUrl, `/admin/customer-groups?q=${encodeURIComponent(RECEIVABLES_COMPANY)}`, {
      headers: adminHeaders,
    })
    const groupId = customer_groups.find((g: any) => g.name === RECEIVABLES_COMPANY).id
    const { accounts } = await client.listAccounts(baseUrl, adminHeaders, { customer_group_id: groupId })
    utrecht = { groupId, accountId: accounts[0].id }
    const owing = await apiInvoices({ status: ["open", "partially_paid"] })
    const overdue = await apiInvoices({ status: ["open", "partially_paid"], overdue: "true" })
    const paid = await apiInvoices({ status: "paid", order: "-due_at" })
    // The demo: upcoming, due today and 10 days overdue are owed; one is paid.
    expect(owing).toHaveLength(3)
    expect(overdue).toHaveLength(1)
    expect(paid).toHaveLength(1)
    overdueInvoice = overdue[0]
    expect(overdueInvoice.days_overdue).toBe(10)

    await open(`/customer-groups/${groupId}`)
    const card = invoicesCard()
    await visible(card.getByRole("tab", { name: /^Open/ }), 60_000)
    await eventually(async () => {
      expect(await invoiceNumbers()).toEqual(owing.map((i: any) => i.number))
      expect(await card.getByRole("tab", { name: /^Overdue/ }).innerText()).toMatch(/Overdue\s*1/)
    })
    const row = card.getByRole("row").filter({ hasText: overdueInvoice.number })
    const text = await row.innerText()
    expect(text).toContain(`#${overdueInvoice.order_display_id}`)
    expect(text).toContain(eur(overdueInvoice.amount))
    expect(text).toContain(dueDay(overdueInvoice.due_date))
    expect(text).toContain("Open")
    expect(text).toContain("Overdue")
    expect(text).toMatch(/\b10\b/)
    await scrollToTop(card)
    await shot("invoices-open-tab")

    await card.getByRole("tab", { name: /^Overdue/ }).click()
    await eventually(async () => expect(await invoiceNumbers()).toEqual([overdueInvoice.number]))
    await shot("invoices-overdue-tab")
    await card.getByRole("tab", { name: /^Paid/ }).click()
    await eventually(async () => expect(await invoiceNumbers()).toEqual(paid.map((i: any) => i.number)))
    expect(await card.getByRole("row").filter({ hasText: paid[0].number }).innerText()).toContain("Paid")
    await shot("invoices-paid-tab")
  })

  step("opens an invoice with its reminders and records payments against it", async () => {
    const card = invoicesCard()
    await card.getByRole("tab", { name: /^Overdue/ }).click()
    await card.getByRole("row").filter({ hasText: overdueInvoice.number }).click()
    const drawer = page.getByRole("dialog", { name: `Invoice ${overdueInvoice.number}` })
    await visible(drawer)
    await eventually(async () => {
      const text = await drawer.innerText()
      expect(text).toContain("Nothing paid or credited yet.")
      expect(text).toContain(eur(overdueInvoice.amount_open))
    })
    // The reminder the run just sent, to the company's buyer.
    const reminder = drawer.getByTestId("invoice-reminder")
    await eventually(async () => {
      const text = await reminder.innerText()
      expect(text).toContain("Overdue 7")
      expect(text).toContain("Sent")
      expect(text).toContain("bram@utrecht-roofing.example.com")
    })
    await shot("invoice-drawer-overdue-with-reminder")

    // A first, partial payment naming the invoice.
    const half = MathBN.div(overdueInvoice.amount_open, 2).decimalPlaces(2, 1).toNumber()
    const rest = MathBN.sub(overdueInvoice.amount_open, half).toNumber()
    const pay = async (amount: number, reference: string) => {
      await dismissToasts()
      await drawer.getByRole("button", { name: "Record payment" }).click()
      const form = page.getByRole("dialog", { name: `Record payment · ${overdueInvoice.number}` })
      await visible(form)
      // The amount open is suggested (the field groups thousands as it shows it).
      expect(Number((await form.getByLabel(/^Amount/).inputValue()).replace(/,/g, ""))).toBe(overdueInvoice.amount_open)
      await form.getByLabel(/^Amount/).fill(String(amount))
      await form.getByLabel(/^Custom reference number/).fill(reference)
      await shot(`record-payment-${reference.toLowerCase()}`)
      await form.getByRole("button", { name: "Record payment" }).click()
      await visible(page.getByText(`Payment of ${eur(amount)} recorded against ${overdueInvoice.number}`))
      await hidden(form)
    }
    await pay(half, PARTIAL_REFERENCE)
    // Partially paid: still overdue, in the Overdue tab with its new amount open.
    const row = card.getByRole("row").filter({ hasText: overdueInvoice.number })
    await eventually(async () => {
      const text = await row.innerText()
      expect(text).toContain("Partially paid")
      expect(text).toContain("Overdue")
      expect(text).toContain(eur(rest))
    })
    await scrollToTop(card)
    await shot("invoice-partially-paid")
    expect(await client.getInvoice(baseUrl, adminHeaders, overdueInvoice.id)).toEqual(
      expect.objectContaining({ status: "partially_paid", amount_paid: half, amount_open: rest })
    )

    // The rest: paid, gone from Overdue, listed under Paid with both payments.
    await row.click()
    await visible(drawer)
    await eventually(async () => expect(await drawer.getByTestId("invoice-allocation").count()).toBe(1))
    overdueInvoice = { ...overdueInvoice, amount_open: rest }
    await pay(rest, REST_REFERENCE)
    await visible(card.getByText("No overdue invoices."))
    await eventually(async () => expect(await card.getByRole("tab", { name: /^Overdue/ }).innerText()).toMatch(/Overdue\s*0/))
    await card.getByRole("tab", { name: /^Paid/ }).click()
    const paidRow = card.getByRole("row").filter({ hasText: overdueInvoice.number })
    await visible(paidRow)
    expect(await paidRow.innerText()).toContain("Paid")
    await paidRow.click()
    await visible(drawer)
    const allocations = drawer.getByTestId("invoice-allocation")
    await eventually(async () => {
      const texts = await allocations.allInnerTexts()
      expect(texts).toHaveLength(2)
      expect(texts[0]).toContain(PARTIAL_REFERENCE)
      expect(texts[0]).toContain(eur(half))
      expect(texts[1]).toContain(REST_REFERENCE)
      expect(texts[1]).toContain(eur(rest))
      expect(texts.every((t) => t.includes("Payment") && t.includes("Reimbursed"))).toBe(true)
    })
    // Paid: nothing left to record.
    expect(await drawer.getByRole("button", { name: "Record payment" }).count()).toBe(0)
    await dismissToasts()
    await shot("invoice-drawer-paid-allocations")
    await drawer.getByRole("button", { name: "Close", exact: true }).last().click()
    await hidden(drawer)
    const settled = await client.getInvoice(baseUrl, adminHeaders, overdueInvoice.id)
    expect(settled).toEqual(expect.objectContaining({ status: "paid", amount_open: 0, overdue: false }))
    expect(settled.allocations.map((a: any) => [a.kind, a.amount, a.reference])).toEqual([
      ["payment", half, PARTIAL_REFERENCE],
      ["payment", rest, REST_REFERENCE],
    ])
  })

  step("pauses an invoice's reminders with a dispute note", async () => {
    const card = invoicesCard()
    await card.getByRole("tab", { name: /^Open/ }).click()
    const [upcoming] = (await apiInvoices({ status: ["open"], order: "-due_at" }))
    const row = card.getByRole("row").filter({ hasText: upcoming.number })
    await row.click()
    const drawer = page.getByRole("dialog", { name: `Invoice ${upcoming.number}` })
    await visible(drawer)
    const form = drawer.getByRole("form", { name: "Dispute and reminders" })
    await visible(form)
    await form.getByRole("switch", { name: "Pause reminders" }).click()
    await form.getByLabel(/^Dispute note/).fill(DISPUTE_NOTE)
    await shot("invoice-dispute-form")
    await dismissToasts()
    await form.getByRole("button", { name: "Save" }).click()
    await visible(page.getByText(`${upcoming.number} updated`))
    await drawer.getByRole("button", { name: "Close", exact: true }).last().click()
    await hidden(drawer)
    await eventually(async () => expect(await row.innerText()).toContain("Disputed"))
    expect(await client.getInvoice(baseUrl, adminHeaders, upcoming.id)).toEqual(
      expect.objectContaining({ reminders_paused: true, dispute_note: DISPUTE_NOTE })
    )
  })

  step("adds a chase note and finds the account under Due for a chase", async () => {
    const today = new Date().toISOString().slice(0, 10)
    const accountCard = page.locator("div").filter({ has: page.getByRole("heading", { name: "Company credit", exact: true }) }).filter({
      has: page.getByRole("heading", { name: "Credit control" }),
    }).last()
    const panel = accountCard.getByRole("region", { name: "Credit control" })
    await visible(panel)
    expect(await panel.getByTestId("last-chased").innerText()).toBe("Never")
    await dismissToasts()
    await panel.getByRole("button", { name: "Add note" }).click()
    const drawer = page.getByRole("dialog", { name: "Add chase note" })
    await visible(drawer)
    // A note is required.
    await drawer.getByRole("button", { name: "Add note" }).click()
    await visible(drawer.getByText("Write what was said or agreed."))
    await drawer.getByLabel(/^Note/).fill(CHASE_NOTE)
    await drawer.getByLabel(/^Next chase/).fill(today)
    await shot("chase-note-drawer")
    await drawer.getByRole("button", { name: "Add note" }).click()
    await visible(page.getByText("Chase note added"))
    await hidden(drawer)
    await eventually(async () => {
      expect(await panel.getByTestId("chase-note").first().innerText()).toContain(CHASE_NOTE)
      expect(await panel.getByTestId("chase-note").first().innerText()).toContain("Demo Admin")
      expect(await panel.getByTestId("last-chased").innerText()).not.toBe("Never")
      expect(await panel.getByTestId("next-chase").innerText()).toContain("Due")
    })
    await scrollToTop(panel)
    await shot("chase-note-added")
    const account = await accountNow(utrecht.accountId)
    expect(account.last_chased_at).toBeTruthy()
    expect(account.next_chase_at).toBeTruthy()
    const [note] = await client.listChaseNotes(baseUrl, adminHeaders, utrecht.accountId)
    expect(note).toEqual(expect.objectContaining({ body: CHASE_NOTE, actor: expect.objectContaining({ type: "user" }) }))

    // The Trade credit page: "Due for a chase" lists exactly what the API says is due.
    await open("/trade-credit")
    await visible(page.getByRole("heading", { name: "Credit accounts" }), 60_000)
    await page.getByRole("checkbox", { name: "Due for a chase" }).click()
    const due = (await client.listAccounts(baseUrl, adminHeaders, "due_for_chase=true&order=balance")).accounts.map((a: any) => a.holder.name)
    expect(due).toEqual([RECEIVABLES_COMPANY])
    const rows = page.getByRole("link", { name: /^Open / })
    await eventually(async () =>
      expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).map((l) => String(l).replace(/^Open /, ""))).toEqual(due)
    )
    await page.getByRole("heading", { name: "Credit accounts" }).scrollIntoViewIfNeeded()
    await shot("trade-credit-due-for-a-chase")
  })

  step("shows the order's invoice in the order's Pay on account panel", async () => {
    await open(`/orders/${overdueInvoice.order_id}`)
    await visible(page.getByRole("heading", { name: "Pay on account" }), 60_000)
    const invoice = page.getByTestId("order-invoice")
    await eventually(async () => {
      const text = await invoice.innerText()
      expect(text).toContain(overdueInvoice.number)
      expect(text).toContain("Paid")
      expect(text).toContain(eur(0))
      expect(text).toContain(dueDay(overdueInvoice.due_date))
    })
    await page.getByRole("heading", { name: "Pay on account" }).scrollIntoViewIfNeeded()
    await shot("order-page-invoice")
    // The number opens the invoice.
    await invoice.getByRole("button", { name: overdueInvoice.number }).click()
    const drawer = page.getByRole("dialog", { name: `Invoice ${overdueInvoice.number}` })
    await visible(drawer)
    await eventually(async () => expect(await drawer.getByTestId("invoice-allocation").count()).toBe(2))
    await shot("order-page-invoice-drawer")
  })

  step("shows the demo's refund to balance on the order page (Customer balance: refunded, linked entry)", async () => {
    // The seed's prepaid customer: one of her orders had an item removed by an order edit, refunded to her balance.
    const { accounts } = await client.listAccounts(baseUrl, adminHeaders, "balance=positive")
    const emma = accounts.find((a: any) => a.holder.email === "emma.schneider@example.com")
    expect(emma).toBeTruthy()
    const refund = (await historyNow(emma.id)).find((e: any) => e.operation === "refunded")
    expect(refund?.order_id).toBeTruthy()
    await open(`/orders/${refund.order_id}`)
    const section = page
      .locator("div")
      .filter({ has: page.getByRole("heading", { name: "Customer balance", exact: true }) })
      .filter({ hasText: "Refunded to the balance" })
      .last()
    await visible(section, 60_000)
    await eventually(async () => {
      const text = await section.innerText()
      expect(text).toContain("Refunded to the balance")
      expect(text).toContain(eur(refund.amount))
    })
    // The entry links to the customer's page (their credit history).
    const link = section.getByRole("link", { name: /^Refunded/ })
    await visible(link)
    await scrollToTop(section)
    await shot("order-customer-balance")

    // Twelve newer entries push the refund off the history's first page (10 a page): the link still opens at it.
    for (let i = 1; i <= 12; i++) {
      await client.adjust(baseUrl, adminHeaders, emma.id, { amount: 1, comment: `Goodwill ${i}` })
    }
    await link.click()
    await page.waitForURL(new RegExp(`/customers/${emma.holder.id}#trade-credit-entry-${emma.id}-${refund.id}$`))
    const history = page.getByTestId("credit-history-grid")
    const linked = history.locator("tr").filter({ has: page.locator("[data-linked-entry]") })
    await visible(linked, 60_000)
    expect(await linked.innerText()).toContain("Refunded")
    expect(await linked.innerText()).toContain(eur(refund.amount))
    // Scrolled to and highlighted: the row is on screen, on the dashboard's highlight colour.
    await eventually(async () => {
      const box = (await linked.boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height)
    })
    const cellBackground = (row: Locator) => row.locator("td").nth(1).evaluate((el) => getComputedStyle(el).backgroundColor)
    const plainRow = history.locator("tbody tr").filter({ hasNot: page.locator("[data-linked-entry]") }).last()
    expect(await cellBackground(linked)).not.toBe(await cellBackground(plainRow))
    await shot("customer-credit-history-linked-entry")
    // Back to the newest entries: the last goodwill adjustment first, the refund no longer marked.
    await history.getByRole("button", { name: "Show newest entries" }).first().click()
    await eventually(async () => {
      const rows = (await history.getByRole("row").allInnerTexts()).slice(1)
      expect(rows[0]).toContain("Goodwill 12")
      expect(await history.locator("[data-linked-entry]").count()).toBe(0)
    })
  })
})
