import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The account row keeps its unallocated credit as a running total (a posting
 * then never sums the account's history, issue 12), and the outstanding
 * orders' totals become running totals too. Both are filled here from the
 * history, by the same sums the reconciliation checks them with: unallocated
 * credit = postings to the balance that are not an order's debit and do not
 * reduce an outstanding order, less all allocations; outstanding orders =
 * orders' debits no invoice bills yet, net of those orders' refunds that no
 * allocation used (`invoice_at: "shipment"`).
 */
const BACKFILL_RECEIVABLES_TOTALS_SQL = `
WITH pending_debits AS (
  SELECT e.account_id, e.payment_session_id, e.amount FROM "trade_credit_ledger_entry" e
   WHERE e.deleted_at IS NULL AND e.operation IN ('purchased', 'captured', 'reverted', 'refunded') AND e.amount < 0
     AND e.payment_session_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM "trade_credit_invoice" i WHERE i.entry_id = e.id AND i.deleted_at IS NULL)
), pending_credits AS (
  SELECT e.account_id, e.payment_session_id, e.amount FROM "trade_credit_ledger_entry" e
   WHERE e.deleted_at IS NULL AND e.operation IN ('purchased', 'captured', 'reverted', 'refunded') AND e.amount > 0
     AND (e.account_id, e.payment_session_id) IN (SELECT account_id, payment_session_id FROM pending_debits)
     AND NOT EXISTS (SELECT 1 FROM "trade_credit_invoice_allocation" al WHERE al.entry_id = e.id AND al.deleted_at IS NULL)
), outstanding AS (
  SELECT account_id, -sum(amount) AS amount
    FROM (SELECT account_id, payment_session_id, amount FROM pending_debits
          UNION ALL SELECT account_id, payment_session_id, amount FROM pending_credits) x
   GROUP BY account_id, payment_session_id
), totals AS (
  SELECT a.id,
         coalesce(c.credits, 0) - coalesce(pc.amount, 0) - coalesce(al.allocated, 0) AS unallocated,
         coalesce(o.total, 0) AS outstanding_total,
         coalesce(o.orders, 0) AS outstanding_orders
    FROM "trade_credit_account" a
    LEFT JOIN (SELECT account_id, sum(amount) AS credits FROM "trade_credit_ledger_entry"
                WHERE deleted_at IS NULL AND amount <> 0
                  AND NOT (operation IN ('purchased', 'captured', 'reverted', 'refunded') AND amount < 0)
                GROUP BY account_id) c ON c.account_id = a.id
    LEFT JOIN (SELECT account_id, sum(amount) AS amount FROM pending_credits GROUP BY account_id) pc ON pc.account_id = a.id
    LEFT JOIN (SELECT account_id, sum(amount) AS allocated FROM "trade_credit_invoice_allocation"
                WHERE deleted_at IS NULL GROUP BY account_id) al ON al.account_id = a.id
    LEFT JOIN (SELECT account_id, sum(amount) AS total, count(*) FILTER (WHERE amount > 0) AS orders
                 FROM outstanding GROUP BY account_id) o ON o.account_id = a.id
)
UPDATE "trade_credit_account" a
   SET unallocated_credit = t.unallocated,
       raw_unallocated_credit = jsonb_build_object('value', t.unallocated::text, 'precision', 20),
       outstanding_orders_total = t.outstanding_total,
       raw_outstanding_orders_total = jsonb_build_object('value', t.outstanding_total::text, 'precision', 20),
       outstanding_orders_count = t.outstanding_orders
  FROM totals t
 WHERE t.id = a.id;`;

export class Migration20261201093659 extends Migration {
  /** The backfill, for the test that runs it over a live ledger (Medusa takes a migration file's first export as its class). */
  static readonly backfillSql = BACKFILL_RECEIVABLES_TOTALS_SQL;

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_account" add column if not exists "unallocated_credit" numeric not null default 0, add column if not exists "raw_unallocated_credit" jsonb not null default '{"value":"0","precision":20}';`);

    this.addSql(BACKFILL_RECEIVABLES_TOTALS_SQL);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_account" drop column if exists "unallocated_credit", drop column if exists "raw_unallocated_credit";`);
  }

}
