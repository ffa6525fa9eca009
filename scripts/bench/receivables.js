#!/usr/bin/env node
/**
 * Bench rows of the receivables (`npm run bench -- receivables`, or
 * BENCH_ONLY=receivables, or `node scripts/bench/receivables.js`; the full
 * `npm run bench` appends them to its table):
 *
 * 1. The daily credit-control run (`POST /admin/trade-credit/reminders/run`,
 *    the job's workflow) over BENCH_RC_ACCOUNTS accounts (default 5,000) with
 *    BENCH_RC_INVOICES open invoices each (default 10: 50,000), of which
 *    BENCH_RC_OVERDUE per account (default 2: 10,000) are overdue, seeded
 *    with SQL (generate_series), not the API. Reminder e-mails go to a local
 *    SMTP sink (npm smtp-server, counting messages, not parsing them).
 *    Target ≤ 60 s; then a second run that sends 0, target ≤ 10 s.
 * 2. The aging report over the same data: JSON (first page of 50; target
 *    ≤ 2 s) and the CSV streamed, with the server's peak RSS growth while
 *    streaming (sampled from /proc every 50 ms, whole process group).
 *
 * Prints a markdown table and writes it to .bench/receivables.md.
 */
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")
const { SMTPServer } = require("smtp-server")
const { Client } = require("pg")
const { startDatabase } = require("../lib/database")
const medusa = require("../lib/medusa-server")
const client = require("../lib/api-client")

const ROOT = path.resolve(__dirname, "../..")
const BENCH_DIR = path.join(ROOT, ".bench")
const RESULTS = path.join(BENCH_DIR, "receivables.md")

const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? "", 10)
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const ACCOUNTS = intEnv("BENCH_RC_ACCOUNTS", 5000)
const PER_ACCOUNT = intEnv("BENCH_RC_INVOICES", 10)
const OVERDUE_PER_ACCOUNT = Math.min(PER_ACCOUNT, intEnv("BENCH_RC_OVERDUE", 2))
const TARGET_RUN_S = 60
const TARGET_RERUN_S = 10
const TARGET_JSON_S = 2

const log = (message) => console.log(`[bench:receivables] ${message}`)

/** An SMTP server that accepts and counts every message (no parsing: the sink must not compete with the server for CPU). */
async function startSink() {
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        count += 1
        callback()
      })
      stream.resume()
    },
  })
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { port: server.server.address().port, count: () => count, stop: () => new Promise((r) => server.close(r)) }
}

/**
 * Accounts, ledger entries and invoices in one SQL transaction:
 * account i has PER_ACCOUNT invoices (one `purchased` entry each), the
 * first OVERDUE_PER_ACCOUNT overdue by 1-46 days, the rest due in 5-64 days.
 */
