import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130230252 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_entry_edit" drop constraint if exists "trade_credit_entry_edit_idempotency_unique";`);
    this.addSql(`alter table if exists "trade_credit_capture" drop constraint if exists "trade_credit_capture_capture_unique";`);
    this.addSql(`create table if not exists "trade_credit_capture" ("id" text not null, "account_id" text not null, "payment_session_id" text not null, "capture_id" text not null, "amount" numeric not null default 0, "entry_id" text null, "raw_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_capture_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_capture_deleted_at" ON "trade_credit_capture" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_capture_capture_unique" ON "trade_credit_capture" ("capture_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_capture_payment_session_id" ON "trade_credit_capture" ("payment_session_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trade_credit_entry_edit" ("id" text not null, "entry_id" text not null, "account_id" text not null, "changes" jsonb not null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system', 'erp')) not null, "actor_id" text null, "actor_name" text null, "idempotency_key" text null, "request_hash" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_entry_edit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_entry_edit_deleted_at" ON "trade_credit_entry_edit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_entry_edit_entry_id" ON "trade_credit_entry_edit" ("entry_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_entry_edit_idempotency_unique" ON "trade_credit_entry_edit" ("account_id", "idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_credit_capture" cascade;`);

    this.addSql(`drop table if exists "trade_credit_entry_edit" cascade;`);
  }

}
