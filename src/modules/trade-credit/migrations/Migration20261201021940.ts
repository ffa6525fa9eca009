import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201021940 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_invoice_counter" drop constraint if exists "trade_credit_invoice_counter_scope_unique";`);
    this.addSql(`alter table if exists "trade_credit_invoice" drop constraint if exists "trade_credit_invoice_entry_unique";`);
    this.addSql(`alter table if exists "trade_credit_invoice" drop constraint if exists "trade_credit_invoice_number_unique";`);
    this.addSql(`create table if not exists "trade_credit_invoice" ("id" text not null, "number" text not null, "account_id" text not null, "order_id" text null, "order_display_id" integer null, "payment_session_id" text null, "entry_id" text not null, "currency_code" text not null, "amount" numeric not null, "amount_credited" numeric not null default 0, "amount_paid" numeric not null default 0, "amount_open" numeric not null, "issued_at" timestamptz not null, "due_date" text not null, "due_at" timestamptz not null, "overdue_at" timestamptz not null, "terms_type" text check ("terms_type" in ('prepayment', 'net_days', 'end_of_next_month')) not null, "terms_net_days" integer null, "grace_days" integer not null default 0, "status" text check ("status" in ('open', 'partially_paid', 'paid', 'void')) not null default 'open', "reminders_paused" boolean not null default false, "dispute_note" text null, "metadata" jsonb null, "raw_amount" jsonb not null, "raw_amount_credited" jsonb not null default '{"value":"0","precision":20}', "raw_amount_paid" jsonb not null default '{"value":"0","precision":20}', "raw_amount_open" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_invoice_pkey" primary key ("id"), constraint trade_credit_invoice_amounts check (amount_open >= 0 AND amount_paid >= 0 AND amount_credited >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_deleted_at" ON "trade_credit_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_number_unique" ON "trade_credit_invoice" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_account_id_status_due_at" ON "trade_credit_invoice" ("account_id", "status", "due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_status_overdue_at" ON "trade_credit_invoice" ("status", "overdue_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_due_at" ON "trade_credit_invoice" ("due_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_order_id" ON "trade_credit_invoice" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_payment_session_id" ON "trade_credit_invoice" ("payment_session_id") WHERE payment_session_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_entry_unique" ON "trade_credit_invoice" ("entry_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trade_credit_invoice_allocation" ("id" text not null, "account_id" text not null, "kind" text check ("kind" in ('payment', 'credit_note')) not null default 'payment', "entry_id" text not null, "amount" numeric not null, "invoice_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_invoice_allocation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_allocation_invoice_id" ON "trade_credit_invoice_allocation" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_allocation_deleted_at" ON "trade_credit_invoice_allocation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_allocation_account_id" ON "trade_credit_invoice_allocation" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_allocation_entry_id" ON "trade_credit_invoice_allocation" ("entry_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trade_credit_invoice_counter" ("id" text not null, "scope" text not null, "last_value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_invoice_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_counter_deleted_at" ON "trade_credit_invoice_counter" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_invoice_counter_scope_unique" ON "trade_credit_invoice_counter" ("scope") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_invoice_allocation" add constraint "trade_credit_invoice_allocation_invoice_id_foreign" foreign key ("invoice_id") references "trade_credit_invoice" ("id") on update cascade;`);

    this.addSql(`alter table if exists "trade_credit_account" add column if not exists "overdue_policy" text check ("overdue_policy" in ('block', 'hold', 'allow')) not null default 'block';`);
    this.addSql(`alter table if exists "trade_credit_review" add column if not exists "reason" text check ("reason" in ('over_limit', 'overdue_invoices')) not null default 'over_limit';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_account" drop column if exists "overdue_policy";`);
    this.addSql(`alter table if exists "trade_credit_review" drop column if exists "reason";`);

    this.addSql(`alter table if exists "trade_credit_invoice_allocation" drop constraint if exists "trade_credit_invoice_allocation_invoice_id_foreign";`);

    this.addSql(`drop table if exists "trade_credit_invoice" cascade;`);

    this.addSql(`drop table if exists "trade_credit_invoice_allocation" cascade;`);

    this.addSql(`drop table if exists "trade_credit_invoice_counter" cascade;`);
  }

}
