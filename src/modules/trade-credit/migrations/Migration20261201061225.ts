import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201061225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_report_send" drop constraint if exists "trade_credit_report_send_period_unique";`);
    this.addSql(`create table if not exists "trade_credit_report_send" ("id" text not null, "period" text not null, "status" text check ("status" in ('pending', 'sent', 'failed')) not null default 'pending', "recipients" jsonb null, "attempts" integer not null default 0, "last_error" text null, "sent_at" timestamptz null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_report_send_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_report_send_deleted_at" ON "trade_credit_report_send" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_report_send_period_unique" ON "trade_credit_report_send" ("period") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "trade_credit_account" add column if not exists "outstanding_orders_total" numeric not null default 0, add column if not exists "outstanding_orders_count" integer not null default 0, add column if not exists "raw_outstanding_orders_total" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_credit_report_send" cascade;`);

    this.addSql(`alter table if exists "trade_credit_account" drop column if exists "outstanding_orders_total", drop column if exists "outstanding_orders_count", drop column if exists "raw_outstanding_orders_total";`);
  }

}