async function seedReceivables(env) {
  const pg = new Client({ connectionString: env.DATABASE_URL })
  await pg.connect()
  const raw = (col) => `jsonb_build_object('value', (${col})::text, 'precision', 20)`
  try {
    await pg.query("BEGIN")
    await pg.query(`
      CREATE TEMP TABLE bench_inv ON COMMIT DROP AS
      SELECT a, k,
             'tcacc_bench_' || lpad(a::text, 6, '0') AS account_id,
             'tcle_bench_' || lpad(a::text, 6, '0') || '_' || lpad(k::text, 3, '0') AS entry_id,
             'tcinv_bench_' || lpad(a::text, 6, '0') || '_' || lpad(k::text, 3, '0') AS invoice_id,
             round(100 + ((a * 37 + k * 101) % 900) + ((a + k) % 100) / 100.0, 2) AS amount,
             CASE WHEN k < $1 THEN current_date - (1 + (a % 45) + k) ELSE current_date + (5 + ((a + k * 7) % 60)) END AS due_day
        FROM generate_series(1, $2::int) a, generate_series(0, $3::int - 1) k`,
      [OVERDUE_PER_ACCOUNT, ACCOUNTS, PER_ACCOUNT]
    )
    await pg.query(`
      INSERT INTO customer_group (id, name, created_at, updated_at)
      SELECT 'cusgroup_bench_' || lpad(a::text, 6, '0'), 'Bench Company ' || a, now(), now() FROM generate_series(1, $1::int) a`,
      [ACCOUNTS]
    )
    await pg.query(`
      INSERT INTO trade_credit_account (id, customer_group_id, currency_code, credit_limit, raw_credit_limit, balance, raw_balance,
                                        reserved, raw_reserved, available_credit, raw_available_credit, terms_type, terms_net_days,
                                        billing_email, created_at, updated_at)
      SELECT account_id, 'cusgroup_bench_' || lpad(a::text, 6, '0'), 'eur', 100000, ${raw("100000")}, -sum(amount), ${raw("-sum(amount)")},
             0, ${raw("0")}, 100000 - sum(amount), ${raw("100000 - sum(amount)")}, 'net_days', 30,
             'ap-' || a || '@bench.example', now() - interval '120 days', now()
        FROM bench_inv GROUP BY a, account_id`
    )
    await pg.query(`
      INSERT INTO trade_credit_ledger_entry (id, account_id, operation, amount, raw_amount, reserved_delta, raw_reserved_delta,
                                             balance_after, raw_balance_after, reserved_after, raw_reserved_after,
                                             available_credit_after, raw_available_credit_after, credit_limit_after, raw_credit_limit_after,
                                             currency_code, actor_type, order_id, created_at, updated_at)
      SELECT entry_id, account_id, 'purchased', -amount, ${raw("-amount")}, 0, ${raw("0")},
             b, ${raw("b")}, 0, ${raw("0")}, 100000 + b, ${raw("100000 + b")}, 100000, ${raw("100000")},
             'eur', 'customer', 'order_bench_' || a || '_' || k, (due_day - 30)::timestamptz, (due_day - 30)::timestamptz
        FROM (SELECT *, -sum(amount) OVER (PARTITION BY a ORDER BY k) AS b FROM bench_inv) x
       ORDER BY a, k`
    )
    await pg.query(`
      INSERT INTO trade_credit_invoice (id, number, account_id, order_id, entry_id, currency_code, amount, raw_amount,
                                        amount_credited, raw_amount_credited, amount_paid, raw_amount_paid, amount_open, raw_amount_open,
                                        issued_at, due_date, due_at, overdue_at, terms_type, terms_net_days, grace_days, status,
                                        created_at, updated_at)
      SELECT invoice_id, 'BENCH-' || lpad(a::text, 6, '0') || '-' || lpad(k::text, 3, '0'), account_id, 'order_bench_' || a || '_' || k,
             entry_id, 'eur', amount, ${raw("amount")}, 0, ${raw("0")}, 0, ${raw("0")}, amount, ${raw("amount")},
             (due_day - 30)::timestamptz, to_char(due_day, 'YYYY-MM-DD'), due_day::timestamptz, (due_day + 1)::timestamptz,
             'net_days', 30, 0, 'open', now(), now()
        FROM bench_inv`
    )
    await pg.query("COMMIT")
    await pg.query("ANALYZE trade_credit_account; ANALYZE trade_credit_invoice; ANALYZE trade_credit_ledger_entry; ANALYZE customer_group")
    const { rows } = await pg.query(
      `SELECT count(*)::int AS invoices, count(*) FILTER (WHERE overdue_at <= now())::int AS overdue, count(DISTINCT account_id)::int AS accounts
         FROM trade_credit_invoice WHERE id LIKE 'tcinv_bench_%'`
    )
    return rows[0]
  } catch (error) {
    await pg.query("ROLLBACK").catch(() => {})
    throw error
  } finally {
    await pg.end()
  }
}

/** Resident memory (KiB) of a process group: the Medusa server and its children. */
function groupRssKb(pgid) {
  const out = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" })
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([g]) => g === pgid)
    .reduce((sum, [, rss]) => sum + rss, 0)
}

