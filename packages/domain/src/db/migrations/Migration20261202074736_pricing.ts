import { Migration } from '@mikro-orm/migrations';

export class Migration20261202074736_pricing extends Migration {

  override name = 'Migration20261202074736_pricing';

  override up(): void | Promise<void> {
    this.addSql(`create table "customer_group" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(120) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "customer_group_organization_id_index" on "customer_group" ("organization_id");`);
    this.addSql(`alter table "customer_group" add constraint "customer_group_organization_id_name_unique" unique ("organization_id", "name");`);

    this.addSql(`create table "customer" ("id" uuid not null, "organization_id" uuid not null, "buyer_id" uuid not null, "group_id" uuid null, "account_number" varchar(60) null, "approved" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "customer_organization_id_index" on "customer" ("organization_id");`);
    this.addSql(`create index "customer_buyer_id_index" on "customer" ("buyer_id");`);
    this.addSql(`create index "customer_group_id_index" on "customer" ("group_id");`);
    this.addSql(`alter table "customer" add constraint "customer_organization_id_buyer_id_unique" unique ("organization_id", "buyer_id");`);

    this.addSql(`create table "price_list" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(120) not null, "currency" text not null, "scope" text not null, "priority" int not null default 0, "valid_from" timestamptz null, "valid_to" timestamptz null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "price_list_organization_id_index" on "price_list" ("organization_id");`);
    this.addSql(`alter table "price_list" add constraint "price_list_organization_id_name_unique" unique ("organization_id", "name");`);

    this.addSql(`create table "price_list_target" ("id" uuid not null, "organization_id" uuid not null, "price_list_id" uuid not null, "group_id" uuid null, "customer_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "price_list_target_organization_id_index" on "price_list_target" ("organization_id");`);
    this.addSql(`create index "price_list_target_price_list_id_index" on "price_list_target" ("price_list_id");`);
    this.addSql(`create index "price_list_target_group_id_index" on "price_list_target" ("group_id");`);
    this.addSql(`create index "price_list_target_customer_id_index" on "price_list_target" ("customer_id");`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_price_list_id_group_id_unique" unique ("price_list_id", "group_id");`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_price_list_id_customer_id_unique" unique ("price_list_id", "customer_id");`);

    this.addSql(`create table "price_list_entry" ("id" uuid not null, "organization_id" uuid not null, "price_list_id" uuid not null, "offer_id" uuid not null, "tiers" jsonb null, "percent_off_bp" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "price_list_entry_organization_id_index" on "price_list_entry" ("organization_id");`);
    this.addSql(`create index "price_list_entry_offer_id_index" on "price_list_entry" ("offer_id");`);
    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_price_list_id_offer_id_unique" unique ("price_list_id", "offer_id");`);

    this.addSql(`alter table "organization" add "inherit_prices" boolean not null default false;`);

    this.addSql(`alter table "customer_group" add constraint "customer_group_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);

    this.addSql(`alter table "customer" add constraint "customer_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "customer" add constraint "customer_buyer_id_foreign" foreign key ("buyer_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "customer" add constraint "customer_group_id_foreign" foreign key ("group_id") references "customer_group" ("id") on delete set null;`);

    this.addSql(`alter table "price_list" add constraint "price_list_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list" add constraint "price_list_window_check" check (valid_to is null or valid_from is null or valid_to > valid_from);`);
    this.addSql(`alter table "price_list" add constraint "price_list_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "price_list" add constraint "price_list_scope_check" check ("scope" in ('contract', 'company', 'group', 'everyone'));`);

    this.addSql(`alter table "price_list_target" add constraint "price_list_target_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_group_id_foreign" foreign key ("group_id") references "customer_group" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_target" add constraint "price_list_target_one_check" check ((group_id is null) <> (customer_id is null));`);

    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on delete cascade;`);
    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_one_check" check ((tiers is null) <> (percent_off_bp is null));`);
    this.addSql(`alter table "price_list_entry" add constraint "price_list_entry_percent_check" check (percent_off_bp is null or (percent_off_bp > 0 and percent_off_bp <= 10000));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer" drop constraint "customer_group_id_foreign";`);
    this.addSql(`alter table "price_list_target" drop constraint "price_list_target_group_id_foreign";`);
    this.addSql(`alter table "price_list_target" drop constraint "price_list_target_customer_id_foreign";`);
    this.addSql(`alter table "price_list_target" drop constraint "price_list_target_price_list_id_foreign";`);
    this.addSql(`alter table "price_list_entry" drop constraint "price_list_entry_price_list_id_foreign";`);

    this.addSql(`drop table if exists "customer_group" cascade;`);
    this.addSql(`drop table if exists "customer" cascade;`);
    this.addSql(`drop table if exists "price_list" cascade;`);
    this.addSql(`drop table if exists "price_list_target" cascade;`);
    this.addSql(`drop table if exists "price_list_entry" cascade;`);

    this.addSql(`alter table "organization" drop column "inherit_prices";`);
  }

}
