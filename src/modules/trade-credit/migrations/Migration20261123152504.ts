import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123152504 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop constraint if exists "trade_credit_ledger_entry_idempotency_unique";`);
    this.addSql(`alter table if exists "trade_credit_account" drop constraint if exists "trade_credit_account_group_currency_unique";`);
    this.addSql(`alter table if exists "trade_credit_account" drop constraint if exists "trade_credit_account_customer_currency_unique";`);
    this.addSql(`create table if not exists "trade_credit_account" ("id" text not null, "customer_id" text null, "customer_group_id" text null, "currency_code" text not null, "credit_limit" numeric not null default 0, "balance" numeric not null default 0, "reserved" numeric not null default 0, "available_credit" numeric not null default 0, "allow_exceed" boolean not null default false, "over_limit_policy" text check ("over_limit_policy" in ('hold', 'block')) null, "status" text check ("status" in ('normal', 'query', 'on_stop')) not null default 'normal', "terms_type" text check ("terms_type" in ('prepayment', 'net_days', 'end_of_next_month')) not null default 'net_days', "terms_net_days" integer null, "terms_grace_days" integer not null default 0, "reference" text null, "metadata" jsonb null, "raw_credit_limit" jsonb not null default '{"value":"0","precision":20}', "raw_balance" jsonb not null default '{"value":"0","precision":20}', "raw_reserved" jsonb not null default '{"value":"0","precision":20}', "raw_available_credit" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_account_pkey" primary key ("id"), constraint trade_credit_account_one_holder check ((customer_id IS NULL) <> (customer_group_id IS NULL)), constraint trade_credit_account_credit_limit_not_negative check (credit_limit >= 0), constraint trade_credit_account_reserved_not_negative check (reserved >= 0), constraint trade_credit_account_reference_length check (reference IS NULL OR char_length(reference) <= 20));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_account_deleted_at" ON "trade_credit_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_account_customer_currency_unique" ON "trade_credit_account" ("customer_id", "currency_code") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_account_group_currency_unique" ON "trade_credit_account" ("customer_group_id", "currency_code") WHERE customer_group_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_account_balance" ON "trade_credit_account" ("balance") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_account_available_credit" ON "trade_credit_account" ("available_credit") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trade_credit_ledger_entry" ("id" text not null, "seq" serial, "operation" text check ("operation" in ('allocated', 'updated', 'purchased', 'reimbursed', 'refunded', 'reverted', 'adjusted')) not null, "amount" numeric not null default 0, "reserved_delta" numeric not null default 0, "balance_after" numeric not null, "reserved_after" numeric not null, "available_credit_after" numeric not null, "credit_limit_after" numeric not null, "currency_code" text not null, "over_limit" boolean not null default false, "order_id" text null, "order_display_id" integer null, "reference" text null, "comment" text null, "changes" jsonb null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system', 'erp')) not null, "actor_id" text null, "actor_name" text null, "idempotency_key" text null, "request_hash" text null, "account_id" text not null, "raw_amount" jsonb not null default '{"value":"0","precision":20}', "raw_reserved_delta" jsonb not null default '{"value":"0","precision":20}', "raw_balance_after" jsonb not null, "raw_reserved_after" jsonb not null, "raw_available_credit_after" jsonb not null, "raw_credit_limit_after" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_account_id" ON "trade_credit_ledger_entry" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_deleted_at" ON "trade_credit_ledger_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_idempotency_unique" ON "trade_credit_ledger_entry" ("account_id", "idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_account_id_seq" ON "trade_credit_ledger_entry" ("account_id", "seq") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_ledger_entry_order_id" ON "trade_credit_ledger_entry" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_ledger_entry" add constraint "trade_credit_ledger_entry_account_id_foreign" foreign key ("account_id") references "trade_credit_account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_ledger_entry" drop constraint if exists "trade_credit_ledger_entry_account_id_foreign";`);

    this.addSql(`drop table if exists "trade_credit_account" cascade;`);

    this.addSql(`drop table if exists "trade_credit_ledger_entry" cascade;`);
  }

}
