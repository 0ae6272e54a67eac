import { Migration } from '@mikro-orm/migrations';

export class Migration20261206094305_orders extends Migration {

  override name = 'Migration20261206094305_orders';

  override up(): void | Promise<void> {
    // Order numbers people read out on the phone (TP-001001), never reused.
    this.addSql(`create sequence "order_number_seq" start 1001;`);
    this.addSql(`create table "checkout" ("id" uuid not null, "buyer_org_id" uuid not null, "user_id" uuid not null, "token" uuid not null, "po_number" varchar(64) not null default '', "approval_steps" jsonb not null, "approvals_done" int not null default 0, "approval_reasons" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "checkout_buyer_org_id_index" on "checkout" ("buyer_org_id");`);
    this.addSql(`alter table "checkout" add constraint "checkout_token_unique" unique ("token");`);

    this.addSql(`create table "orders" ("id" uuid not null, "number" varchar(20) not null, "checkout_id" uuid not null, "buyer_org_id" uuid not null, "seller_org_id" uuid not null, "placed_by_id" uuid not null, "status" text not null, "currency" text not null, "subtotal" bigint not null, "po_number" varchar(64) not null default '', "requested_date" varchar(10) null, "notes" text not null default '', "ship_to" jsonb not null, "carrier" varchar(100) null, "tracking_number" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "orders" add constraint "orders_number_unique" unique ("number");`);
    this.addSql(`create index "orders_checkout_id_index" on "orders" ("checkout_id");`);
    this.addSql(`create index "orders_buyer_org_id_index" on "orders" ("buyer_org_id");`);
    this.addSql(`create index "orders_seller_org_id_index" on "orders" ("seller_org_id");`);
    this.addSql(`create index "orders_status_index" on "orders" ("status");`);
    this.addSql(`create index "orders_buyer_month_index" on "orders" ("buyer_org_id", "created_at");`);

    this.addSql(`create table "order_line" ("id" uuid not null, "order_id" uuid not null, "buyer_org_id" uuid not null, "seller_org_id" uuid not null, "offer_id" uuid null, "product_id" uuid not null, "sku" varchar(80) not null, "product_name" jsonb not null, "quantity" int not null, "unit_amount" bigint not null, "currency" text not null, "line_total" bigint not null, "price_list_name" varchar(200) null, "allocations" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "order_line_order_id_index" on "order_line" ("order_id");`);
    this.addSql(`create index "order_line_buyer_org_id_index" on "order_line" ("buyer_org_id");`);
    this.addSql(`create index "order_line_seller_org_id_index" on "order_line" ("seller_org_id");`);
    this.addSql(`create index "order_line_offer_id_index" on "order_line" ("offer_id");`);

    this.addSql(`create table "checkout_approval" ("id" uuid not null, "checkout_id" uuid not null, "buyer_org_id" uuid not null, "step" int not null, "user_id" uuid not null, "decision" text not null, "comment" text not null default '', "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "checkout_approval_checkout_id_index" on "checkout_approval" ("checkout_id");`);
    this.addSql(`create index "checkout_approval_buyer_org_id_index" on "checkout_approval" ("buyer_org_id");`);
    this.addSql(`alter table "checkout_approval" add constraint "checkout_approval_checkout_id_step_unique" unique ("checkout_id", "step");`);

    this.addSql(`create table "cart_line" ("id" uuid not null, "buyer_org_id" uuid not null, "user_id" uuid not null, "offer_id" uuid not null, "quantity" int not null, "seen_unit_amount" bigint not null, "seen_currency" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "cart_line_buyer_org_id_index" on "cart_line" ("buyer_org_id");`);
    this.addSql(`create index "cart_line_offer_id_index" on "cart_line" ("offer_id");`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_user_id_buyer_org_id_offer_id_unique" unique ("user_id", "buyer_org_id", "offer_id");`);

    this.addSql(`alter table "offer_stock" add constraint "offer_stock_quantity_check" check (quantity >= 0);`);

    this.addSql(`alter table "checkout" add constraint "checkout_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "checkout" add constraint "checkout_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "orders" add constraint "orders_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_placed_by_id_foreign" foreign key ("placed_by_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_subtotal_check" check (subtotal >= 0);`);
    this.addSql(`alter table "orders" add constraint "orders_status_check" check ("status" in ('pending_approval', 'placed', 'confirmed', 'shipped', 'delivered', 'completed', 'rejected', 'cancelled'));`);
    this.addSql(`alter table "orders" add constraint "orders_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);

    this.addSql(`alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on delete set null;`);
    this.addSql(`alter table "order_line" add constraint "order_line_amounts_check" check (quantity > 0 and unit_amount >= 0 and line_total = unit_amount * quantity);`);
    this.addSql(`alter table "order_line" add constraint "order_line_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);

    this.addSql(`alter table "checkout_approval" add constraint "checkout_approval_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete cascade;`);
    this.addSql(`alter table "checkout_approval" add constraint "checkout_approval_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "checkout_approval" add constraint "checkout_approval_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "checkout_approval" add constraint "checkout_approval_decision_check" check ("decision" in ('approved', 'rejected'));`);

    this.addSql(`alter table "cart_line" add constraint "cart_line_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on delete cascade;`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_quantity_check" check (quantity > 0);`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_seen_currency_check" check ("seen_currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop sequence if exists "order_number_seq";`);
    this.addSql(`alter table "orders" drop constraint "orders_checkout_id_foreign";`);
    this.addSql(`alter table "checkout_approval" drop constraint "checkout_approval_checkout_id_foreign";`);
    this.addSql(`alter table "order_line" drop constraint "order_line_order_id_foreign";`);

    this.addSql(`drop table if exists "checkout" cascade;`);
    this.addSql(`drop table if exists "orders" cascade;`);
    this.addSql(`drop table if exists "order_line" cascade;`);
    this.addSql(`drop table if exists "checkout_approval" cascade;`);
    this.addSql(`drop table if exists "cart_line" cascade;`);

    this.addSql(`alter table "offer_stock" drop constraint "offer_stock_quantity_check";`);
  }

}
