import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Makes the credit history append-only in the database itself, whatever code
 * talks to it: an entry can't be deleted, and an UPDATE may only touch the
 * custom reference number and comment (the two notes a credit controller may
 * correct). The one exception is discarding an account whose opening workflow
 * failed, signalled with a transaction-local setting naming that account.
 */
export class Migration20261123152600 extends Migration {
  override async up(): Promise<void> {
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
    this.addSql(`DROP TRIGGER IF EXISTS trade_credit_ledger_entry_append_only ON "trade_credit_ledger_entry";`)
    this.addSql(`CREATE TRIGGER trade_credit_ledger_entry_append_only
BEFORE UPDATE OR DELETE ON "trade_credit_ledger_entry"
FOR EACH ROW EXECUTE FUNCTION trade_credit_ledger_entry_append_only();`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS trade_credit_ledger_entry_append_only ON "trade_credit_ledger_entry";`)
    this.addSql(`DROP FUNCTION IF EXISTS trade_credit_ledger_entry_append_only();`)
  }
}
