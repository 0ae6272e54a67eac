import { Migration } from '@mikro-orm/migrations';

export class Migration20261206104005_ledger extends Migration {

  override name = 'Migration20261206104005_ledger';

  override up(): void | Promise<void> {
    this.addSql(`create table "commission_rate" ("id" uuid not null, "seller_org_id" uuid null, "category_id" uuid null, "rate_bp" int not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create unique index "commission_rate_scope_unique" on "commission_rate" ("seller_org_id", "category_id") nulls not distinct;`);

    this.addSql(`create table "ledger_entry" ("id" uuid not null, "entry_group" varchar(80) not null, "order_id" uuid not null, "buyer_org_id" uuid not null, "seller_org_id" uuid not null, "account_org_id" uuid not null, "account" text not null, "amount" bigint not null, "currency" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ledger_entry_entry_group_index" on "ledger_entry" ("entry_group");`);
    this.addSql(`create index "ledger_entry_order_id_index" on "ledger_entry" ("order_id");`);
    this.addSql(`create index "ledger_entry_account_index" on "ledger_entry" ("account_org_id", "account", "currency");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_entry_group_account_account_org_id_unique" unique ("entry_group", "account", "account_org_id");`);

    this.addSql(`alter table "organization" add "territory_share_bp" int not null default 0;`);
    this.addSql(`alter table "organization" add constraint "organization_territory_share_check" check (territory_share_bp >= 0 and territory_share_bp <= 5000);`);

    this.addSql(`alter table "commission_rate" add constraint "commission_rate_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "commission_rate" add constraint "commission_rate_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete cascade;`);
    this.addSql(`alter table "commission_rate" add constraint "commission_rate_bp_check" check (rate_bp >= 0 and rate_bp <= 5000);`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_org_id_foreign" foreign key ("account_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_check" check ("account" in ('buyer_charge', 'seller_share', 'commission', 'territory_share'));`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`create or replace function "ledger_entry_ledger_entry_no_update_fn"() returns trigger as \$\$ begin raise exception 'ledger_entry is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "ledger_entry_no_update" BEFORE UPDATE on "ledger_entry" for each ROW execute function "ledger_entry_ledger_entry_no_update_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "commission_rate" cascade;`);
    this.addSql(`drop trigger if exists "ledger_entry_no_update" on "ledger_entry";`);
    this.addSql(`drop function if exists "ledger_entry_ledger_entry_no_update_fn"();`);
    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`alter table "organization" drop constraint "organization_territory_share_check";`);
    this.addSql(`alter table "organization" drop column "territory_share_bp";`);
  }

}
