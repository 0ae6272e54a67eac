import { Migration } from '@mikro-orm/migrations';

export class Migration20261206102052_invoices extends Migration {

  override name = 'Migration20261206102052_invoices';

  override up(): void | Promise<void> {
    this.addSql(`create table "invoice_counter" ("seller_org_id" uuid not null, "last" int not null, primary key ("seller_org_id"));`);

    this.addSql(`create table "invoice" ("id" uuid not null, "number" varchar(20) not null, "order_id" uuid not null, "seller_org_id" uuid not null, "buyer_org_id" uuid not null, "currency" text not null, "amount" bigint not null, "terms" text not null, "due_date" varchar(10) not null, "status" text not null default 'open', "paid_at" timestamptz null, "issued_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "invoice" add constraint "invoice_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "invoice_seller_org_id_index" on "invoice" ("seller_org_id");`);
    this.addSql(`create index "invoice_buyer_org_id_index" on "invoice" ("buyer_org_id");`);
    this.addSql(`create index "invoice_seller_due_index" on "invoice" ("seller_org_id", "status", "due_date");`);
    this.addSql(`alter table "invoice" add constraint "invoice_seller_org_id_number_unique" unique ("seller_org_id", "number");`);

    this.addSql(`alter table "customer" add "payment_terms" text not null default 'net30', add "credit_limit" bigint null, add "credit_currency" text null;`);
    this.addSql(`alter table "customer" add constraint "customer_credit_check" check ((credit_limit is null) = (credit_currency is null) and (credit_limit is null or credit_limit >= 0));`);
    this.addSql(`alter table "customer" add constraint "customer_payment_terms_check" check ("payment_terms" in ('prepaid', 'net30', 'net60'));`);
    this.addSql(`alter table "customer" add constraint "customer_credit_currency_check" check ("credit_currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);

    this.addSql(`alter table "invoice_counter" add constraint "invoice_counter_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invoice" add constraint "invoice_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "invoice" add constraint "invoice_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "invoice" add constraint "invoice_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "invoice" add constraint "invoice_amount_check" check (amount >= 0);`);
    this.addSql(`alter table "invoice" add constraint "invoice_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "invoice" add constraint "invoice_terms_check" check ("terms" in ('prepaid', 'net30', 'net60'));`);
    this.addSql(`alter table "invoice" add constraint "invoice_status_check" check ("status" in ('open', 'paid', 'void'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "invoice_counter" cascade;`);
    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`alter table "customer" drop constraint "customer_credit_check";`);
    this.addSql(`alter table "customer" drop constraint "customer_payment_terms_check";`);
    this.addSql(`alter table "customer" drop constraint "customer_credit_currency_check";`);
    this.addSql(`alter table "customer" drop column "payment_terms", drop column "credit_limit", drop column "credit_currency";`);
  }

}
