import { Migration } from '@mikro-orm/migrations';

export class Migration20261202174303_approvals extends Migration {

  override name = 'Migration20261202174303_approvals';

  override up(): void | Promise<void> {
    this.addSql(`create table "approval_rule" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(120) not null, "min_total" bigint null, "currency" text not null, "seller_id" uuid null, "category_id" uuid null, "buyer_role" text null, "when_limit_exceeded" boolean not null default false, "steps" jsonb not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "approval_rule_organization_id_index" on "approval_rule" ("organization_id");`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_organization_id_name_unique" unique ("organization_id", "name");`);

    this.addSql(`create table "spending_limit" ("id" uuid not null, "organization_id" uuid not null, "user_id" uuid null, "period" text not null, "amount" bigint not null, "currency" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "spending_limit_organization_id_index" on "spending_limit" ("organization_id");`);
    this.addSql(`create unique index "spending_limit_unique" on "spending_limit" ("organization_id", "user_id", "period") nulls not distinct;`);

    this.addSql(`alter table "approval_rule" add constraint "approval_rule_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_seller_id_foreign" foreign key ("seller_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete set null;`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_steps_check" check (jsonb_array_length(steps) >= 1 and jsonb_array_length(steps) <= 4);`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_total_check" check (min_total is null or min_total >= 0);`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
    this.addSql(`alter table "approval_rule" add constraint "approval_rule_buyer_role_check" check ("buyer_role" in ('admin', 'approver', 'buyer', 'viewer'));`);

    this.addSql(`alter table "spending_limit" add constraint "spending_limit_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "spending_limit" add constraint "spending_limit_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "spending_limit" add constraint "spending_limit_amount_check" check (amount > 0);`);
    this.addSql(`alter table "spending_limit" add constraint "spending_limit_company_check" check (user_id is not null or period = 'month');`);
    this.addSql(`alter table "spending_limit" add constraint "spending_limit_period_check" check ("period" in ('order', 'month'));`);
    this.addSql(`alter table "spending_limit" add constraint "spending_limit_currency_check" check ("currency" in ('VND', 'USD', 'EUR', 'SGD', 'THB', 'JPY', 'GBP'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "approval_rule" cascade;`);
    this.addSql(`drop table if exists "spending_limit" cascade;`);
  }

}
