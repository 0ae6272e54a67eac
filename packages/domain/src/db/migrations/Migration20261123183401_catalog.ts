import { Migration } from '@mikro-orm/migrations';

export class Migration20261123183401_catalog extends Migration {

  override name = 'Migration20261123183401_catalog';

  override up(): void | Promise<void> {
    this.addSql(`create table "category" ("id" uuid not null, "parent_id" uuid null, "slug" varchar(80) not null, "name_en" varchar(120) not null, "name_vi" varchar(120) not null, "attributes" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "category_parent_id_index" on "category" ("parent_id");`);
    this.addSql(`alter table "category" add constraint "category_slug_unique" unique ("slug");`);

    this.addSql(`create table "brand" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(120) not null, "slug" varchar(80) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "brand_organization_id_index" on "brand" ("organization_id");`);
    this.addSql(`alter table "brand" add constraint "brand_slug_unique" unique ("slug");`);

    this.addSql(`create table "distributor_authorization" ("id" uuid not null, "organization_id" uuid not null, "distributor_id" uuid not null, "brand_id" uuid not null, "subdivisions" jsonb not null, "circles" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "distributor_authorization_organization_id_index" on "distributor_authorization" ("organization_id");`);
    this.addSql(`create index "distributor_authorization_distributor_id_index" on "distributor_authorization" ("distributor_id");`);
    this.addSql(`alter table "distributor_authorization" add constraint "distributor_authorization_brand_id_distributor_id_unique" unique ("brand_id", "distributor_id");`);

    this.addSql(`create table "product" ("id" uuid not null, "organization_id" uuid not null, "brand_id" uuid null, "category_id" uuid not null, "mpn" varchar(80) not null, "slug" varchar(160) not null, "name_en" varchar(200) not null, "name_vi" varchar(200) not null, "description_en" text not null default '', "description_vi" text not null default '', "attributes" jsonb not null, "gtin" varchar(14) null, "unit_of_measure" text not null default 'piece', "pack_size" int not null default 1, "status" text not null default 'draft', "seller_listed" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "product_organization_id_index" on "product" ("organization_id");`);
    this.addSql(`create index "product_brand_id_index" on "product" ("brand_id");`);
    this.addSql(`create index "product_category_id_index" on "product" ("category_id");`);
    this.addSql(`alter table "product" add constraint "product_slug_unique" unique ("slug");`);
    this.addSql(`create index "product_status_index" on "product" ("status");`);
    this.addSql(`alter table "product" add constraint "product_organization_id_mpn_unique" unique ("organization_id", "mpn");`);

    this.addSql(`create table "offer" ("id" uuid not null, "organization_id" uuid not null, "product_id" uuid not null, "sku" varchar(80) not null, "price_amount" bigint not null, "currency" text not null, "min_order_qty" int not null default 1, "order_multiple" int not null default 1, "lead_time_days" int not null default 0, "condition" text not null default 'new', "status" text not null default 'active', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "offer_organization_id_index" on "offer" ("organization_id");`);
    this.addSql(`create index "offer_product_id_index" on "offer" ("product_id");`);
    this.addSql(`create index "offer_status_index" on "offer" ("status");`);
    this.addSql(`alter table "offer" add constraint "offer_organization_id_sku_unique" unique ("organization_id", "sku");`);
    this.addSql(`alter table "offer" add constraint "offer_organization_id_product_id_unique" unique ("organization_id", "product_id");`);

    this.addSql(`create table "offer_stock" ("id" uuid not null, "organization_id" uuid not null, "offer_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "offer_stock_organization_id_index" on "offer_stock" ("organization_id");`);
    this.addSql(`create index "offer_stock_offer_id_index" on "offer_stock" ("offer_id");`);
    this.addSql(`create index "offer_stock_warehouse_id_index" on "offer_stock" ("warehouse_id");`);
    this.addSql(`alter table "offer_stock" add constraint "offer_stock_offer_id_warehouse_id_unique" unique ("offer_id", "warehouse_id");`);

    this.addSql(`alter table "category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "category" ("id") on delete restrict;`);

    this.addSql(`alter table "brand" add constraint "brand_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);

    this.addSql(`alter table "distributor_authorization" add constraint "distributor_authorization_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "distributor_authorization" add constraint "distributor_authorization_distributor_id_foreign" foreign key ("distributor_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "distributor_authorization" add constraint "distributor_authorization_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete cascade;`);

    this.addSql(`alter table "product" add constraint "product_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "product" add constraint "product_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete restrict;`);
    this.addSql(`alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete restrict;`);
    this.addSql(`alter table "product" add constraint "product_unit_of_measure_check" check ("unit_of_measure" in ('piece', 'box', 'pack', 'set', 'meter', 'kilogram', 'liter', 'roll', 'pair'));`);
    this.addSql(`alter table "product" add constraint "product_status_check" check ("status" in ('draft', 'published'));`);

    this.addSql(`alter table "offer" add constraint "offer_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "offer" add constraint "offer_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`);
    this.addSql(`alter table "offer" add constraint "offer_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "offer" add constraint "offer_condition_check" check ("condition" in ('new', 'refurbished', 'used'));`);
    this.addSql(`alter table "offer" add constraint "offer_status_check" check ("status" in ('active', 'paused'));`);

    this.addSql(`alter table "offer_stock" add constraint "offer_stock_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "offer_stock" add constraint "offer_stock_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on delete cascade;`);
    this.addSql(`alter table "offer_stock" add constraint "offer_stock_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "category" drop constraint "category_parent_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);
    this.addSql(`alter table "distributor_authorization" drop constraint "distributor_authorization_brand_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_brand_id_foreign";`);
    this.addSql(`alter table "offer" drop constraint "offer_product_id_foreign";`);
    this.addSql(`alter table "offer_stock" drop constraint "offer_stock_offer_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "brand" cascade;`);
    this.addSql(`drop table if exists "distributor_authorization" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "offer" cascade;`);
    this.addSql(`drop table if exists "offer_stock" cascade;`);
  }

}
