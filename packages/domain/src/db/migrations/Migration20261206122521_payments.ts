import { Migration } from '@mikro-orm/migrations';

export class Migration20261206122521_payments extends Migration {

  override name = 'Migration20261206122521_payments';

  override up(): void | Promise<void> {
    this.addSql(`create table "payment_account" ("id" uuid not null, "organization_id" uuid not null, "provider_account_id" varchar(64) not null, "country" varchar(2) not null, "transfers" text not null default 'inactive', "details_submitted" boolean not null default false, "provider_updated_at" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "payment_account" add constraint "payment_account_organization_id_unique" unique ("organization_id");`);
    this.addSql(`alter table "payment_account" add constraint "payment_account_provider_account_id_unique" unique ("provider_account_id");`);

    this.addSql(`create table "payment" ("id" uuid not null, "checkout_id" uuid not null, "buyer_org_id" uuid not null, "currency" text not null, "amount" bigint not null, "status" text not null default 'requires_payment', "intent_id" varchar(64) null, "intent_amount" bigint null, "charge_id" varchar(64) null, "amount_refunded" bigint not null default '0', "last_error" varchar(300) null, "expires_at" timestamptz not null, "paid_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "payment_buyer_org_id_index" on "payment" ("buyer_org_id");`);
    this.addSql(`alter table "payment" add constraint "payment_intent_id_unique" unique ("intent_id");`);
    this.addSql(`create index "payment_status_expires_index" on "payment" ("status", "expires_at");`);
    this.addSql(`alter table "payment" add constraint "payment_checkout_id_currency_unique" unique ("checkout_id", "currency");`);

    this.addSql(`create table "payment_transfer" ("id" uuid not null, "payment_id" uuid not null, "order_id" uuid not null, "account" text not null, "destination_org_id" uuid not null, "buyer_org_id" uuid not null, "currency" text not null, "amount" bigint not null, "amount_reversed" bigint not null default '0', "status" text not null default 'queued', "provider_transfer_id" varchar(64) null, "last_error" varchar(300) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "payment_transfer_payment_id_index" on "payment_transfer" ("payment_id");`);
    this.addSql(`create index "payment_transfer_destination_org_id_index" on "payment_transfer" ("destination_org_id");`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_provider_transfer_id_unique" unique ("provider_transfer_id");`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_order_id_account_destination_org_id_unique" unique ("order_id", "account", "destination_org_id");`);

    this.addSql(`create table "payment_refund" ("id" uuid not null, "payment_id" uuid not null, "order_id" uuid null, "intent_id" varchar(64) not null, "buyer_org_id" uuid not null, "currency" text not null, "amount" bigint not null, "status" text not null default 'queued', "provider_refund_id" varchar(64) null, "last_error" varchar(300) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "payment_refund_payment_id_index" on "payment_refund" ("payment_id");`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "payment_refund_intent_id_index" on "payment_refund" ("intent_id");`);

    this.addSql(`create table "webhook_event" ("id" varchar(64) not null, "type" varchar(64) not null, "received_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`alter table "orders" add "pay_by" text not null default 'terms';`);
    this.addSql(`alter table "orders" add constraint "orders_pay_by_check" check ("pay_by" in ('terms', 'card'));`);

    this.addSql(`alter table "invoice" drop constraint "invoice_terms_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_terms_check" check ("terms" in ('prepaid', 'net30', 'net60', 'card'));`);

    this.addSql(`alter table "payment_account" add constraint "payment_account_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_account" add constraint "payment_account_transfers_check" check ("transfers" in ('active', 'inactive', 'pending'));`);

    this.addSql(`alter table "payment" add constraint "payment_checkout_id_foreign" foreign key ("checkout_id") references "checkout" ("id") on delete cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_amount_check" check (amount > 0 and amount_refunded >= 0 and amount_refunded <= amount);`);
    this.addSql(`alter table "payment" add constraint "payment_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "payment" add constraint "payment_status_check" check ("status" in ('requires_payment', 'succeeded', 'expired', 'canceled'));`);

    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_destination_org_id_foreign" foreign key ("destination_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_amount_check" check (amount > 0 and amount_reversed >= 0 and amount_reversed <= amount);`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_account_check" check ("account" in ('seller_share', 'territory_share'));`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "payment_transfer" add constraint "payment_transfer_status_check" check ("status" in ('queued', 'sent', 'reversed', 'failed', 'canceled'));`);

    this.addSql(`alter table "payment_refund" add constraint "payment_refund_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_amount_check" check (amount > 0);`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "payment_refund" add constraint "payment_refund_status_check" check ("status" in ('queued', 'succeeded', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment_transfer" drop constraint "payment_transfer_payment_id_foreign";`);
    this.addSql(`alter table "payment_refund" drop constraint "payment_refund_payment_id_foreign";`);

    this.addSql(`drop table if exists "payment_account" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
    this.addSql(`drop table if exists "payment_transfer" cascade;`);
    this.addSql(`drop table if exists "payment_refund" cascade;`);
    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`alter table "invoice" drop constraint "invoice_terms_check";`);
    this.addSql(`alter table "invoice" add constraint "invoice_terms_check" check ("terms" in ('prepaid', 'net30', 'net60'));`);

    this.addSql(`alter table "orders" drop constraint "orders_pay_by_check";`);
    this.addSql(`alter table "orders" drop column "pay_by";`);
  }

}
