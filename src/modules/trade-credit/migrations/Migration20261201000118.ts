import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201000118 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_ledger_entry" add column if not exists "reverses_entry_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop column if exists "reverses_entry_id";`);
  }

}
