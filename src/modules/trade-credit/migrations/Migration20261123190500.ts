import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The append-only rule gains one narrow exception: the order an entry names
 * may be corrected, and only inside a transaction flagged with that entry's
 * payment session. Two completions of one cart can run side by side (Medusa's
 * postgres locking provider lets racing callers through); the first to reach
 * the ledger names its order, and when that attempt is the one rolled back,
 * the entry must name the order that was placed. Amounts, dates and the rest
 * of the entry stay immutable.
 */
export class Migration20261123190500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION trade_credit_ledger_entry_append_only() RETURNS trigger AS $$
DECLARE
  mutable text[] := ARRAY['reference', 'comment', 'updated_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('trade_credit.discard_account', true) = OLD.account_id THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'trade credit ledger entries are append-only: % cannot be deleted', OLD.id;
  END IF;
  IF OLD.payment_session_id IS NOT NULL
     AND current_setting('trade_credit.name_order_of_session', true) = OLD.payment_session_id THEN
    mutable := mutable || ARRAY['order_id', 'order_display_id'];
  END IF;
  IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
    RAISE EXCEPTION 'trade credit ledger entries are append-only: only reference and comment of % may change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;`)
  }

  override async down(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION trade_credit_ledger_entry_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('trade_credit.discard_account', true) = OLD.account_id THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'trade credit ledger entries are append-only: % cannot be deleted', OLD.id;
  END IF;
  IF (to_jsonb(NEW) - 'reference' - 'comment' - 'updated_at')
     IS DISTINCT FROM (to_jsonb(OLD) - 'reference' - 'comment' - 'updated_at') THEN
    RAISE EXCEPTION 'trade credit ledger entries are append-only: only reference and comment of % may change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;`)
  }
}
