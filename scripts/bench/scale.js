#!/usr/bin/env node
/**
 * The ledger at a million entries (issue 12), a part of `npm run bench` that
 * also runs alone: `node scripts/bench/scale.js`.
 *
 * On a store launched like the bench's (one `medusa start` server), it opens
 * four EUR accounts through the admin API, then seeds BENCH_SCALE_ENTRIES
 * (default 1,000,000) ledger entries on one of them with ONE generate_series
 * INSERT in one transaction (orders authorized and canceled, see
 * seedEntries: the reconciliation stays ok; the append-only trigger only
 * refuses UPDATE and DELETE, so it stays on), and gives a second account 10
 * entries (each also has the `allocated` entry of its opening). Then it measures:
 *
 * - balance read (the module service's retrieve) and the available-credit
 *   check (authorizeOnAccount reserving 0.01: lock, decide, write), and an
 *   order posted at authorization (also its invoice and the receivables
 *   invariant), with 1M entries vs 10 (target ratio <= 1.2x);
 * - a history page at depth 500k of 1M over HTTP
 *   (`GET /admin/trade-credit/accounts/:id/entries?cursor=…`, keyset paging)
 *   vs the first page (target <= 1.5x and <= 50 ms);
 * - authorizations per second on one hot account, BENCH_HOT_CLIENTS (8)
 *   clients, through the module service, next to the raw-SQL ceiling (the
 *   same row lock + entry insert + totals update) on the same pool in the same
 *   run (target >= 50%).
 *
 * The module-level rows run inside a Medusa app (`medusa exec
 * scripts/bench/scale-exec.ts`). Cart completion with 2 servers + worker on
 * Redis is not part of this file (see the README's "Benchmark").
 */
const os = require("os")
const path = require("path")
const { startDatabase } = require("../lib/database")
const medusa = require("../lib/medusa-server")
const client = require("../lib/api-client")
const pg = require("../lib/pg-connection")

const ROOT = path.resolve(__dirname, "..", "..")
const EXEC_SCRIPT = "./scripts/bench/scale-exec.ts"
const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? "", 10)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}
const ENTRIES = intEnv("BENCH_SCALE_ENTRIES", 1_000_000)
const CLIENTS = Math.max(1, intEnv("BENCH_HOT_CLIENTS", 8))
const AUTHS = intEnv("BENCH_SCALE_AUTHS", 400)
const READS = intEnv("BENCH_SCALE_READS", 200)
const PAGES = intEnv("BENCH_SCALE_PAGES", 40)
const TARGET_RATIO = 1.2
const TARGET_PAGE_RATIO = 1.5
const TARGET_PAGE_MS = 50
const TARGET_CEILING_SHARE = 0.5

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : "–")
const x = (a, b) => (b > 0 ? a / b : NaN)
const met = (ok) => (ok ? "met" : "NOT met")

/**
 * Appends `pairs` × 2 entries to `accountId` in one INSERT … SELECT
 * generate_series, inside one transaction holding the account row lock: each
 * pair is an order authorized under manual capture (`purchased`, 10.00
 * reserved, its own payment session) and then canceled (`reverted`, the 10.00
 * released, naming the purchase), each entry with its balance / reserved /
 * available credit / limit after. The totals end where they began, so the
 * account row, the receivables and the reconciliation stay consistent (a
 * history of payments and corrections instead would leave each credit a
 * settlement source: see the README's benchmark notes). The append-only
 * trigger refuses UPDATE and DELETE only: it stays on.
 */
