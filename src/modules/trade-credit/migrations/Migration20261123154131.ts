import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123154131 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_review" drop constraint if exists "trade_credit_review_session_unique";`);
    this.addSql(`create table if not exists "trade_credit_review" ("id" text not null, "account_id" text not null, "payment_session_id" text not null, "order_id" text null, "order_display_id" integer null, "customer_id" text null, "currency_code" text not null, "amount" numeric not null, "available_credit" numeric not null, "amount_over" numeric not null, "status" text check ("status" in ('pending', 'released', 'rejected', 'canceled')) not null default 'pending', "comment" text null, "decided_by_type" text check ("decided_by_type" in ('user', 'customer', 'system', 'erp')) null, "decided_by_id" text null, "decided_by_name" text null, "decided_at" timestamptz null, "raw_amount" jsonb not null, "raw_available_credit" jsonb not null, "raw_amount_over" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_review_deleted_at" ON "trade_credit_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_review_session_unique" ON "trade_credit_review" ("payment_session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_review_status" ON "trade_credit_review" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_review_order_id" ON "trade_credit_review" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_review_account_id" ON "trade_credit_review" ("account_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop constraint if exists "trade_credit_ledger_entry_operation_check";`);

    this.addSql(`alter table if exists "trade_credit_ledger_entry" add column if not exists "payment_session_id" text null;`);
    this.addSql(`alter table if exists "trade_credit_ledger_entry" add constraint "trade_credit_ledger_entry_operation_check" check("operation" in ('allocated', 'updated', 'purchased', 'captured', 'reimbursed', 'refunded', 'reverted', 'adjusted'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_payment_session_id" ON "trade_credit_ledger_entry" ("payment_session_id") WHERE payment_session_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_credit_review" cascade;`);

    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop constraint if exists "trade_credit_ledger_entry_operation_check";`);

    this.addSql(`drop index if exists "IDX_trade_credit_ledger_entry_payment_session_id";`);
    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop column if exists "payment_session_id";`);

    this.addSql(`alter table if exists "trade_credit_ledger_entry" add constraint "trade_credit_ledger_entry_operation_check" check("operation" in ('allocated', 'updated', 'purchased', 'reimbursed', 'refunded', 'reverted', 'adjusted'));`);
  }

}
