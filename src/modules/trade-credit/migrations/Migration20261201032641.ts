import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201032641 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_reminder" drop constraint if exists "trade_credit_reminder_invoice_stage_unique";`);
    this.addSql(`create table if not exists "trade_credit_chase_note" ("id" text not null, "account_id" text not null, "body" text not null, "next_chase_at" timestamptz null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system', 'erp')) not null, "actor_id" text null, "actor_name" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_chase_note_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_chase_note_deleted_at" ON "trade_credit_chase_note" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_chase_note_account_id_created_at" ON "trade_credit_chase_note" ("account_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "trade_credit_reminder" ("id" text not null, "invoice_id" text not null, "account_id" text not null, "stage" text not null, "status" text check ("status" in ('pending', 'sent', 'failed')) not null default 'pending', "recipients" jsonb null, "attempts" integer not null default 0, "last_error" text null, "sent_at" timestamptz null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_reminder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_reminder_deleted_at" ON "trade_credit_reminder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_reminder_invoice_stage_unique" ON "trade_credit_reminder" ("invoice_id", "stage") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_reminder_account_id_status" ON "trade_credit_reminder" ("account_id", "status") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_account" add column if not exists "billing_email" text null, add column if not exists "reminders_paused" boolean not null default false, add column if not exists "last_chased_at" timestamptz null, add column if not exists "next_chase_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_account_next_chase_at" ON "trade_credit_account" ("next_chase_at") WHERE next_chase_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_invoice" add column if not exists "marked_overdue_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_credit_chase_note" cascade;`);

    this.addSql(`drop table if exists "trade_credit_reminder" cascade;`);

    this.addSql(`drop index if exists "IDX_trade_credit_account_next_chase_at";`);
    this.addSql(`alter table if exists "trade_credit_account" drop column if exists "billing_email", drop column if exists "reminders_paused", drop column if exists "last_chased_at", drop column if exists "next_chase_at";`);

    this.addSql(`alter table if exists "trade_credit_invoice" drop column if exists "marked_overdue_at";`);
  }

}
