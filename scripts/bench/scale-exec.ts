/**
 * The module-level half of the scale bench (scripts/bench/scale.js runs it
 * with `medusa exec` on the bench's database, inside a Medusa app): times the
 * trade credit module service itself, and the raw-SQL ceiling of one
 * authorization on the same pool, and prints one `TRADE_CREDIT_SCALE=<json>`
 * line. Arguments (positional `key=value`): big, small, hot, ceiling (account
 * ids), reads, auths, clients; `only=hot` skips the sequential rows and
 * measures the hot pair `rounds` (1) times, one `TRADE_CREDIT_SCALE_HOT=<json>`
 * line each (a quick look at the hot account alone, e.g. while tuning it).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRADE_CREDIT_MODULE } from "../../src/modules/trade-credit"
import type TradeCreditModuleService from "../../src/modules/trade-credit/service"

const actor = { type: "system" as const, name: "scale bench" }

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** `n` sequential calls of `fn` after `warmup` unmeasured ones: p50/p95 in ms. */
async function time(n: number, warmup: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) {
    await fn(-1 - i)
  }
  const samples: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  return { n, p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

/**
 * The SQL statements one call of `fn` sends (knex's query events: the module's
 * MikroORM shares this pool), BEGIN and COMMIT included: the round trips the
 * hot account's row lock waits on.
 */
async function statements(knex: any, fn: () => Promise<unknown>) {
  const sql: string[] = []
  const listener = (q: { sql: string }) => sql.push(q.sql.replace(/\s+/g, " ").slice(0, 160))
  knex.on("query", listener)
  try {
    await fn()
  } finally {
    knex.off("query", listener)
  }
  return { count: sql.length, sql }
}

/** `total` calls of `fn` by `clients` concurrent workers: calls per second. */
async function throughput(total: number, clients: number, fn: (i: number) => Promise<unknown>) {
  let next = 0
  const cpu = process.cpuUsage()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        await fn(next++)
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  // This process's CPU per call (user + system): the JS all the calls share one thread for.
  const cpu_ms = (used.user + used.system) / 1000 / total
  return { n: total, clients, seconds, per_second: total / seconds, cpu_ms }
}

export default async function scaleBench({ container, args }: ExecArgs) {
  const arg = Object.fromEntries((args ?? []).map((a) => a.split("=")))
  const reads = Number(arg.reads ?? 200)
  const auths = Number(arg.auths ?? 400)
  const clients = Number(arg.clients ?? 8)
  const service = container.resolve<TradeCreditModuleService>(TRADE_CREDIT_MODULE)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const run = Date.now().toString(36)

  const balanceRead = (account: string) => time(reads, 20, () => service.retrieveTradeCreditAccount(account))
  // The check at checkout: the account row locked, the decision, a reservation written (manual capture: no invoice).
  const creditCheck = (account: string, tag: string) =>
    time(reads, 20, (i) =>
      service.authorizeOnAccount({
        account_id: account,
        payment_session_id: `payses_scale_${run}_${tag}_${i}`,
        amount: "0.01",
        currency_code: "eur",
        capture: false,
        default_over_limit_policy: "hold",
        actor,
      })
    )
  // An order posted at authorization: also issues its invoice and checks the receivables invariant.
  const postedOrder = (account: string, tag: string) =>
    time(Math.max(20, Math.floor(reads / 4)), 5, (i) =>
      service.authorizeOnAccount({
        account_id: account,
        payment_session_id: `payses_scale_${run}_${tag}_${i}`,
        amount: "0.01",
        currency_code: "eur",
        capture: true,
        default_over_limit_policy: "hold",
        actor,
      })
    )

  const result: Record<string, unknown> = {}
  const onlyHot = arg.only === "hot"
  if (!onlyHot) {
    result.balance_read = { small: await balanceRead(arg.small), big: await balanceRead(arg.big) }
    result.credit_check = { small: await creditCheck(arg.small, "cs"), big: await creditCheck(arg.big, "cb") }
    result.posted_order = { small: await postedOrder(arg.small, "ps"), big: await postedOrder(arg.big, "pb") }
  }

  // One authorization of each kind on the hot accounts, its statements counted.
  const hotAuthorization = (i: number | string) =>
    service.authorizeOnAccount({
      account_id: arg.hot,
      payment_session_id: `payses_scale_${run}_hot_${i}`,
      amount: "0.01",
      currency_code: "eur",
      capture: false,
      default_over_limit_policy: "hold",
      actor,
    })
  const ceilingAuthorization = (i: number | string) =>
    knex.transaction(async (trx: any) => {
      const { rows } = await trx.raw(
        `SELECT id, currency_code, balance, reserved, credit_limit FROM trade_credit_account WHERE id = ? FOR UPDATE`,
        [arg.ceiling]
      )
      const a = rows[0]
      await trx.raw(
        `WITH v AS (SELECT ?::numeric AS amt)
         INSERT INTO trade_credit_ledger_entry
           (id, operation, amount, raw_amount, reserved_delta, raw_reserved_delta, balance_after, raw_balance_after,
            reserved_after, raw_reserved_after, available_credit_after, raw_available_credit_after,
            credit_limit_after, raw_credit_limit_after, currency_code, actor_type, actor_name, payment_session_id, account_id)
         SELECT ?, 'purchased', 0, '{"value":"0","precision":20}', amt, jsonb_build_object('value', amt::text, 'precision', 20),
                ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20),
                ?::numeric + amt, jsonb_build_object('value', (?::numeric + amt)::text, 'precision', 20),
                ?::numeric + ?::numeric - ?::numeric - amt, jsonb_build_object('value', (?::numeric + ?::numeric - ?::numeric - amt)::text, 'precision', 20),
                ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), ?, 'system', 'scale bench ceiling', ?, ?
           FROM v`,
        [
          "0.01",
          `tcle_scale_${run}_${i}`,
          a.balance, a.balance,
          a.reserved, a.reserved,
          a.credit_limit, a.balance, a.reserved, a.credit_limit, a.balance, a.reserved,
          a.credit_limit, a.credit_limit, a.currency_code,
          `payses_scale_${run}_ceiling_${i}`, a.id,
        ]
      )
      await trx.raw(
        `UPDATE trade_credit_account
            SET reserved = reserved + 0.01, raw_reserved = jsonb_build_object('value', (reserved + 0.01)::text, 'precision', 20),
                available_credit = available_credit - 0.01,
                raw_available_credit = jsonb_build_object('value', (available_credit - 0.01)::text, 'precision', 20),
                updated_at = now()
          WHERE id = ?`,
        [a.id]
      )
    })
  const moduleStatements = await statements(knex, () => hotAuthorization("counted"))
  const ceilingStatements = await statements(knex, () => ceilingAuthorization("counted"))
  result.statements = { module: moduleStatements.count, ceiling: ceilingStatements.count }
  process.stdout.write(`TRADE_CREDIT_SCALE_STATEMENTS=${JSON.stringify({ module: moduleStatements.sql, ceiling: ceilingStatements.sql })}\n`)

  if (onlyHot) {
    // Unmeasured warm-up of both paths (the JIT), then the rounds.
    await throughput(Math.min(auths, 100), clients, (i) => hotAuthorization(`warm_${i}`))
    await throughput(Math.min(auths, 100), clients, (i) => ceilingAuthorization(`warm_${i}`))
    if (arg.profile) {
      // A CPU profile of the module row alone (node:inspector: --cpu-prof can't be given to Medusa).
      const { Session } = await import("node:inspector")
      const session = new Session()
      session.connect()
      const post = (method: string, params?: object) =>
        new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))))
      await post("Profiler.enable")
      await post("Profiler.start")
      await throughput(auths, clients, (i) => hotAuthorization(`prof_${i}`))
      const { profile } = await post("Profiler.stop")
      const { writeFileSync } = await import("node:fs")
      writeFileSync(arg.profile, JSON.stringify(profile))
      session.disconnect()
    }
    const rounds = Number(arg.rounds ?? 1)
    for (let r = 0; r < rounds; r++) {
      const hot_module = await throughput(auths, clients, (i) => hotAuthorization(`r${r}_${i}`))
      const hot_sql = await throughput(auths, clients, (i) => ceilingAuthorization(`r${r}_${i}`))
      const share = hot_module.per_second / hot_sql.per_second
      process.stdout.write(`TRADE_CREDIT_SCALE_HOT=${JSON.stringify({ round: r, hot_module, hot_sql, share })}\n`)
    }
    return
  }
  // One hot account, `clients` at a time: through the module service...
  result.hot_module = await throughput(auths, clients, hotAuthorization)
  // ...and the ceiling: the same row lock, entry insert and totals update in raw SQL, on the same pool.
  result.hot_sql = await throughput(auths, clients, ceilingAuthorization)
  process.stdout.write(`TRADE_CREDIT_SCALE=${JSON.stringify(result)}\n`)
}
