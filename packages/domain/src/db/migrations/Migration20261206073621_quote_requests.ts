import { Migration } from '@mikro-orm/migrations';

export class Migration20261206073621_quote_requests extends Migration {

  override name = 'Migration20261206073621_quote_requests';

  override up(): void | Promise<void> {
    this.addSql(`create table "quote_request" ("id" uuid not null, "seller_org_id" uuid not null, "buyer_org_id" uuid not null, "user_id" uuid not null, "offer_id" uuid not null, "quantity" int not null, "message" text not null default '', "status" text not null default 'open', "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "quote_request_seller_org_id_index" on "quote_request" ("seller_org_id");`);
    this.addSql(`create index "quote_request_buyer_org_id_index" on "quote_request" ("buyer_org_id");`);
    this.addSql(`create index "quote_request_offer_id_index" on "quote_request" ("offer_id");`);
    this.addSql(`create unique index "quote_request_open_unique" on "quote_request" ("user_id", "offer_id") where "status" = 'open';`);

    this.addSql(`alter table "quote_request" add constraint "quote_request_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_offer_id_foreign" foreign key ("offer_id") references "offer" ("id") on delete cascade;`);
    this.addSql(`alter table "quote_request" add constraint "quote_request_status_check" check ("status" in ('open'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "quote_request" cascade;`);
  }

}
