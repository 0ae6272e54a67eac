import { Migration } from '@mikro-orm/migrations';

export class Migration20261206153111_payouts extends Migration {

  override name = 'Migration20261206153111_payouts';

  override up(): void | Promise<void> {
    this.addSql(`create table "payment_payout" ("id" uuid not null, "organization_id" uuid not null, "provider_payout_id" varchar(64) not null, "amount" bigint not null, "currency" text not null, "status" text not null, "arrival_date" varchar(10) not null, "failure_message" varchar(300) null, "provider_created_at" int not null, "provider_updated_at" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "payment_payout" add constraint "payment_payout_provider_payout_id_unique" unique ("provider_payout_id");`);
    this.addSql(`create index "payment_payout_org_created_index" on "payment_payout" ("organization_id", "provider_created_at");`);

    this.addSql(`alter table "payment_payout" add constraint "payment_payout_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_payout" add constraint "payment_payout_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "payment_payout" add constraint "payment_payout_status_check" check ("status" in ('pending', 'in_transit', 'paid', 'failed', 'canceled'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "payment_payout" cascade;`);
  }

}