/** POST with node:http (no client-side timeout: fetch gives up on a response that takes over 300 s). */
function postJson(url, headers) {
  const http = require("http")
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-type": "application/json" } }, (res) => {
      let body = ""
      res.setEncoding("utf8")
      res.on("data", (c) => (body += c))
      res.on("end", () => (res.statusCode >= 200 && res.statusCode < 300 ? resolve(JSON.parse(body)) : reject(new Error(`HTTP ${res.statusCode}: ${body}`))))
    })
    req.on("error", reject)
    req.end("{}")
  })
}

/** CPU seconds (user + system) a process group has used so far: what a run costs, whatever else the machine runs. */
function groupCpuSeconds(pgid) {
  const out = execFileSync("ps", ["-eo", "pgid=,times="], { encoding: "utf8" })
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([g]) => g === pgid)
    .reduce((sum, [, t]) => sum + t, 0)
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const verdict = (ms, targetS) => (ms <= targetS * 1000 ? "✓" : "✗")

async function timedCall(fn, pgid = null) {
  const cpu = pgid ? groupCpuSeconds(pgid) : 0
  const t = Date.now()
  const value = await fn()
  return { ms: Date.now() - t, value, cpu: pgid ? groupCpuSeconds(pgid) - cpu : null }
}

/** Runs the rows on a store of its own (database on `dbEnv`'s server). Returns the markdown section. */
async function run({ dbEnv, logDir = path.join(BENCH_DIR, "logs") } = {}) {
  const sink = await startSink()
  let store = null
  try {
    store = await medusa.launchStore({
      dbEnv,
      database: `tc_bench_rc_${Date.now().toString(36)}`,
      servers: 1,
      logDir,
      log: (s) => log(`  ${s}`),
      env: {
        TRADE_CREDIT_SMTP_HOST: "127.0.0.1",
        TRADE_CREDIT_SMTP_PORT: String(sink.port),
        TRADE_CREDIT_SMTP_POOL: process.env.TRADE_CREDIT_SMTP_POOL ?? "true",
        TRADE_CREDIT_BANK_DETAILS: "IBAN BE68 5390 0754 7034",
        MEDUSA_LOG_LEVEL: process.env.MEDUSA_LOG_LEVEL || "warn",
        LOG_LEVEL: process.env.MEDUSA_LOG_LEVEL || "warn",
      },
    })
    const server = store.servers[0]
    const url = server.url
    const admin = await client.adminLogin(url, store.seed.admin)

    log(`seeding ${ACCOUNTS} accounts × ${PER_ACCOUNT} invoices (${OVERDUE_PER_ACCOUNT} overdue each) with SQL…`)
    const seedRun = await timedCall(() => seedReceivables(store.env))
    const seeded = seedRun.value
    log(`seeded ${seeded.accounts} accounts, ${seeded.invoices} open invoices, ${seeded.overdue} overdue in ${seconds(seedRun.ms)}`)

    const loadBefore = require("os").loadavg().map((l) => l.toFixed(2)).join(" ")
    const runJob = () => postJson(`${url}/admin/trade-credit/reminders/run`, admin)
    const first = await timedCall(runJob, server.pid)
    const sentFirst = sink.count()
    log(`first run: ${seconds(first.ms)} (server CPU ${first.cpu} s), ${JSON.stringify(first.value)}, sink received ${sentFirst}`)
    const second = await timedCall(runJob, server.pid)
    const sentSecond = sink.count() - sentFirst
    log(`second run: ${seconds(second.ms)} (server CPU ${second.cpu} s), ${JSON.stringify(second.value)}, sink received ${sentSecond}`)

    const jsonRuns = []
    for (let i = 0; i < 3; i += 1) {
      jsonRuns.push(await timedCall(() => client.get(url, "/admin/trade-credit/reports/aging?limit=50", { headers: admin, timeoutMs: 280_000 })))
    }
    const jsonMs = jsonRuns.map((r) => r.ms).sort((a, b) => a - b)[1]
    const report = jsonRuns[0].value
    log(`aging JSON: ${jsonRuns.map((r) => seconds(r.ms)).join(", ")} (count ${report.count})`)

    const baseline = groupRssKb(server.pid)
    let peak = baseline
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, groupRssKb(server.pid))
      } catch {
        /* the sample is skipped */
      }
    }, 50)
    const csv = await timedCall(async () => {
      const response = await fetch(`${url}/admin/trade-credit/reports/aging?format=csv`, { headers: admin })
      if (!response.ok) throw new Error(`CSV: HTTP ${response.status}`)
      let bytes = 0
      let lines = 0
      for await (const chunk of response.body) {
        bytes += chunk.length
        for (const b of chunk) if (b === 10) lines += 1
      }
      return { bytes, lines }
    })
    clearInterval(sampler)
    peak = Math.max(peak, groupRssKb(server.pid))
    log(`aging CSV: ${seconds(csv.ms)}, ${csv.value.lines} lines, ${(csv.value.bytes / 1024).toFixed(0)} KiB; server RSS ${(baseline / 1024).toFixed(0)} → peak ${(peak / 1024).toFixed(0)} MiB`)

    const emailsFirst = Object.values(first.value.emails_sent ?? {}).reduce((a, b) => a + b, 0)
    const emailsSecond = Object.values(second.value.emails_sent ?? {}).reduce((a, b) => a + b, 0)
    const data = `${seeded.accounts.toLocaleString("en")} accounts / ${seeded.invoices.toLocaleString("en")} open invoices / ${seeded.overdue.toLocaleString("en")} overdue`
    const lines = [
      `### Receivables (${data})`,
      "",
      "| Row | Time | Target | What it did |",
      "| --- | ---: | ---: | --- |",
      `| Credit-control run, first | ${seconds(first.ms)} (server CPU ${first.cpu} s) | ≤ ${TARGET_RUN_S} s ${verdict(first.ms, TARGET_RUN_S)} | marked ${first.value.marked_overdue} overdue, ${emailsFirst} e-mails sent (${first.value.emails_failed} failed), SMTP sink received ${sentFirst} |`,
      `| Credit-control run, second | ${seconds(second.ms)} (server CPU ${second.cpu} s) | ≤ ${TARGET_RERUN_S} s ${verdict(second.ms, TARGET_RERUN_S)} | ${emailsSecond} e-mails sent, sink received ${sentSecond} |`,
      `| Aging report JSON (page of 50, median of 3) | ${seconds(jsonMs)} | ≤ ${TARGET_JSON_S} s ${verdict(jsonMs, TARGET_JSON_S)} | ${report.count} accounts, totals ${report.totals.map((t) => `${t.currency_code} ${t.open_total}`).join(", ")} |`,
      `| Aging report CSV streamed | ${seconds(csv.ms)} | – | ${csv.value.lines} lines, ${(csv.value.bytes / 1024).toFixed(0)} KiB; server RSS peak growth ${((peak - baseline) / 1024).toFixed(0)} MiB (${(baseline / 1024).toFixed(0)} → ${(peak / 1024).toFixed(0)} MiB) |`,
      "",
      `Seeded with SQL in ${seconds(seedRun.ms)}; SMTP provider pool: ${process.env.TRADE_CREDIT_SMTP_POOL ?? "true"}; load average before / after the runs: ${loadBefore} / ${require("os").loadavg().map((l) => l.toFixed(2)).join(" ")} (server CPU = user + system seconds of the Medusa process group during the run).`,
      "",
    ]
    const section = lines.join("\n")
    console.log(`\n${section}`)
    return section
  } finally {
    await store?.stop().catch((e) => log(`stopping Medusa: ${e.message}`))
    await sink.stop()
  }
}

/** Standalone: a database of its own, the rows, the table printed and written. */
async function main() {
  const db = await startDatabase({ database: "postgres" })
  try {
    fs.mkdirSync(BENCH_DIR, { recursive: true })
    const markdown = await run({ dbEnv: db.env })
    fs.writeFileSync(RESULTS, markdown)
    console.log(`Written to ${path.relative(process.cwd(), RESULTS)}`)
  } catch (error) {
    console.error(`[bench:receivables] ${error.stack ?? error}`)
    process.exitCode = 1
  } finally {
    await db.stop()
  }
}

module.exports = { run, main, seedReceivables }

if (require.main === module) {
  main()
}