async function seedEntries(env, accountId, pairs, tag) {
  return await pg.withClient(env, async (db) => {
    await db.query("BEGIN")
    try {
      const { rows } = await db.query(
        `SELECT balance::text AS balance, reserved::text AS reserved, credit_limit::text AS credit_limit, currency_code
           FROM trade_credit_account WHERE id = $1 FOR UPDATE`,
        [accountId]
      )
      const a = rows[0]
      // Entry g (1-based): odd = the purchase of order (g+1)/2, even = its cancel.
      await db.query(
        `INSERT INTO trade_credit_ledger_entry
           (id, operation, amount, raw_amount, reserved_delta, raw_reserved_delta, balance_after, raw_balance_after,
            reserved_after, raw_reserved_after, available_credit_after, raw_available_credit_after,
            credit_limit_after, raw_credit_limit_after, currency_code, actor_type, actor_name, comment,
            payment_session_id, reverses_entry_id, account_id, created_at, updated_at)
         SELECT 'tcle_' || $2 || '_' || g,
                (CASE WHEN x.odd THEN 'purchased' ELSE 'reverted' END),
                0, '{"value":"0","precision":20}'::jsonb,
                x.delta, jsonb_build_object('value', x.delta::text, 'precision', 20),
                $3::numeric, jsonb_build_object('value', $3::text, 'precision', 20),
                x.reserved, jsonb_build_object('value', x.reserved::text, 'precision', 20),
                $5::numeric + $3::numeric - x.reserved, jsonb_build_object('value', ($5::numeric + $3::numeric - x.reserved)::text, 'precision', 20),
                $5::numeric, jsonb_build_object('value', $5::text, 'precision', 20),
                $6, 'system', 'scale bench seed', (CASE WHEN x.odd THEN NULL ELSE 'Order canceled' END),
                'payses_' || $2 || '_' || ((g + 1) / 2),
                (CASE WHEN x.odd THEN NULL ELSE 'tcle_' || $2 || '_' || (g - 1) END),
                $1,
                now() - make_interval(secs => $7 * 2 - g), now() - make_interval(secs => $7 * 2 - g)
           FROM generate_series(1, $7::int * 2) g,
                LATERAL (SELECT g % 2 = 1 AS odd,
                                (CASE WHEN g % 2 = 1 THEN 10 ELSE -10 END)::numeric AS delta,
                                $4::numeric + (CASE WHEN g % 2 = 1 THEN 10 ELSE 0 END) AS reserved) x`,
        [accountId, tag, a.balance, a.reserved, a.credit_limit, a.currency_code, pairs]
      )
      await db.query("COMMIT")
    } catch (e) {
      await db.query("ROLLBACK")
      throw e
    }
    await db.query("ANALYZE trade_credit_ledger_entry")
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM trade_credit_ledger_entry WHERE account_id = $1`, [accountId])
    return rows[0].n
  })
}

/** "kind ×count, …" of reconciliation differences. */
const summary = (differences) =>
  Object.entries(differences.reduce((c, d) => ({ ...c, [d.kind]: (c[d.kind] ?? 0) + 1 }), {}))
    .map(([kind, count]) => `${kind} ×${count}`)
    .join(", ")

/** `n` sequential GETs of `path` after 5 unmeasured: p50 / p95 ms (client side). */
async function timeGets(url, headers, pathname, n) {
  const samples = []
  for (let i = 0; i < n + 5; i++) {
    const { ms: took } = await client.request(url, "GET", pathname, { headers })
    if (i >= 5) samples.push(took)
  }
  samples.sort((a, b) => a - b)
  const at = (p) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]
  return { n, p50: at(50), p95: at(95) }
}

/**
 * Runs the scale rows on a launched `store` (its first server); resolves
 * `{ markdown, result }`.
 */
async function runScale(store, { log = () => {} } = {}) {
  const url = store.servers[0].url
  const adminHeaders = await client.adminLogin(url, store.seed.admin)
  const open = async (name) => {
    const group = await client.createCompany(url, adminHeaders, `Scale ${name}`)
    return (await client.openAccount(url, adminHeaders, { customer_group_id: group.id, credit_limit: "100000000" })).id
  }
  const [big, small, hot, ceiling] = [await open("big"), await open("small"), await open("hot"), await open("ceiling")]

  log(`scale: seeding ${ENTRIES.toLocaleString("en")} entries on ${big} (one INSERT … generate_series)…`)
  const t = Date.now()
  const bigCount = await seedEntries(store.env, big, Math.floor(ENTRIES / 2), "scaleb")
  const seedSeconds = (Date.now() - t) / 1000
  const smallCount = await seedEntries(store.env, small, 5, "scales")
  log(`scale: ${bigCount} entries on the big account in ${seedSeconds.toFixed(1)} s, ${smallCount} on the small one`)

  // The seeded history is consistent: the reconciliation (every checkout compared, no grace) finds nothing.
  const reconciliation = await client.reconciliation(url, adminHeaders, { grace_seconds: 0 })
  log(`scale: reconciliation after the seed: ${reconciliation.ok ? "ok" : "NOT ok"} (${reconciliation.accounts_checked} accounts, ${reconciliation.sessions_checked} checkouts)`)

  // History: the first page, and the page 500k entries deep (the cursor a client paging that far holds).
  const depth = Math.floor(bigCount / 2)
  const seqAt = await pg.withClient(store.env, async (db) => {
    const { rows } = await db.query(
      `SELECT seq FROM trade_credit_ledger_entry WHERE account_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1`,
      [big, depth - 1]
    )
    return Number(rows[0].seq)
  })
  const cursor = Buffer.from(`seq:${seqAt}`).toString("base64url")
  const entriesPath = `/admin/trade-credit/accounts/${big}/entries?limit=20`
  const deepPage = await client.get(url, `${entriesPath}&cursor=${cursor}`, { headers: adminHeaders })
  if (deepPage.entries.length !== 20 || !deepPage.has_more) {
    throw new Error(`The page at depth ${depth} is not the expected one: ${JSON.stringify(deepPage).slice(0, 300)}`)
  }
  const firstPage = await timeGets(url, adminHeaders, entriesPath, PAGES)
  const deep = await timeGets(url, adminHeaders, `${entriesPath}&cursor=${cursor}`, PAGES)

  log(`scale: module service rows (medusa exec ${EXEC_SCRIPT})…`)
  const lines = await medusa.runCli(
    "scale-exec",
    ["exec", EXEC_SCRIPT, `big=${big}`, `small=${small}`, `hot=${hot}`, `ceiling=${ceiling}`, `reads=${READS}`, `auths=${AUTHS}`, `clients=${CLIENTS}`],
    { env: { ...store.env, LOG_LEVEL: "error" }, logDir: path.join(ROOT, ".bench", "logs"), timeoutMs: 900_000 }
  )
  const line = lines.find((l) => l.startsWith("TRADE_CREDIT_SCALE="))
  if (!line) {
    throw new Error(`scale-exec printed no result:\n${lines.slice(-30).join("\n")}`)
  }
  const m = JSON.parse(line.slice("TRADE_CREDIT_SCALE=".length))
  // The statements of one authorization of each kind, for whoever wants to see where the lock time goes.
  const statementsLine = lines.find((l) => l.startsWith("TRADE_CREDIT_SCALE_STATEMENTS="))
  if (statementsLine) {
    const fs = require("fs")
    fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true })
    fs.writeFileSync(path.join(ROOT, ".bench", "scale-statements.json"), statementsLine.slice("TRADE_CREDIT_SCALE_STATEMENTS=".length))
  }

  const result = { entries: bigCount, seedSeconds, firstPage, deep, depth, ...m, reconciliation_ok: reconciliation.ok }
  const row = (label, small, bigRow) => {
    const r = x(bigRow.p50, small.p50)
    return `| ${label} | ${ms(small.p50)} | ${ms(bigRow.p50)} | **${x(bigRow.p50, small.p50).toFixed(2)}x** | ${ms(small.p95)} / ${ms(bigRow.p95)} | <= ${TARGET_RATIO}x: ${met(r <= TARGET_RATIO)} |`
  }
  const pageRatio = x(deep.p50, firstPage.p50)
  const share = x(m.hot_module.per_second, m.hot_sql.per_second)
  const markdown = [
    `## The ledger at ${bigCount.toLocaleString("en")} entries`,
    "",
    `${os.cpus().length} CPU · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} · seeded by one generate_series INSERT in ${seedSeconds.toFixed(1)} s · ` +
      `reconciliation of the seeded ledger (grace 0, ${reconciliation.sessions_checked.toLocaleString("en")} checkouts): ${reconciliation.ok ? "ok" : `NOT ok (${summary(reconciliation.differences)})`}`,
    "",
    `| measure (module service, sequential) | ${smallCount} entries p50 (ms) | ${bigCount.toLocaleString("en")} entries p50 (ms) | ratio | p95 (ms) | target |`,
    `|---|---:|---:|---:|---:|---|`,
    row("balance read (retrieve the account)", m.balance_read.small, m.balance_read.big),
    row("available-credit check (authorize 0.01, reserved)", m.credit_check.small, m.credit_check.big),
    row("order posted at authorization (+ invoice, receivables invariant)", m.posted_order.small, m.posted_order.big),
    "",
    `| history over HTTP (\`GET …/entries?limit=20\`, keyset cursor) | p50 (ms) | p95 (ms) | target |`,
    `|---|---:|---:|---|`,
    `| first page | ${ms(firstPage.p50)} | ${ms(firstPage.p95)} | |`,
    `| page at depth ${depth.toLocaleString("en")} | ${ms(deep.p50)} | ${ms(deep.p95)} | <= ${TARGET_PAGE_RATIO}x (**${pageRatio.toFixed(2)}x**: ${met(pageRatio <= TARGET_PAGE_RATIO)}), <= ${TARGET_PAGE_MS} ms: ${met(deep.p50 <= TARGET_PAGE_MS)} |`,
    "",
    `| one hot account, ${CLIENTS} clients, ${AUTHS} authorizations of 0.01 (reserved) | statements (BEGIN…COMMIT) | wall (s) | per second |`,
    `|---|---:|---:|---:|`,
    `| through the module service (\`authorizeOnAccount\`) | ${m.statements?.module ?? "–"} | ${m.hot_module.seconds.toFixed(1)} | **${m.hot_module.per_second.toFixed(1)}** |`,
    `| raw-SQL ceiling (row lock + entry insert + totals update, same pool) | ${m.statements?.ceiling ?? "–"} | ${m.hot_sql.seconds.toFixed(1)} | ${m.hot_sql.per_second.toFixed(1)} |`,
    `| **module / ceiling** | | | **${(share * 100).toFixed(0)}%** (target >= ${TARGET_CEILING_SHARE * 100}%: ${met(share >= TARGET_CEILING_SHARE)}) |`,
    "",
  ].join("\n")
  return { markdown, result }
}

module.exports = { runScale, seedEntries }

if (require.main === module) {
  ;(async () => {
    const fs = require("fs")
    const log = (s) => console.log(`[bench:scale] ${s}`)
    let db = null
    let store = null
    try {
      db = await startDatabase({ database: "postgres" })
      store = await medusa.launchStore({
        dbEnv: db.env,
        database: `tc_scale_${Date.now().toString(36)}`,
        servers: 1,
        logDir: path.join(ROOT, ".bench", "logs"),
        log: (s) => log(`  ${s}`),
      })
      const { markdown } = await runScale(store, { log })
      fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true })
      fs.writeFileSync(path.join(ROOT, ".bench", "scale.md"), markdown)
      console.log(`\n${markdown}`)
    } catch (e) {
      console.error(`[bench:scale] ${e.stack ?? e}`)
      for (const server of store?.servers ?? []) {
        console.error(`[bench:scale] last lines of ${server.name}:\n${server.logTail(30)}`)
      }
      process.exitCode = 1
    } finally {
      await store?.stop().catch(() => {})
      await db?.stop().catch(() => {})
    }
  })()
}
