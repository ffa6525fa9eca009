import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Only a reimbursement's custom reference number and comment may be corrected
 * (each correction is kept in trade_credit_entry_edit); every other entry is
 * fully immutable. The narrow exception for naming the placed order on a
 * checkout session's entries stays as it was.
 */
export class Migration20261130230300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION trade_credit_ledger_entry_append_only() RETURNS trigger AS $$
DECLARE
  mutable text[] := ARRAY['updated_at'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('trade_credit.discard_account', true) = OLD.account_id THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'trade credit ledger entries are append-only: % cannot be deleted', OLD.id;
  END IF;
  IF OLD.operation = 'reimbursed' THEN
    mutable := mutable || ARRAY['reference', 'comment'];
  END IF;
  IF OLD.payment_session_id IS NOT NULL
     AND current_setting('trade_credit.name_order_of_session', true) = OLD.payment_session_id THEN
    mutable := mutable || ARRAY['order_id', 'order_display_id'];
  END IF;
  IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
    RAISE EXCEPTION 'trade credit ledger entries are append-only: only the reference and comment of a reimbursement may change (% is "%")', OLD.id, OLD.operation;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;`)
  }

  override async down(): Promise<void> {
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
}
