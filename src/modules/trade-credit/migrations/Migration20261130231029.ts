import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130231029 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "trade_credit_confirm_failure" drop constraint if exists "trade_credit_confirm_failure_payment_unique";`);
    this.addSql(`create table if not exists "trade_credit_confirm_failure" ("id" text not null, "order_id" text not null, "payment_id" text not null, "attempts" integer not null default 0, "last_error" text not null, "gave_up_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "trade_credit_confirm_failure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_confirm_failure_deleted_at" ON "trade_credit_confirm_failure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_trade_credit_confirm_failure_payment_unique" ON "trade_credit_confirm_failure" ("payment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_trade_credit_confirm_failure_order_id" ON "trade_credit_confirm_failure" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trade_credit_confirm_failure" cascade;`);
  }

}
